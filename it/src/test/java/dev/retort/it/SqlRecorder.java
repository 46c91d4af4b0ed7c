package dev.retort.it;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the engine logs to {@code dev.retort.sql} (engines made with {@code echo=true} log at
 * INFO), through a plain JUL handler, so tests can assert the SQL Retort issued.
 */
public final class SqlRecorder extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("dev.retort.sql");
    private final List<String> lines = new ArrayList<>();

    public static SqlRecorder start() {
        SqlRecorder recorder = new SqlRecorder();
        LOGGER.setUseParentHandlers(false);
        LOGGER.setLevel(Level.ALL);
        LOGGER.addHandler(recorder);
        return recorder;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    /** The lines logged so far, and forgets them. */
    public synchronized List<String> take() {
        List<String> taken = List.copyOf(lines);
        lines.clear();
        return taken;
    }

    /** Only the SQL statements among {@link #take()} (no BEGIN/COMMIT events). */
    public List<String> takeStatements() {
        return take().stream().filter(line -> !line.startsWith("BEGIN") && !line.startsWith("COMMIT")
                && !line.startsWith("ROLLBACK") && !line.contains("SAVEPOINT")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
