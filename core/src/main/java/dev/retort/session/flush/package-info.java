/**
 * The unit of work's writes: a plan that orders inserts, updates, deletes, post-updates and link rows from the
 * persistence context without touching JDBC, and the flush that runs it.
 *
 * <p>Internal: public only so the other rooms of {@code dev.retort.session} can use it; not API, and it may
 * change without notice. {@code LayeringTest} keeps everything outside the session from using it.
 */
package dev.retort.session.flush;
