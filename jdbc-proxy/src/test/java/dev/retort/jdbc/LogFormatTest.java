package dev.retort.jdbc;

import dev.retort.jdbc.support.LogCapture;
import dev.retort.jdbc.support.RecordingListener;
import dev.retort.jdbc.support.ServiceLoadedListener;
import dev.retort.jdbc.wrapper.RetortConnection;
import example.app.CallerApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The options that shape a record: parameter modes, JSON, the caller; and the two kinds of listeners. */
class LogFormatTest {

    private static final String URL = "jdbc:retort:h2:mem:retort_log_format;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, option("retort.log", "false"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rp_format_users (id INTEGER PRIMARY KEY, name VARCHAR(40))");
        }
    }

    private static Properties option(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** Inserts two users in one batch and one alone; returns the INFO lines of that connection. */
    private static List<String> insertUsers(Properties options, int firstId) throws SQLException {
        try (LogCapture log = LogCapture.at(Level.INFO); Connection connection = DriverManager.getConnection(URL, options);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO rp_format_users VALUES (?, ?)")) {
            insert.setInt(1, firstId);
            insert.setString(2, "Ann");
            insert.addBatch();
            insert.setInt(1, firstId + 1);
            insert.setNull(2, java.sql.Types.VARCHAR);
            insert.addBatch();
            insert.executeBatch();
            insert.setInt(1, firstId + 2);
            insert.setString(2, "Bob \"B\"");
            insert.executeUpdate();
            long id = connection.unwrap(RetortConnection.class).id();
            return log.linesOf(id).stream().map(line -> line.replace("[conn " + id + "]", "[conn #]")
                    .replace("{\"conn\":" + id + ",", "{\"conn\":#,")).toList();
        }
    }

    @Test
    void inlineIsTheDefault() throws SQLException {
        assertThat(insertUsers(new Properties(), 100)).containsExactly(
                "INFO [conn #] batch of 2 # ms, 2 rows affected: INSERT INTO rp_format_users VALUES (100, 'Ann');\n"
                        + "INSERT INTO rp_format_users VALUES (101, NULL)",
                "INFO [conn #] update # ms, 1 row affected: INSERT INTO rp_format_users VALUES (102, 'Bob \"B\"')");
    }

    @Test
    void separateListsTheValuesAfterTheSql() throws SQLException {
        assertThat(insertUsers(option("retort.log.params", "separate"), 200)).containsExactly(
                "INFO [conn #] batch of 2 # ms, 2 rows affected: INSERT INTO rp_format_users VALUES (?, ?)"
                        + " | params: [200, 'Ann'], [201, NULL]",
                "INFO [conn #] update # ms, 1 row affected: INSERT INTO rp_format_users VALUES (?, ?)"
                        + " | params: [202, 'Bob \"B\"']");
    }

    @Test
    void maskWritesNoValueAtAll() throws SQLException {
        assertThat(insertUsers(option("retort.log.params", "mask"), 300)).containsExactly(
                "INFO [conn #] batch of 2 # ms, 2 rows affected: INSERT INTO rp_format_users VALUES (?, ?)"
                        + " | 4 parameters masked",
                "INFO [conn #] update # ms, 1 row affected: INSERT INTO rp_format_users VALUES (?, ?)"
                        + " | 2 parameters masked");
    }

    @Test
    void jsonInEachParameterMode() throws SQLException {
        assertThat(insertUsers(option("retort.log.format", "json"), 400)).containsExactly(
                "INFO {\"conn\":#,\"kind\":\"batch\",\"ms\":#,\"rows\":2,\"batch\":2,"
                        + "\"sql\":\"INSERT INTO rp_format_users VALUES (?, ?)\",\"inlined\":\"INSERT INTO rp_format_users"
                        + " VALUES (400, 'Ann');\\nINSERT INTO rp_format_users VALUES (401, NULL)\"}",
                "INFO {\"conn\":#,\"kind\":\"update\",\"ms\":#,\"rows\":1,"
                        + "\"sql\":\"INSERT INTO rp_format_users VALUES (?, ?)\",\"inlined\":\"INSERT INTO rp_format_users"
                        + " VALUES (402, 'Bob \\\"B\\\"')\"}");
        assertThat(insertUsers(option("retort.log.format", "json", "retort.log.params", "separate"), 500)).last()
                .isEqualTo("INFO {\"conn\":#,\"kind\":\"update\",\"ms\":#,\"rows\":1,"
                        + "\"sql\":\"INSERT INTO rp_format_users VALUES (?, ?)\",\"params\":[[502,\"Bob \\\"B\\\"\"]]}");
        assertThat(insertUsers(option("retort.log.format", "json", "retort.log.params", "mask"), 600)).last()
                .isEqualTo("INFO {\"conn\":#,\"kind\":\"update\",\"ms\":#,\"rows\":1,"
                        + "\"sql\":\"INSERT INTO rp_format_users VALUES (?, ?)\",\"maskedParams\":2}");
    }

    @Test
    void longValuesAreSummarisedAndLongStatementsCut() throws SQLException {
        Properties options = option("retort.log.max-value-length", "8", "retort.log.max-statement-length", "60");
        try (LogCapture log = LogCapture.at(Level.INFO); Connection connection = DriverManager.getConnection(URL, options);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO rp_format_users VALUES (?, ?)")) {
            insert.setInt(1, 700);
            insert.setString(2, "Maximilian");
            insert.executeUpdate();
            insert.setInt(1, 701);
            insert.setString(2, "Max");
            insert.executeUpdate();
            long id = connection.unwrap(RetortConnection.class).id();
            assertThat(log.linesOf(id)).containsExactly(
                    "INFO [conn " + id + "] update # ms, 1 row affected: INSERT INTO rp_format_users VALUES (700,"
                            + " <String, 10 chars>)",
                    "INFO [conn " + id + "] update # ms, 1 row affected: INSERT INTO rp_format_users VALUES (701,"
                            + " 'Max')");
        }
        options.setProperty("retort.log.max-statement-length", "30");
        try (LogCapture log = LogCapture.at(Level.INFO); Connection connection = DriverManager.getConnection(URL, options);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE rp_format_users SET name = 'Maximilian' WHERE id = 700");
            long id = connection.unwrap(RetortConnection.class).id();
            assertThat(log.linesOf(id)).containsExactly("INFO [conn " + id + "] update # ms, 1 row affected:"
                    + " UPDATE rp_format_users SET nam... [31 more characters]");
        }
    }

    @Test
    void theCallerIsTheFirstFrameOfApplicationCode() throws SQLException {
        try (RecordingListener listener = RecordingListener.register();
             Connection connection = DriverManager.getConnection(URL, option("retort.log.caller", "true"))) {
            CallerApp.countUsers(connection);
            assertThat(listener.of(connection)).singleElement().extracting(SqlEvent::caller)
                    .isEqualTo("example.app.CallerApp.countUsers(CallerApp.java:15)");
        }
    }

    @Test
    void aFailingListenerIsLoggedAndTheStatementGoesOn() throws SQLException {
        SqlListener broken = event -> {
            throw new IllegalStateException("listener bug");
        };
        RetortDriver.addListener(broken);
        try (LogCapture log = LogCapture.at(Level.WARNING); Connection connection = DriverManager.getConnection(URL);
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE rp_format_users SET name = name WHERE id < 0")).isZero();
            assertThat(log.lines()).containsExactly("WARNING SqlListener " + broken.getClass().getName()
                    + " threw; the statement itself is unaffected");
        } finally {
            assertThat(RetortDriver.removeListener(broken)).isTrue();
        }
    }

    @Test
    void listenersFromTheServiceLoaderReceiveEvents() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT '" + ServiceLoadedListener.MARKER + "'").close();
        }
        assertThat(ServiceLoadedListener.SEEN).containsExactly("SELECT '" + ServiceLoadedListener.MARKER + "'");
    }
}
