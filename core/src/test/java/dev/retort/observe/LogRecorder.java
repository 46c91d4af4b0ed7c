package dev.retort.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the records of one JUL logger (System.Logger maps to JUL in tests) as "LEVEL message" lines. */
final class LogRecorder extends Handler implements AutoCloseable {
    private final Logger logger;
    final List<String> lines = new ArrayList<>();

    LogRecorder(String name) {
        logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    /** The lines at WARNING and above. */
    List<String> warnings() {
        return lines.stream().filter(line -> line.startsWith("WARNING ") || line.startsWith("SEVERE ")).toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
        logger.setLevel((Level) null);
    }
}
