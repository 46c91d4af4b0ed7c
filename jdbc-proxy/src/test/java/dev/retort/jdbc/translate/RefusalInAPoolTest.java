package dev.retort.jdbc.translate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A refused statement is the application's mistake, not the connection's: a real HikariCP pool over the proxy
 * keeps the same physical connection after one. HikariCP evicts a connection on SQLState 08xxx and on a fixed
 * list that includes 0A000, the state refusals carried before; with it, the borrowed connection is closed under
 * the application and the pool opens a new one.
 */
class RefusalInAPoolTest {

    private static final String REFUSAL = "Variable @x cannot be translated from mysql to h2: h2 has no MySQL"
            + " session or user variables. To fix this, bind the value as a ? parameter.";

    @Test
    void aRefusedStatementLeavesThePooledConnectionInThePool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:retort:h2:mem:refusal_pool;DB_CLOSE_DELAY=-1");
        config.addDataSourceProperty("retort.translate.from", "mysql");
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setPoolName("refusal-pool");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            Connection physical;
            try (Connection connection = pool.getConnection()) {
                physical = connection.unwrap(Connection.class);
                try (Statement statement = connection.createStatement()) {
                    SQLException refused = catchThrowableOfType(SQLException.class,
                            () -> statement.executeQuery("SELECT @x"));
                    assertThat((Throwable) refused).isInstanceOf(SQLSyntaxErrorException.class).hasMessage(REFUSAL);
                    assertThat(refused.getSQLState()).isEqualTo("42000");
                }
                SQLException prepared = catchThrowableOfType(SQLException.class,
                        () -> connection.prepareStatement("SELECT @x"));
                assertThat((Throwable) prepared).hasMessage(REFUSAL);
                assertThat(connection.isClosed()).as("the borrowed connection after the refusals").isFalse();
                assertThat(oneRow(connection)).isEqualTo(1);
            }
            assertThat(bean.getTotalConnections()).isEqualTo(1);
            assertThat(bean.getIdleConnections()).isEqualTo(1);
            try (Connection again = pool.getConnection()) {
                assertThat(again.unwrap(Connection.class)).as("the physical connection borrowed next")
                        .isSameAs(physical);
                assertThat(oneRow(again)).isEqualTo(1);
            }
        }
    }

    private static int oneRow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1");
             ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }
}
