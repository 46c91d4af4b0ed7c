/**
 * Rows into objects: the SELECTs a load issues, reading rows, hydration into the identity map, the relationship
 * loading strategies, polymorphic loads and streams. It writes nothing and knows nothing of the flush.
 *
 * <p>Internal: public only so the other rooms of {@code dev.retort.session} can use it; not API, and it may
 * change without notice. {@code LayeringTest} keeps everything outside the session from using it.
 */
package dev.retort.session.load;
