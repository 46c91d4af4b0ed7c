package dev.retort.jdbc;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.Translator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A MySQL statement whose translation is several statements, through every JDBC path: the proxy runs the
 * extra statements one by one after the application's, in its transaction, and the application sees the
 * results and counts of its own statement. Each target runs the same tests.
 */
abstract class SplitStatementsContract {

    Connection connection;

    /** The raw {@code jdbc:} URL of the target. */
    abstract String rawUrl();

    /** The target's name as translation messages spell it. */
    abstract String target();

    @BeforeEach
    void open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", "mysql");
        properties.setProperty("retort.log", "false");
        connection = DriverManager.getConnection("jdbc:retort:" + rawUrl().substring("jdbc:".length()), properties);
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("sp_people", "sp_batch", "sp_tx", "sp_fail", "sp_alter")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    static List<String> rows(ResultSet resultSet) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (resultSet) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                StringBuilder row = new StringBuilder();
                for (int k = 1; k <= columns; k++) {
                    row.append(k > 1 ? " | " : "").append(resultSet.getString(k));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The index names of a table as the target's metadata lists them, lower case. */
    List<String> indexes(String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rows = metaData.getIndexInfo(null, null, candidate, false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null && !names.contains(name.toLowerCase(Locale.ROOT))) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private static final String PEOPLE = "CREATE TABLE IF NOT EXISTS sp_people (id INT NOT NULL AUTO_INCREMENT,"
            + " last_name VARCHAR(30), city VARCHAR(30), PRIMARY KEY (id), KEY k_last (last_name ASC) USING BTREE,"
            + " INDEX (city))";

    @Test
    void createTableReportsItsOwnCountAndItsInlineIndexesExist() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.execute(PEOPLE)).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(statement.executeUpdate(PEOPLE)).as("the second run of the same script").isZero();
        }
        assertThat(indexes("sp_people")).contains("sp_people_k_last", "sp_people_city");
    }

    @Test
    void explicitIdsMoveTheIdentityOnEveryPath() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(PEOPLE);
            assertThat(statement.executeUpdate("INSERT INTO sp_people (id, last_name) VALUES (5, 'a'), (6, 'b')"))
                    .isEqualTo(2);
            assertThat(statement.executeUpdate("INSERT INTO sp_people (last_name) VALUES ('c')",
                    Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).first().asString().startsWith("7");
        }
        try (PreparedStatement prepared = connection.prepareStatement(
                "INSERT INTO sp_people (id, last_name) VALUES (?, ?)")) {
            prepared.setInt(1, 20);
            prepared.setString(2, "d");
            assertThat(prepared.executeUpdate()).isEqualTo(1);
            for (int id : new int[] {30, 31}) {
                prepared.setInt(1, id);
                prepared.setString(2, "e" + id);
                prepared.addBatch();
            }
            assertThat(prepared.executeBatch()).hasSize(2);
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO sp_people (last_name) VALUES ('f')");
            assertThat(rows(statement.executeQuery("SELECT id, last_name FROM sp_people ORDER BY id")))
                    .containsExactly("5 | a", "6 | b", "7 | c", "20 | d", "30 | e30", "31 | e31", "32 | f");
        }
    }

    @Test
    void aPlainBatchRunsStatementByStatementOnceOneNeedsMore() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE TABLE sp_batch (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5))");
            statement.addBatch("INSERT INTO sp_batch (v) VALUES ('a')");
            statement.addBatch("INSERT INTO sp_batch (id, v) VALUES (9, 'b'), (10, 'c')");
            statement.addBatch("INSERT INTO sp_batch (v) VALUES ('d')");
            long[] counts = statement.executeLargeBatch();
            assertThat(counts).hasSize(4);
            assertThat(counts[1]).isEqualTo(1);
            assertThat(counts[2]).isEqualTo(2);
            assertThat(counts[3]).isEqualTo(1);
            assertThat(rows(statement.executeQuery("SELECT id, v FROM sp_batch ORDER BY id")))
                    .containsExactly("1 | a", "9 | b", "10 | c", "11 | d");
        }
    }

    @Test
    void aFailureInABatchRunStatementByStatementReportsTheCountsBeforeIt() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE TABLE sp_batch (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5),"
                    + " KEY k_v (v))");
            statement.addBatch("INSERT INTO sp_batch (id, v) VALUES (1, 'a')");
            statement.addBatch("INSERT INTO sp_batch (id, v) VALUES (1, 'b')");
            BatchUpdateException failed = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);
            assertThat((Object) failed).isNotNull();
            assertThat(failed.getUpdateCounts()).containsExactly(0, 1);
        }
    }

    @Test
    void theExtraStatementsRunInTheApplicationsTransaction() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sp_tx (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5))");
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO sp_tx (id, v) VALUES (4, 'a')");
            connection.rollback();
            assertThat(rows(statement.executeQuery("SELECT id, v FROM sp_tx"))).isEmpty();
            statement.executeUpdate("INSERT INTO sp_tx (id, v) VALUES (8, 'b')");
            statement.executeUpdate("INSERT INTO sp_tx (v) VALUES ('c')");
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(rows(statement.executeQuery("SELECT id, v FROM sp_tx ORDER BY id")))
                    .containsExactly("8 | b", "9 | c");
        }
    }

    @Test
    void aFailingExtraStatementNamesTheTranslationAndItself() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sp_fail (id INT PRIMARY KEY)");
            String sql = "CREATE TABLE IF NOT EXISTS sp_fail (id INT PRIMARY KEY, other INT, KEY k_other (other))";
            SQLException failed = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
            assertThat((Object) failed).isNotNull();
            String[] translation = Translator.of(Dialect.MYSQL, Dialect.named(target()), false, false).translate(sql)
                    .split(";\n");
            assertThat(failed.getMessage()).startsWith("The proxy ran the translation of \"" + translation[0] + "\","
                    + " but the statement it runs after it failed: " + translation[1] + ": ")
                    .endsWith(" To fix this, correct the original statement or run it on the database directly.");
            assertThat((Object) failed.getCause()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aColumnPositionIsDroppedWithAWarning() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sp_alter (id INT PRIMARY KEY, b INT)");
            statement.execute("ALTER TABLE sp_alter ADD COLUMN a INT AFTER id");
            SQLWarning warning = statement.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).isEqualTo("Translated from mysql with a difference: ALTER TABLE …"
                    + " AFTER/FIRST: " + target() + " adds the column at the end of the table");
            assertThat(warning.getSQLState()).isEqualTo("01000");
            statement.clearWarnings();
            assertThat((Object) statement.getWarnings()).isNull();
        }
    }

    /**
     * CREATE DATABASE, USE and DROP DATABASE on a target with schemas: the table lands in the new schema, as
     * {@code schemaQuery} (the catalog query of the schema of table sp_in_app) reports it, and USE {@code home}
     * goes back.
     */
    void assertDatabasesAreSchemas(String schemaQuery, String schema, String home) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("USE sp_app");
            statement.execute("CREATE TABLE sp_in_app (id INT PRIMARY KEY)");
            assertThat(rows(statement.executeQuery(schemaQuery))).containsExactly(schema);
            statement.execute("USE " + home);
            statement.execute("DROP DATABASE sp_app");
            assertThat(rows(statement.executeQuery(schemaQuery))).isEmpty();
        }
    }

    @Test
    void theMetadataPresentsMySql() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertThat(metaData.getDatabaseProductName()).isEqualTo("MySQL");
        assertThat(metaData.getDatabaseMajorVersion()).isEqualTo(8);
        assertThat(metaData.getDatabaseMinorVersion()).isZero();
        try (Connection raw = DriverManager.getConnection(rawUrl())) {
            DatabaseMetaData real = raw.getMetaData();
            assertThat(metaData.getDatabaseProductVersion()).isEqualTo("8.0 (translated by the Retort proxy for "
                    + real.getDatabaseProductName() + " " + real.getDatabaseProductVersion() + ")");
        }
    }
}
