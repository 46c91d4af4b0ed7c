package dev.retort.migrate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Holds back the warnings Flyway logs (through java.util.logging here) while a test provokes them, so that the test
 * asserts them and a green run does not print them.
 */
final class FlywayWarnings extends Handler implements AutoCloseable {
    private final Logger flyway = Logger.getLogger("org.flywaydb");
    private final boolean parentHandlers = flyway.getUseParentHandlers();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private FlywayWarnings() {
        flyway.setUseParentHandlers(false);
        flyway.addHandler(this);
    }

    static FlywayWarnings capture() {
        return new FlywayWarnings();
    }

    /** The messages Flyway logged at WARNING or above since {@link #capture()}. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        flyway.removeHandler(this);
        flyway.setUseParentHandlers(parentHandlers);
    }
}
