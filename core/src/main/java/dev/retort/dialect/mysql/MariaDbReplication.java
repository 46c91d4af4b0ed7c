package dev.retort.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.retort.dialect.Replication;

/**
 * MariaDB GTID replication: a commit's position is the connection's {@code @@last_gtid} right after it, and
 * the replica waits for it server-side with {@code MASTER_GTID_WAIT}. The lag is {@code SHOW SLAVE STATUS}'s
 * Seconds_Behind_Master, which needs the SLAVE MONITOR privilege.
 */
final class MariaDbReplication implements Replication {
    private static final String POSITION = "SELECT @@last_gtid";
    private static final String APPLIED = "SELECT MASTER_GTID_WAIT(?, ?)";
    /** Every domain's last GTID in the binary log: {@code @@last_gtid} is only the connection's own last commit. */
    private static final String SERVER_POSITION = "SELECT @@gtid_binlog_pos";

    @Override
    public String commitPosition(Connection primary) throws SQLException {
        try (PreparedStatement statement = primary.prepareStatement(POSITION); ResultSet row = statement.executeQuery()) {
            String gtid = row.next() ? row.getString(1) : null;
            return gtid == null || gtid.isEmpty() ? null : gtid;
        }
    }

    @Override
    public String currentPosition(Connection primary) throws SQLException {
        try (PreparedStatement statement = primary.prepareStatement(SERVER_POSITION); ResultSet row = statement.executeQuery()) {
            String position = row.next() ? row.getString(1) : null;
            return position == null || position.isEmpty() ? null : position;
        }
    }

    @Override
    public boolean awaitApplied(Connection replica, String position, Duration wait) throws SQLException {
        try (PreparedStatement statement = replica.prepareStatement(APPLIED)) {
            statement.setString(1, position);
            statement.setDouble(2, wait.toNanos() / 1e9);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getInt(1) == 0;
            }
        }
    }

    @Override
    public Duration lag(Connection server) throws SQLException {
        try (Statement statement = server.createStatement(); ResultSet status = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!status.next()) {
                return Duration.ZERO;
            }
            long seconds = status.getLong("Seconds_Behind_Master");
            return status.wasNull() ? null : Duration.ofSeconds(seconds);
        }
    }
}
