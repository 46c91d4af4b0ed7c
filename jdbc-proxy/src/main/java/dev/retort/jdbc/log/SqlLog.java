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
 * Where records go: the listeners, then the file named by {@code retort.log.file} if there is one, else the
 * {@code System.Logger} {@value #LOGGER_NAME}; at INFO (slow statements), DEBUG (the others) or WARNING
 * (failures). One instance per distinct set of options; shared by
 * all their connections and thread-safe.
 */
public final class SqlLog {

    public static final String LOGGER_NAME = "dev.retort.jdbc.sql";

    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

    private final ProxyOptions options;
    private final long slowNanos;
    private final FileSink file;
    /** The slow-statement warning, or null when {@code retort.log.slow-statement-threshold} is 0. */
    private final SlowStatements slowStatements;

    /** @throws IllegalArgumentException naming {@code retort.log.file} when that file cannot be opened */
    public SqlLog(ProxyOptions options) {
        this.options = options;
        this.slowNanos = TimeUnit.MILLISECONDS.toNanos(options.slowMillis());
        this.file = options.log() && options.file() != null ? FileSink.forFile(options.file()) : null;
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
        if (file != null) {
            file.add(this, record);
            return;
        }
        Level level = level(record);
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, format(record));
        }
    }

    Level level(StatementRecord record) {
        return record.failure() != null ? Level.WARNING
                : record.elapsedNanos() >= slowNanos ? Level.INFO : Level.DEBUG;
    }

    /** Appends the record as {@link #format} would, after what {@code line} holds; JSON without its opening brace. */
    void appendTo(StringBuilder line, StatementRecord record) {
        if (options.format() == Format.JSON) {
            JsonFormat.append(line, record, options.params());
        } else {
            TextFormat.append(line, record, options.params());
        }
    }

    boolean json() {
        return options.format() == Format.JSON;
    }

    String format(StatementRecord record) {
        return options.format() == Format.JSON
                ? JsonFormat.format(record, options.params())
                : TextFormat.format(record, options.params());
    }

    /** The URL arrives masked; a connection's opening is worth a line only when debugging. */
    public void opened(long connectionId, String source) {
        if (options.log() && LOGGER.isLoggable(Level.DEBUG)) {
            LOGGER.log(Level.DEBUG, "[conn " + connectionId + "] opened " + source);
        }
    }
}
