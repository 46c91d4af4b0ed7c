package dev.retort.jdbc;

/**
 * Receives every statement, commit and rollback the proxy records, whatever the logger's level: a sink
 * for metrics, tests or a custom log. Found through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.retort.jdbc.SqlListener} file) or added with
 * {@link RetortDriver#addListener(SqlListener)}. Nothing is recorded while {@code retort.log=false}.
 *
 * <p>Listeners are called on the thread that ran the statement, by many threads at once: implementations
 * must be thread-safe and quick. An exception thrown by a listener is logged and does not reach the
 * application.
 */
@FunctionalInterface
public interface SqlListener {

    void onEvent(SqlEvent event);
}
