package dev.retort.jdbc.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Installs a JUL handler on {@code dev.retort.jdbc.sql}: the System.Logger's default backend, so this
 * sees exactly what an application's logging would receive.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.retort.jdbc.sql");
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Level level) {
        previousLevel = logger.getLevel();
        logger.setLevel(level);
        logger.addHandler(this);
    }

    /** Captures records at {@code level} and above (JUL's FINE is System.Logger's DEBUG). */
    public static LogCapture at(Level level) {
        return new LogCapture(level);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** {@code LEVEL message}, with elapsed times replaced by {@code #} since they vary per run. */
    public List<String> lines() {
        return records.stream()
                .map(record -> record.getLevel() + " " + withoutTimes(record.getMessage()))
                .collect(Collectors.toList());
    }

    /** Lines of the records about one connection: text starting {@code [conn id]}, or JSON {@code {"conn":id,}. */
    public List<String> linesOf(long connectionId) {
        String text = "[conn " + connectionId + "]";
        String json = "{\"conn\":" + connectionId + ",";
        return lines().stream().filter(line -> {
            String message = line.substring(line.indexOf(' ') + 1);
            return message.startsWith(text) || message.startsWith(json);
        }).collect(Collectors.toList());
    }

    public static String withoutTimes(String message) {
        return message.replaceAll("\\d+\\.\\d{3} ms", "# ms").replaceAll("\"ms\":\\d+\\.\\d{3}", "\"ms\":#");
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
