package dev.retort.jdbc.translate;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables the proxy did not create (made through the raw driver, as a migration tool or another application
 * would), queried through the proxy translating from MySQL. They keep the target's case-sensitive text: by
 * default {@code =} compares with case, as the README says. With {@code retort.translate.case-insensitive=true}
 * the translator reads the columns' types once per table and compares text columns without case, against
 * literals and {@code ?} parameters alike, in {@code IN} lists and between two text columns, and leaves columns
 * of other types alone; the rows are checked against MariaDB's on the same table.
 */
class OutsideTablesCaseIT {

    private static final String TABLE = "CREATE TABLE tr_outside (id INTEGER PRIMARY KEY, last_name VARCHAR(20),"
            + " nick VARCHAR(20))";
    private static final String ROWS = "INSERT INTO tr_outside VALUES (1, 'Davis', 'DAVIS'), (2, 'davis', 'davis'),"
            + " (3, 'Dave', 'Davey'), (4, 'Black', 'black')";

    /** Statements whose rows through the proxy must be MariaDB's (default case-insensitive collation). */
    private static final String[][] AS_ON_MARIADB = {
            {"SELECT id FROM tr_outside WHERE last_name = nick ORDER BY id"},
            {"SELECT id FROM tr_outside o WHERE o.nick <> o.last_name ORDER BY id"},
            {"SELECT id FROM tr_outside WHERE last_name IN ('DAVIS', ?) ORDER BY id", "BLACK"},
            {"SELECT id FROM tr_outside WHERE last_name NOT IN ('DAVIS', 'BLACK') ORDER BY id"},
            {"SELECT id FROM tr_outside WHERE id IN (?, '3') ORDER BY id", "1"},
            {"SELECT id FROM tr_outside ORDER BY last_name DESC, id"},
            {"SELECT id FROM tr_outside ORDER BY nick, id"},
    };

    @Test
    void onPostgres() throws SQLException {
        String url = ServerUrls.require("RETORT_TEST_POSTGRES_URL");
        check(url, "LOWER(last_name) = LOWER(?)");
    }

    @Test
    void onH2() throws SQLException {
        check("jdbc:h2:mem:tr_outside;DB_CLOSE_DELAY=-1", "LOWER(last_name) = LOWER(?)");
    }

    @Test
    void onSqlite() throws SQLException {
        check("jdbc:sqlite:file:tr_outside?mode=memory&cache=shared", "last_name = ? COLLATE NOCASE");
    }

    private static void check(String rawUrl, String parameterComparison) throws SQLException {
        try (Connection raw = DriverManager.getConnection(rawUrl);
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tr_outside");
            statement.execute(TABLE);
            statement.execute(ROWS);
            try (Connection plain = proxy(rawUrl, false)) {
                assertThat(ids(plain, "SELECT id FROM tr_outside WHERE last_name = 'davis' ORDER BY id"))
                        .as("the target's own case-sensitive text, by default").containsExactly(2);
            }
            try (Connection ignoringCase = proxy(rawUrl, true)) {
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE last_name = 'davis' ORDER BY id"))
                        .containsExactly(1, 2);
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE last_name = ? ORDER BY id", "DAVIS"))
                        .containsExactly(1, 2);
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE last_name <> ? ORDER BY id", "DAVIS"))
                        .containsExactly(3, 4);
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE last_name LIKE 'dav%' ORDER BY id"))
                        .containsExactly(1, 2, 3);
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE id = ? ORDER BY id", "2"))
                        .as("an integer column is compared as it is").containsExactly(2);
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE id = '3'"))
                        .as("an integer column against a literal").containsExactly(3);
                for (String[] query : AS_ON_MARIADB) {
                    String[] values = java.util.Arrays.copyOfRange(query, 1, query.length);
                    assertThat(ids(ignoringCase, query[0], values)).as(query[0])
                            .isEqualTo(onMariaDb(query[0], values)).isNotEmpty();
                }
            }
            Translator translator = Translator.of(Dialect.MYSQL, dialect(rawUrl), false, true);
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE last_name = ?", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside WHERE " + parameterComparison);
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE id = ?", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside WHERE id = ?");
            boolean sqlite = dialect(rawUrl) == Dialect.SQLITE;
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE last_name = nick", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside WHERE " + (sqlite ? "last_name = nick COLLATE NOCASE"
                            : "LOWER(last_name) = LOWER(nick)"));
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE last_name NOT IN ('a', ?)", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside WHERE " + (sqlite ? "last_name COLLATE NOCASE NOT IN ('a', ?)"
                            : "LOWER(last_name) NOT IN (LOWER('a'), LOWER(?))"));
            assertThat(translator.explain("SELECT id FROM tr_outside ORDER BY last_name DESC, id", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside ORDER BY " + switch (dialect(rawUrl)) {
                        case POSTGRESQL -> "LOWER(last_name) DESC NULLS LAST, id NULLS FIRST";
                        case H2 -> "LOWER(last_name) DESC, id";
                        default -> "last_name COLLATE NOCASE DESC, id";
                    });
            assertThat(translator.explain("SELECT DISTINCT last_name FROM tr_outside ORDER BY last_name", raw).sql())
                    .as("SELECT DISTINCT sorts by what it selects").doesNotContain("LOWER").doesNotContain("NOCASE");
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE id IN (?, '3')", raw).sql())
                    .as("an integer column's IN list is left alone").isEqualTo("SELECT id FROM tr_outside WHERE id IN (?, '3')");
            statement.execute("DROP TABLE tr_outside");
        }
    }

    /** The rows MariaDB returns for {@code sql} on the same table and rows. */
    private static List<Integer> onMariaDb(String sql, String... values) throws SQLException {
        try (Connection mariadb = DriverManager.getConnection(ServerUrls.require("RETORT_TEST_MARIADB_URL"));
             Statement statement = mariadb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tr_outside");
            statement.execute(TABLE);
            statement.execute(ROWS);
            try {
                return ids(mariadb, sql, values);
            } finally {
                statement.execute("DROP TABLE tr_outside");
            }
        }
    }

    private static Dialect dialect(String rawUrl) {
        return rawUrl.startsWith("jdbc:postgresql") ? Dialect.POSTGRESQL
                : rawUrl.startsWith("jdbc:h2") ? Dialect.H2 : Dialect.SQLITE;
    }

    private static Connection proxy(String rawUrl, boolean caseInsensitive) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", "mysql");
        properties.setProperty("retort.translate.case-insensitive", Boolean.toString(caseInsensitive));
        properties.setProperty("retort.log", "false");
        return DriverManager.getConnection(CorpusRunner.proxied(rawUrl), properties);
    }

    private static List<Integer> ids(Connection connection, String sql, String... values) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int k = 0; k < values.length; k++) {
                statement.setString(k + 1, values[k]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
        }
        return ids;
    }
}
