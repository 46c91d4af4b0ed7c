package dev.retort.jdbc.support;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlEvent;
import dev.retort.jdbc.SqlListener;
import dev.retort.jdbc.wrapper.RetortConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** A programmatic listener for tests: keeps every event, and filters them by connection. */
public final class RecordingListener implements SqlListener, AutoCloseable {

    private final ConcurrentLinkedQueue<SqlEvent> events = new ConcurrentLinkedQueue<>();

    public static RecordingListener register() {
        RecordingListener listener = new RecordingListener();
        RetortDriver.addListener(listener);
        return listener;
    }

    @Override
    public void onEvent(SqlEvent event) {
        events.add(event);
    }

    public List<SqlEvent> all() {
        return List.copyOf(events);
    }

    public List<SqlEvent> of(Connection connection) throws SQLException {
        long id = connection.unwrap(RetortConnection.class).id();
        return events.stream().filter(event -> event.connectionId() == id).collect(Collectors.toList());
    }

    /** {@code kind rows batchSize | inlined SQL} per event: what a test compares in one assertion. */
    public List<String> summaries(Connection connection) throws SQLException {
        return of(connection).stream().map(RecordingListener::summary).collect(Collectors.toList());
    }

    public static String summary(SqlEvent event) {
        return event.kind() + " rows=" + event.rows() + (event.batchSize() > 0 ? " batch=" + event.batchSize() : "")
                + (event.failure() != null ? " failed=" + event.failure().getSQLState() : "")
                + " | " + event.inlinedSql();
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void close() {
        RetortDriver.removeListener(this);
    }
}
