package dev.retort.jdbc;

import dev.retort.jdbc.support.LogCapture;
import dev.retort.jdbc.support.RecordingListener;
import dev.retort.jdbc.wrapper.RetortConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every JDBC path through the proxy, run once per database by a subclass: results must equal the raw
 * driver's, and each path must produce the expected records.
 */
abstract class ProxyContractSuite {

    RecordingListener listener;

    /** The raw driver's URL, {@code jdbc:...}. */
    abstract String rawUrl();

    /** Short and unique per database, so suites sharing a server do not collide with other modules. */
    abstract String prefix();

    abstract String binaryType();

    abstract String identityColumn();

    abstract Class<?> vendorConnectionClass();

    abstract Class<?> vendorStatementClass();

    String people() {
        return "rp_" + prefix() + "_people";
    }

    String keyed() {
        return "rp_" + prefix() + "_keyed";
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection(rawUrl());
    }

    Connection proxied() throws SQLException {
        return proxied(new Properties());
    }

    Connection proxied(Properties properties) throws SQLException {
        return DriverManager.getConnection("jdbc:retort:" + rawUrl().substring("jdbc:".length()), properties);
    }

    @BeforeEach
    void createTables() throws SQLException {
        listener = RecordingListener.register();
        try (Connection connection = raw(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE IF EXISTS " + people());
            statement.executeUpdate("DROP TABLE IF EXISTS " + keyed());
            statement.executeUpdate("CREATE TABLE " + people() + " (id INTEGER PRIMARY KEY, name VARCHAR(50),"
                    + " born DATE, score DECIMAL(10,2), photo " + binaryType() + ")");
            statement.executeUpdate("CREATE TABLE " + keyed() + " (" + identityColumn() + ", label VARCHAR(20))");
        }
    }

    @AfterEach
    void removeListener() {
        listener.close();
    }

    private void insertPeople(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + people() + " (id, name, born, score, photo) VALUES (?, ?, ?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setString(2, "O'Brien");
            insert.setDate(3, Date.valueOf("1990-05-01"));
            insert.setBigDecimal(4, new BigDecimal("12.50"));
            insert.setBytes(5, new byte[] {1, 2, 3});
            assertThat(insert.executeUpdate()).isEqualTo(1);
            insert.setInt(1, 2);
            insert.setNull(2, Types.VARCHAR);
            insert.setNull(3, Types.DATE);
            insert.setBigDecimal(4, new BigDecimal("-3.25"));
            insert.setNull(5, Types.VARBINARY);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> queryPeople(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, name, born, score, photo FROM " + people() + " WHERE id >= ? ORDER BY id")) {
            query.setLong(1, 1);
            try (ResultSet resultSet = query.executeQuery()) {
                return rows(resultSet);
            }
        }
    }

    static List<String> rows(ResultSet resultSet) throws SQLException {
        List<String> rows = new ArrayList<>();
        ResultSetMetaData metaData = resultSet.getMetaData();
        while (resultSet.next()) {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                Object value = resultSet.getObject(column);
                row.append(column == 1 ? "" : "|")
                        .append(value instanceof byte[] ? HexFormat.of().formatHex((byte[]) value) : value);
            }
            rows.add(row.toString());
        }
        return rows;
    }

    @Test
    void preparedStatementsReturnWhatTheRawDriverReturnsAndLogInlinedLiterals() throws SQLException {
        List<String> viaProxy;
        try (Connection connection = proxied()) {
            insertPeople(connection);
            viaProxy = queryPeople(connection);
            String insert = "INSERT INTO " + people() + " (id, name, born, score, photo) VALUES ";
            assertThat(listener.summaries(connection)).containsExactly(
                    "UPDATE rows=1 | " + insert + "(1, 'O''Brien', DATE '1990-05-01', 12.50, <3 bytes>)",
                    "UPDATE rows=1 | " + insert + "(2, NULL, NULL, -3.25, NULL)",
                    "QUERY rows=2 | SELECT id, name, born, score, photo FROM " + people() + " WHERE id >= 1 ORDER BY id");
            assertThat(listener.of(connection).get(0).parameters())
                    .containsExactly(List.of("1", "'O''Brien'", "DATE '1990-05-01'", "12.50", "<3 bytes>"));
        }
        try (Connection connection = raw()) {
            assertThat(viaProxy).isEqualTo(queryPeople(connection)).hasSize(2);
        }
    }

    @Test
    void plainStatementsAndTheUpdateCountSequence() throws SQLException {
        try (Connection connection = proxied(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (7, 'Seven')"))
                    .isEqualTo(1);
            assertThat(statement.execute("UPDATE " + people() + " SET name = 'Sept' WHERE id = 7")).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.execute("SELECT name FROM " + people())).isTrue();
            ResultSet resultSet = statement.getResultSet();
            assertThat(statement.getResultSet()).isSameAs(resultSet);
            assertThat(resultSet.getStatement()).isSameAs(statement);
            assertThat(rows(resultSet)).containsExactly("Sept");
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(resultSet.isClosed()).isTrue();
            assertThat(listener.summaries(connection)).containsExactly(
                    "UPDATE rows=1 | INSERT INTO " + people() + " (id, name) VALUES (7, 'Seven')",
                    "UPDATE rows=1 | UPDATE " + people() + " SET name = 'Sept' WHERE id = 7",
                    "QUERY rows=1 | SELECT name FROM " + people());
        }
    }

    @Test
    void batchesOfPreparedAndPlainStatements() throws SQLException {
        int[] proxiedCounts;
        try (Connection connection = proxied()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + people() + " (id, name) VALUES (?, ?)")) {
                for (int id = 10; id < 13; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "n" + id);
                    insert.addBatch();
                }
                proxiedCounts = insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.addBatch("UPDATE " + people() + " SET name = 'x' WHERE id = 10");
                statement.addBatch("DELETE FROM " + people() + " WHERE id = 11");
                assertThat(statement.executeBatch()).containsExactly(1, 1);
            }
            assertThat(listener.summaries(connection)).containsExactly(
                    "BATCH rows=3 batch=3 | INSERT INTO " + people() + " (id, name) VALUES (10, 'n10');\n"
                            + "INSERT INTO " + people() + " (id, name) VALUES (11, 'n11');\n"
                            + "INSERT INTO " + people() + " (id, name) VALUES (12, 'n12')",
                    "BATCH rows=2 batch=2 | UPDATE " + people() + " SET name = 'x' WHERE id = 10;\n"
                            + "DELETE FROM " + people() + " WHERE id = 11");
        }
        assertThat(proxiedCounts).containsExactly(1, 1, 1);
        try (Connection connection = raw(); Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT id, name FROM " + people() + " ORDER BY id")) {
            assertThat(rows(resultSet)).containsExactly("10|x", "12|n12");
        }
    }

    @Test
    void generatedKeysComeBackWrappedAndEqualTheRawDriversKeys() throws SQLException {
        String sql = "INSERT INTO " + keyed() + " (label) VALUES (?)";
        List<String> rawKeys = new ArrayList<>();
        List<String> proxiedKeys = new ArrayList<>();
        try (Connection connection = raw(); PreparedStatement insert =
                connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "raw");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                rawKeys.add(keys.getString(1));
            }
        }
        try (Connection connection = proxied(); PreparedStatement insert =
                connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "proxied");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys.isWrapperFor(dev.retort.jdbc.wrapper.RetortResultSet.class)).isTrue();
                assertThat(keys.getStatement()).isSameAs(insert);
                keys.next();
                proxiedKeys.add(keys.getString(1));
            }
            assertThat(listener.summaries(connection))
                    .containsExactly("UPDATE rows=1 | INSERT INTO " + keyed() + " (label) VALUES ('proxied')");
        }
        assertThat(rawKeys).containsExactly("1");
        assertThat(proxiedKeys).containsExactly("2");
    }

    @Test
    void commitRollbackAndSavepointsAreLogged() throws SQLException {
        try (Connection connection = proxied(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (1, 'kept')");
            Savepoint savepoint = connection.setSavepoint("sp1");
            statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (2, 'undone')");
            connection.rollback(savepoint);
            connection.commit();
            statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (3, 'rolled back')");
            connection.rollback();
            connection.setAutoCommit(true);
            assertThat(listener.summaries(connection)).containsExactly(
                    "UPDATE rows=1 | INSERT INTO " + people() + " (id, name) VALUES (1, 'kept')",
                    "UPDATE rows=1 | INSERT INTO " + people() + " (id, name) VALUES (2, 'undone')",
                    "ROLLBACK rows=-1 | ROLLBACK TO SAVEPOINT sp1",
                    "COMMIT rows=-1 | COMMIT",
                    "UPDATE rows=1 | INSERT INTO " + people() + " (id, name) VALUES (3, 'rolled back')",
                    "ROLLBACK rows=-1 | ROLLBACK");
        }
        try (Connection connection = raw(); Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT id, name FROM " + people())) {
            assertThat(rows(resultSet)).containsExactly("1|kept");
        }
    }

    @Test
    void aFailingStatementIsLoggedAndTheDriversExceptionRethrownUnchanged() throws SQLException {
        String duplicate = "INSERT INTO " + people() + " (id, name) VALUES (?, ?)";
        SQLException rawFailure;
        try (Connection connection = raw(); PreparedStatement insert = connection.prepareStatement(duplicate)) {
            insert.setInt(1, 1);
            insert.setString(2, "first");
            insert.executeUpdate();
            rawFailure = catchThrowableOfType(SQLException.class, insert::executeUpdate);
        }
        try (LogCapture log = LogCapture.at(Level.INFO); Connection connection = proxied();
             PreparedStatement insert = connection.prepareStatement(duplicate)) {
            insert.setInt(1, 1);
            insert.setString(2, "again");
            SQLException failure = catchThrowableOfType(SQLException.class, insert::executeUpdate);
            assertThat((Throwable) failure).isNotNull().hasSameClassAs(rawFailure);
            assertThat(failure.getSQLState()).isEqualTo(rawFailure.getSQLState());
            assertThat(failure.getErrorCode()).isEqualTo(rawFailure.getErrorCode());
            assertThat(listener.of(connection)).singleElement().satisfies(event -> {
                assertThat((Throwable) event.failure()).isSameAs(failure);
                assertThat(event.kind()).isEqualTo(SqlEvent.Kind.UPDATE);
            });
            long id = connection.unwrap(RetortConnection.class).id();
            assertThat(log.linesOf(id)).containsExactly("WARNING [conn " + id + "] update failed after # ms, SQLState "
                    + failure.getSQLState() + ", error code " + failure.getErrorCode() + ", "
                    + LogCapture.withoutTimes(failure.getMessage()).replace('\n', ' ') + ": INSERT INTO " + people()
                    + " (id, name) VALUES (1, 'again')");
        }
    }

    @Test
    void everyObjectLeadsBackToTheProxyAndUnwrapsToTheVendor() throws SQLException {
        try (Connection connection = proxied(); PreparedStatement query =
                connection.prepareStatement("SELECT id FROM " + people())) {
            assertThat(connection.unwrap(vendorConnectionClass())).isInstanceOf(vendorConnectionClass());
            assertThat(connection.isWrapperFor(vendorConnectionClass())).isTrue();
            assertThat(connection.unwrap(RetortConnection.class)).isSameAs(connection);
            assertThat(query.unwrap(vendorStatementClass())).isInstanceOf(vendorStatementClass());
            assertThat(query.getConnection()).isSameAs(connection);
            try (ResultSet resultSet = query.executeQuery()) {
                assertThat(resultSet.getStatement()).isSameAs(query);
            }
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(metaData.getConnection()).isSameAs(connection);
            try (Connection raw = raw()) {
                assertThat(metaData.getDatabaseProductName()).isEqualTo(raw.getMetaData().getDatabaseProductName());
            }
        }
    }

    @Test
    void metadataResultSetsAreWrappedAndEqualTheRawDriversRows() throws SQLException {
        List<String> viaProxy;
        try (Connection connection = proxied();
             ResultSet columns = connection.getMetaData().getColumns(null, null, columnPattern(), null)) {
            assertThat(columns.isWrapperFor(dev.retort.jdbc.wrapper.RetortResultSet.class)).isTrue();
            viaProxy = columnNames(columns);
        }
        try (Connection connection = raw();
             ResultSet columns = connection.getMetaData().getColumns(null, null, columnPattern(), null)) {
            assertThat(viaProxy).isEqualTo(columnNames(columns)).hasSize(5);
        }
    }

    /** Databases differ in the case they store unquoted names in. */
    String columnPattern() {
        return people();
    }

    private static List<String> columnNames(ResultSet columns) throws SQLException {
        List<String> names = new ArrayList<>();
        while (columns.next()) {
            names.add(columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndCompletesOpenQueries() throws SQLException {
        try (Connection connection = raw(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (1, 'a'), (2, 'b')");
        }
        Connection connection = proxied();
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT name FROM " + people() + " ORDER BY id");
        assertThat(resultSet.next()).isTrue();
        List<String> before = listener.summaries(connection);
        connection.close();
        assertThat(before).isEmpty();
        assertThat(statement.isClosed()).isTrue();
        assertThat(resultSet.isClosed()).isTrue();
        assertThat(listener.summaries(connection))
                .containsExactly("QUERY rows=1 | SELECT name FROM " + people() + " ORDER BY id");
    }

    @Test
    void reExecutingAStatementCompletesTheRecordOfItsPreviousResult() throws SQLException {
        try (Connection connection = proxied();
             PreparedStatement query = connection.prepareStatement("SELECT ? FROM " + people())) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + people() + " (id) VALUES (1)");
            }
            query.setString(1, "first");
            ResultSet first = query.executeQuery();
            first.next();
            query.setString(1, "second");
            query.executeQuery().close();
            assertThat(listener.summaries(connection)).containsExactly(
                    "UPDATE rows=1 | INSERT INTO " + people() + " (id) VALUES (1)",
                    "QUERY rows=1 | SELECT 'first' FROM " + people(),
                    "QUERY rows=0 | SELECT 'second' FROM " + people());
        }
    }

    @Test
    void loggingOffRecordsNothingAndStillWorks() throws SQLException {
        Properties off = new Properties();
        off.setProperty("retort.log", "false");
        try (LogCapture log = LogCapture.at(Level.ALL); Connection connection = proxied(off)) {
            insertPeople(connection);
            assertThat(queryPeople(connection)).hasSize(2);
            assertThat(listener.of(connection)).isEmpty();
            assertThat(log.linesOf(connection.unwrap(RetortConnection.class).id())).isEmpty();
        }
    }

    @Test
    void theSystemLoggerReceivesEachRecordAtTheLevelItsDurationEarns() throws SQLException {
        Properties slow = new Properties();
        slow.setProperty("retort.log.slow-ms", "60000");
        try (LogCapture log = LogCapture.at(Level.ALL); Connection connection = proxied(slow);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO " + people() + " (id, name) VALUES (5, 'five')");
            connection.commit();
            long id = connection.unwrap(RetortConnection.class).id();
            assertThat(log.linesOf(id)).containsExactly(
                    "FINE [conn " + id + "] opened " + rawUrlAsLogged(),
                    "FINE [conn " + id + "] update # ms, 1 row affected: INSERT INTO " + people()
                            + " (id, name) VALUES (5, 'five')",
                    "FINE [conn " + id + "] commit # ms");
        }
        try (LogCapture log = LogCapture.at(Level.INFO); Connection connection = proxied(slow);
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT id FROM " + people()).close();
            assertThat(log.linesOf(connection.unwrap(RetortConnection.class).id())).isEmpty();
        }
    }

    /** The target URL as the "opened" line shows it: with any password masked. */
    String rawUrlAsLogged() {
        return dev.retort.jdbc.log.UrlMasker.mask(rawUrl());
    }

    @Test
    void closedStatementsStayClosedAndRunLikeTheDriversClosedStatements() throws SQLException {
        String rawOutcome;
        try (Connection connection = raw()) {
            Statement statement = connection.createStatement();
            statement.close();
            rawOutcome = outcomeOfQueryOn(statement);
        }
        try (Connection connection = proxied()) {
            Statement statement = connection.createStatement();
            statement.close();
            statement.close();
            assertThat(statement.isClosed()).isTrue();
            assertThat(outcomeOfQueryOn(statement)).isEqualTo(rawOutcome);
        }
    }

    private static String outcomeOfQueryOn(Statement statement) {
        try {
            statement.executeQuery("SELECT 1").close();
            return "ran";
        } catch (SQLException e) {
            // MariaDB names its connection's server id in the message; that differs between two connections
            return e.getClass().getName() + ": " + e.getSQLState() + ": " + e.getMessage().replaceAll("\\(conn=\\d+\\) ", "");
        }
    }
}
