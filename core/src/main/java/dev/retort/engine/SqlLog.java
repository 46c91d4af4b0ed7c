package dev.retort.engine;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Logs the SQL an engine issues to the {@code System.Logger} named {@code dev.retort.sql}, so that it
 * reaches JUL, SLF4J, Log4j2 or JBoss Logging, whatever the application uses: at INFO when the engine
 * was created with {@code echo=true}, else at DEBUG; bound values too unless {@code log-bind-parameters}
 * is off (for personal data). Thread-safe.
 */
public final class SqlLog {
    private static final System.Logger LOGGER = System.getLogger("dev.retort.sql");

    /** Longest string value logged whole; the proxy's log uses the same default. */
    static final int MAX_VALUE_LENGTH = 1000;
    /** A line stops listing values past this length (the proxy's default statement length): IN lists can be long. */
    static final int MAX_LINE_LENGTH = 8192;

    private final Level level;
    private final boolean bindParameters;

    public SqlLog(boolean echo) {
        this(echo, true);
    }

    public SqlLog(boolean echo, boolean bindParameters) {
        this.level = echo ? Level.INFO : Level.DEBUG;
        this.bindParameters = bindParameters;
    }

    public boolean enabled() {
        return LOGGER.isLoggable(level);
    }

    /**
     * Logs one statement: with its parameters when it ran for one row, else with the number of rows and
     * whether they went as one JDBC batch or one execution each.
     */
    public void statement(String sql, List<?> parameters, int rows, boolean batched) {
        if (!LOGGER.isLoggable(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(sql.length() + 32).append(sql);
        if (rows > 1) {
            line.append(batched ? "  [batch of " : "  [row by row: ").append(rows).append(batched ? "]" : " rows]");
        }
        if (bindParameters && !parameters.isEmpty()) {
            line.append("  [");
            for (int i = 0; i < parameters.size(); i++) {
                if (line.length() > MAX_LINE_LENGTH) {
                    line.append(i == 0 ? "... " : ", ... ").append(parameters.size() - i).append(" more values");
                    break;
                }
                line.append(i == 0 ? "" : ", ");
                appendValue(line, parameters.get(i));
            }
            line.append(']');
        }
        LOGGER.log(level, line.toString());
    }

    /**
     * A value as the log shows it: a string longer than {@value #MAX_VALUE_LENGTH} characters, and every
     * byte array, by its size only (as the proxy's log does), so that logging a 10 MB parameter costs
     * nothing in proportion to it.
     */
    static void appendValue(StringBuilder line, Object value) {
        if (value instanceof byte[] bytes) {
            line.append('<').append(bytes.length).append(" bytes>");
        } else if (value instanceof CharSequence text && text.length() > MAX_VALUE_LENGTH) {
            line.append('<').append(value.getClass().getSimpleName()).append(", ").append(text.length()).append(" chars>");
        } else {
            line.append(value);
        }
    }

    public void event(String what) {
        LOGGER.log(level, what);
    }
}
