/**
 * The query builders a session hands out (entity, tuple, bulk and textual SQL queries), which render their SQL
 * trees and load their rows through the load package.
 *
 * <p>Internal: public only so the other rooms of {@code dev.retort.session} can use it; not API, and it may
 * change without notice. {@code LayeringTest} keeps everything outside the session from using it.
 */
package dev.retort.session.query;
