/**
 * How one entity class is read from and written to rows: its compiled statements, field access, key and version
 * handling, and joined-table writes. It holds no session state and uses nothing else of the session.
 *
 * <p>Internal: public only so the other rooms of {@code dev.retort.session} can use it; not API, and it may
 * change without notice. {@code LayeringTest} keeps everything outside the session from using it.
 */
package dev.retort.session.persister;
