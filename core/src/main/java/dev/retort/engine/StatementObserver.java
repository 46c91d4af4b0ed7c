package dev.retort.engine;

import java.sql.SQLException;

/**
 * Told of every statement an engine's sessions run, after it ran: the slow-statement log, Micrometer timings
 * and OpenTelemetry spans are observers ({@code dev.retort.observe}), and an application may add its own with
 * {@link StatementObservers#add}. Called on the session's thread, by many threads at once: implementations
 * must be thread-safe and quick. An exception thrown by an observer is logged and does not reach the session.
 */
@FunctionalInterface
public interface StatementObserver {

    /**
     * One execution: the SQL with its {@code ?} placeholders (a JDBC batch is one execution) and the time the
     * driver took to run it, fetching a query's rows not included.
     */
    void executed(String sql, long elapsedNanos);

    /**
     * One execution that failed: the SQL, the time from its start until the driver threw, and what it threw (the
     * session then throws its own exception naming the fix). Statements that fail are told here and not to
     * {@link #executed}; this default ignores them.
     */
    default void failed(String sql, long elapsedNanos, SQLException failure) {
    }
}
