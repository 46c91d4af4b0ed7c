package dev.retort.dialect.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * Statement timeouts for SQLite, which sqlite-jdbc does not enforce on a running statement: a progress
 * handler, called by SQLite every {@value #STEPS} virtual-machine steps, interrupts the connection once the
 * timed statement is past its deadline and still open. One handler per connection, replaced by the next
 * timed statement; a handler whose statement is closed never interrupts anything. Loaded only when a
 * timeout is used on SQLite, so sqlite-jdbc stays an optional dependency of core.
 */
final class SqliteTimeouts {
    /** About a millisecond of SQLite's work between checks: cheap, and precise enough for timeouts in seconds. */
    static final int STEPS = 100_000;

    private SqliteTimeouts() {
    }

    static void interruptAfter(PreparedStatement statement, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        SQLiteConnection connection = statement.getConnection().unwrap(SQLiteConnection.class);
        ProgressHandler.setHandler(connection, STEPS, new ProgressHandler() {
            @Override
            protected int progress() throws SQLException {
                return System.nanoTime() - deadline > 0 && !statement.isClosed() ? 1 : 0;
            }
        });
    }
}
