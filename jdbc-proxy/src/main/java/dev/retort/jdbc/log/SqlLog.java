package dev.retort.jdbc.log;

import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.ProxyOptions.Format;
import dev.retort.jdbc.SqlEvent.Kind;
import dev.retort.jdbc.SqlListener;
import dev.retort.jdbc.observe.SlowStatements;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where records go: the listeners, then the {@code System.Logger} {@value #LOGGER_NAME} at INFO (slow
 * statements), DEBUG (the others) or WARNING (failures). One instance per distinct set of options; shared by
 * all their connections and thread-safe.
 */
public final class SqlLog {

    public static final String LOGGER_NAME = "dev.retort.jdbc.sql";

    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

    private final ProxyOptions options;
    private final long slowNanos;
    /** The slow-statement warning, or null when {@code retort.log.slow-statement-threshold} is 0. */
    private final SlowStatements slowStatements;

    public SqlLog(ProxyOptions options) {
        this.options = options;
        this.slowNanos = TimeUnit.MILLISECONDS.toNanos(options.slowMillis());
        this.slowStatements = SlowStatements.of(options);
    }

    public ProxyOptions options() {
        return options;
    }

    /** Whether the wrappers record anything; when false they only forward calls. */
    public boolean enabled() {
        return options.log();
    }

    /** Starts the clock; {@code parameterSets} is empty for SQL without bound values. */
    public StatementRecord start(long connectionId, Kind kind, String sql, String sentSql,
                                 List<BoundValues> parameterSets, int batchSize) {
        String caller = options.caller() ? Callers.find() : null;
        return new StatementRecord(connectionId, kind, sql, sentSql, parameterSets, batchSize, caller,
                options.maxValueLength(), options.maxStatementLength());
    }

    /** Records the failure and returns the same exception, for {@code throw log.failed(record, e)}. */
    public SQLException failed(StatementRecord record, SQLException failure) {
        record.failure(failure);
        emit(record);
        return failure;
    }

    public void emit(StatementRecord record) {
        if (slowStatements != null) {
            slowStatements.check(record);
        }
        for (SqlListener listener : Listeners.all()) {
            try {
                listener.onEvent(record);
            } catch (RuntimeException listenerFailure) {
                LOGGER.log(Level.WARNING, "SqlListener " + listener.getClass().getName()
                        + " threw; the statement itself is unaffected", listenerFailure);
            }
        }
        Level level = record.failure() != null ? Level.WARNING
                : record.elapsedNanos() >= slowNanos ? Level.INFO : Level.DEBUG;
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, options.format() == Format.JSON
                    ? JsonFormat.format(record, options.params())
                    : TextFormat.format(record, options.params()));
        }
    }

    /** The URL arrives masked; a connection's opening is worth a line only when debugging. */
    public void opened(long connectionId, String source) {
        if (options.log() && LOGGER.isLoggable(Level.DEBUG)) {
            LOGGER.log(Level.DEBUG, "[conn " + connectionId + "] opened " + source);
        }
    }
}
