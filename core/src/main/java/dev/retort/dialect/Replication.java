package dev.retort.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What the engine asks a database about its replication to route reads: where a commit is in the
 * primary's log, whether a replica has applied it, and how far a replica lags. Positions are the database's
 * own text (a PostgreSQL WAL position, a MariaDB GTID list). Thread-safe.
 */
public interface Replication {
    /** The position of what {@code primary} has just committed, read on that connection after its commit; null if none. */
    String commitPosition(Connection primary) throws SQLException;

    /**
     * The position of everything {@code primary}'s server has committed so far, read on any of its connections:
     * for a commit made on another connection (a JTA transaction manager's). Waiting for it may wait for others'
     * commits too, never for less than one's own. By default the same query as {@link #commitPosition}, for a
     * database whose commit position is the server's, not the connection's.
     */
    default String currentPosition(Connection primary) throws SQLException {
        return commitPosition(primary);
    }

    /** Whether {@code replica} has applied {@code position}, waiting up to {@code wait} (zero: only look). */
    boolean awaitApplied(Connection replica, String position, Duration wait) throws SQLException;

    /**
     * How far {@code server} lags behind its primary: zero for a server that is itself a primary, null when
     * its replication is stopped or broken (it is then as stale as it will stay).
     */
    Duration lag(Connection server) throws SQLException;
}
