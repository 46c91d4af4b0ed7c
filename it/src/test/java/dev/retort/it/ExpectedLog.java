package dev.retort.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * Takes the records of one java.util.logging logger (and its children) away from the console while a test
 * provokes them, so that the test can assert on them and a green run prints no warning it expected.
 * Libraries that log through JBoss Logging (Narayana, Weld) reach JUL here.
 */
public final class ExpectedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private ExpectedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        usedParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
        setLevel(Level.ALL);
    }

    /** Captures what {@code loggerName} logs until {@link #close()}. */
    public static ExpectedLog capture(String loggerName) {
        return new ExpectedLog(loggerName);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** {@code LEVEL message} of each record, parameters filled in; a thrown exception is not included. */
    public List<String> lines() {
        return records.stream().map(record -> record.getLevel().getName() + " " + formatter.formatMessage(record))
                .collect(Collectors.toList());
    }

    /** {@link #lines()} of the records at WARNING (JBoss Logging's WARN) and above. */
    public List<String> warnings() {
        return records.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(record -> record.getLevel().getName() + " " + formatter.formatMessage(record))
                .collect(Collectors.toList());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
