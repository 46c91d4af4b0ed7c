/**
 * The persistence context: each object's entry and status, the identity map, the pending list and the savepoint
 * frames that undo them, plus the lazy collections and references whose loading the session owns.
 *
 * <p>Internal: public only so the other rooms of {@code dev.retort.session} can use it; not API, and it may
 * change without notice. {@code LayeringTest} keeps everything outside the session from using it.
 */
package dev.retort.session.state;
