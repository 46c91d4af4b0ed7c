/**
 * The session's implementation, behind {@link dev.retort.Session} and {@link dev.retort.SessionFactory}. Not API:
 * applications and containers use the interfaces in {@code dev.retort}; the types here may change without notice.
 *
 * <p>{@link dev.retort.session.SessionImpl} is the one owner of a session: it holds the persistence context, the
 * connection and the transaction stack, and hands the work to rooms below it, each a package:
 * <ul>
 *   <li>{@code persister}: how one entity class is read from and written to rows (no session state);</li>
 *   <li>{@code state}: the persistence context (entries, identity map, pending list, savepoint frames) and the
 *       lazy collections and references that belong to it;</li>
 *   <li>{@code load}: rows into objects (statements, row reading, hydration, relationship strategies);</li>
 *   <li>{@code flush}: the ordered plan of writes a flush makes and its execution;</li>
 *   <li>{@code query}: the query builders the session hands out, which load through {@code load}.</li>
 * </ul>
 * Dependencies run one way, checked by {@code LayeringTest}: {@code query} over {@code load}; {@code load} and
 * {@code flush} over {@code state}, never each other; everything over {@code persister}, which uses nothing else
 * of the session.
 */
package dev.retort.session;
