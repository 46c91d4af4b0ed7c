package dev.retort.jdbc;

import dev.retort.jdbc.support.RecordingListener;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The retort.translate.* options through the driver and the DataSource, on the embedded databases. */
class TranslatingProxyTest {

    private static Properties fromMySql() {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", "mysql");
        return properties;
    }

    private static List<String> rows(ResultSet resultSet) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (resultSet.next()) {
            rows.add(resultSet.getString(1));
        }
        return rows;
    }

    @Test
    void everyJdbcPathSendsTheTranslationAndTheLogKeepsBoth() throws SQLException {
        try (RecordingListener listener = RecordingListener.register();
             Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:tr_paths", fromMySql());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE `tr_paths` (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(9))");
            statement.addBatch("INSERT INTO `tr_paths` (name) VALUES (\"a\")");
            statement.addBatch("INSERT INTO `tr_paths` (name) VALUES (\"b\")");
            statement.executeBatch();
            try (PreparedStatement prepared = connection.prepareStatement(
                    "SELECT IFNULL(name, 'none') FROM `tr_paths` ORDER BY id LIMIT ?, ?")) {
                prepared.setInt(1, 1);
                prepared.setInt(2, 1);
                assertThat(rows(prepared.executeQuery())).containsExactly("b");
            }
            SqlEvent query = listener.of(connection).get(listener.of(connection).size() - 1);
            assertThat(query.sql()).isEqualTo("SELECT IFNULL(name, 'none') FROM `tr_paths` ORDER BY id LIMIT ?, ?");
            assertThat(query.sentSql())
                    .isEqualTo("SELECT IFNULL(name, 'none') FROM TR_PATHS ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        }
    }

    @Test
    void aRefusedStatementFailsBeforeReachingTheDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:retort:sqlite::memory:", fromMySql())) {
            assertThatThrownBy(() -> connection.prepareStatement("SELECT @x"))
                    .isInstanceOf(SQLSyntaxErrorException.class)
                    .hasMessage("Variable @x cannot be translated from mysql to sqlite: sqlite has no MySQL session or"
                            + " user variables. To fix this, bind the value as a ? parameter.");
        }
    }

    @Test
    void showTablesAndDescribeAreAnsweredFromTheCatalog() throws SQLException {
        for (String url : new String[] {"jdbc:retort:h2:mem:tr_show", "jdbc:retort:sqlite::memory:"}) {
            try (Connection connection = DriverManager.getConnection(url, fromMySql());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE tr_shown (id INT PRIMARY KEY, label VARCHAR(10) NOT NULL)");
                assertThat(rows(statement.executeQuery("SHOW TABLES"))).as(url)
                        .containsExactly(url.contains("h2") ? "TR_SHOWN" : "tr_shown");
                try (ResultSet columns = statement.executeQuery("DESCRIBE tr_shown")) {
                    List<String> described = new ArrayList<>();
                    while (columns.next()) {
                        described.add(columns.getString("Field").toLowerCase() + " " + columns.getString("Null"));
                    }
                    assertThat(described).as(url).containsExactly("id NO", "label NO");
                }
                assertThat(statement.executeUpdate("SET NAMES utf8mb4")).isZero();
            }
        }
    }

    /** A table created natively on the target with a BOOLEAN column: MySQL's 1 and 0 are written as booleans. */
    @Test
    void oneAndZeroBecomeBooleansForTheTargetsBooleanColumns() throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:tr_booleans;DB_CLOSE_DELAY=-1");
             Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE tr_flags (id INT PRIMARY KEY, enabled BOOLEAN NOT NULL)");
            try (Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:tr_booleans", fromMySql());
                 Statement translated = connection.createStatement()) {
                translated.executeUpdate("INSERT INTO tr_flags (id, enabled) VALUES (1, 1), (2, 0)");
                translated.executeUpdate("UPDATE tr_flags SET enabled = 0 WHERE id = 1");
                assertThat(rows(translated.executeQuery("SELECT id FROM tr_flags WHERE enabled = 0 ORDER BY id")))
                        .containsExactly("1", "2");
                assertThat(rows(translated.executeQuery("SELECT COUNT(*) FROM tr_flags WHERE enabled = TRUE")))
                        .containsExactly("0");
            }
            statement.execute("DROP TABLE tr_flags");
        }
    }

    @Test
    void caseInsensitiveModeFindsWhatMySqlWouldFind() throws SQLException {
        Properties properties = fromMySql();
        properties.setProperty("retort.translate.case-insensitive", "true");
        for (String url : new String[] {"jdbc:retort:h2:mem:tr_ci", "jdbc:retort:sqlite::memory:"}) {
            try (Connection connection = DriverManager.getConnection(url, properties);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE tr_ci (id INT PRIMARY KEY, name VARCHAR(10))");
                statement.execute("INSERT INTO tr_ci VALUES (1, 'Alice'), (2, 'bob')");
                assertThat(rows(statement.executeQuery("SELECT id FROM tr_ci WHERE name = 'ALICE'")))
                        .as(url).containsExactly("1");
                assertThat(rows(statement.executeQuery("SELECT id FROM tr_ci WHERE name LIKE 'B%'")))
                        .as(url).containsExactly("2");
            }
        }
    }

    @Test
    void theDataSourceFindsTheTargetInTheConnectionsUrl() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:tr_datasource");
        RetortDataSource dataSource = new RetortDataSource(h2, ProxyOptions.load(fromMySql()));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT CONCAT('a', \"b\") FROM DUAL"))).containsExactly("ab");
        }
    }

    @Test
    void sqlWrittenForTheSameDatabasePassesUntouched() throws SQLException {
        Properties properties = fromMySql();
        properties.setProperty("retort.translate.to", "mariadb");
        try (Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:tr_same", properties);
             Statement statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("SELECT IFNULL(NULL, 'x')"))).containsExactly("x");
            SQLException fromH2 = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT `x`"));
            assertThat(fromH2.getSQLState()).as("H2's own error (column not found), not a refusal").isEqualTo("42S22");
        }
    }

    @Test
    void anUnsupportedPairFailsTheConnection() {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", "postgresql");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:retort:h2:mem:tr_pair", properties))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("Cannot translate postgresql SQL for h2 (jdbc:h2:mem:tr_pair): supported are mysql to"
                        + " postgresql, h2 or sqlite, and postgresql to mysql, mariadb or sqlite. To fix this, correct"
                        + " retort.translate.from or retort.translate.to.");
    }
}
