package dev.retort.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.retort.dialect.Replication;

/**
 * Streaming replication: a commit's position is the primary's WAL position right after it
 * ({@code pg_current_wal_lsn()}), which a replica has applied once {@code pg_last_wal_replay_lsn()} reaches
 * it. PostgreSQL has no server-side wait for that, so the wait polls, starting at 1 ms and doubling to 50 ms.
 */
final class PostgresReplication implements Replication {
    private static final String POSITION = "SELECT pg_current_wal_lsn()::text";
    private static final String APPLIED = "SELECT coalesce(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), false)";
    /**
     * A replica without a WAL receiver (its primary is gone, or it never streamed) has stopped replicating;
     * one that has replayed all it received lags zero; else the lag is the age of the last commit it replayed.
     * Anyone may see pg_stat_wal_receiver's row (its details need pg_read_all_stats).
     */
    private static final String LAG = "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
            + " WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN NULL"
            + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            + " ELSE (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint END";
    private static final long LONGEST_POLL_MILLIS = 50;

    @Override
    public String commitPosition(Connection primary) throws SQLException {
        try (PreparedStatement statement = primary.prepareStatement(POSITION); ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    @Override
    public boolean awaitApplied(Connection replica, String position, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 1;
        try (PreparedStatement statement = replica.prepareStatement(APPLIED)) {
            statement.setString(1, position);
            while (true) {
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
                pause = Math.min(pause * 2, LONGEST_POLL_MILLIS);
            }
        }
    }

    @Override
    public Duration lag(Connection server) throws SQLException {
        try (PreparedStatement statement = server.prepareStatement(LAG); ResultSet row = statement.executeQuery()) {
            row.next();
            long millis = row.getLong(1);
            return row.wasNull() ? null : Duration.ofMillis(Math.max(0, millis));
        }
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a replica to apply a commit", e);
        }
    }
}
