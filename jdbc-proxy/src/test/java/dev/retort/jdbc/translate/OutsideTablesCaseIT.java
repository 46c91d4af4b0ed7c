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
 * would), queried through the proxy translating from MySQL. By default ({@code retort.translate.case-insensitive}
 * unset) the translator reads the columns' types once per table and compares text columns without case, against
 * literals and {@code ?} parameters alike, in {@code IN} lists and between two text columns, and leaves columns
 * of other types and columns with a collation of their own alone; the rows are checked against MariaDB's on the
 * same table. With the option {@code false} the target's case-sensitive text is left as it is.
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
            {"SELECT id FROM tr_outside WHERE CONCAT(last_name, '') = 'DAVIS' ORDER BY id"},
    };

    /**
     * GROUP BY and DISTINCT over outside text columns: MariaDB's groups, compared with the text in lower case
     * (MySQL returns one of a group's values, the translation MIN() of them or, on SQLite, one of them).
     */
    private static final String[] GROUPS_AS_ON_MARIADB = {
            "SELECT last_name, COUNT(*) FROM tr_outside GROUP BY last_name ORDER BY last_name",
            "SELECT DISTINCT last_name FROM tr_outside ORDER BY last_name",
            "SELECT DISTINCT nick, last_name AS n FROM tr_outside ORDER BY nick",
            "SELECT COUNT(*) FROM (SELECT DISTINCT last_name FROM tr_outside) d",
            "SELECT last_name AS n, COUNT(*) AS c FROM tr_outside GROUP BY 1 ORDER BY n",
            "SELECT o.last_name, COUNT(*) FROM tr_outside o WHERE o.id > 0 GROUP BY o.last_name HAVING COUNT(*) > 1",
            "SELECT last_name, nick, MAX(id) FROM tr_outside GROUP BY last_name, nick ORDER BY MAX(id)",
            "SELECT COUNT(DISTINCT last_name), COUNT(DISTINCT nick), COUNT(DISTINCT id) FROM tr_outside",
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

    /**
     * Columns whose collation the schema chose are left as written by default: on PostgreSQL {@code "C"} and a
     * nondeterministic ICU collation, on SQLite {@code COLLATE BINARY} and {@code NOCASE}, on H2 a column
     * commented as case-sensitive and {@code VARCHAR_IGNORECASE}.
     */
    @Test
    void columnsWithACollationOfTheirOwnAreLeftAsWritten() throws SQLException {
        String postgres = ServerUrls.require("RETORT_TEST_POSTGRES_URL");
        try (Connection raw = DriverManager.getConnection(postgres); Statement statement = raw.createStatement()) {
            statement.execute("CREATE COLLATION IF NOT EXISTS tr_ignore_case (provider = icu,"
                    + " locale = 'und-u-ks-level2', deterministic = false)");
        }
        ownCollations(postgres, "code VARCHAR(5) COLLATE \"C\", name VARCHAR(5) COLLATE tr_ignore_case", null);
        ownCollations("jdbc:h2:mem:tr_own;DB_CLOSE_DELAY=-1", "code VARCHAR(5), name VARCHAR_IGNORECASE(5)",
                "COMMENT ON COLUMN tr_own.code IS 'case-sensitive: product codes'");
        ownCollations("jdbc:sqlite:file:tr_own?mode=memory&cache=shared",
                "code TEXT COLLATE BINARY, \"name\" VARCHAR(5) COLLATE NOCASE", null);
    }

    private static void ownCollations(String rawUrl, String columns, String comment) throws SQLException {
        try (Connection raw = DriverManager.getConnection(rawUrl); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tr_own");
            statement.execute("CREATE TABLE tr_own (id INTEGER PRIMARY KEY, " + columns + ", other VARCHAR(5))");
            if (comment != null) {
                statement.execute(comment);
            }
            statement.execute("INSERT INTO tr_own VALUES (1, 'A', 'A', 'A'), (2, 'a', 'a', 'a')");
            try (Connection proxy = proxy(rawUrl, null)) {
                assertThat(ids(proxy, "SELECT id FROM tr_own WHERE code = 'a'")).as(rawUrl).containsExactly(2);
                assertThat(ids(proxy, "SELECT id FROM tr_own WHERE code = ?", "a")).as(rawUrl).containsExactly(2);
                assertThat(ids(proxy, "SELECT id FROM tr_own WHERE name = 'a' ORDER BY id")).as(rawUrl)
                        .containsExactly(1, 2);
                assertThat(ids(proxy, "SELECT id FROM tr_own WHERE other = 'a' ORDER BY id")).as(rawUrl)
                        .containsExactly(1, 2);
                if (dialect(rawUrl) != Dialect.SQLITE) {
                    assertThat(ids(proxy, "SELECT id FROM tr_own WHERE code LIKE 'a%'")).as(rawUrl).containsExactly(2);
                }
            }
            Translator translator = Translator.of(Dialect.MYSQL, dialect(rawUrl), false, true);
            assertThat(translator.explain("SELECT id FROM tr_own WHERE code = ? AND name = ? AND code LIKE 'a%'",
                    raw).sql()).as(rawUrl)
                    .isEqualTo("SELECT id FROM tr_own WHERE code = ? AND name = ? AND code LIKE 'a%'");
            statement.execute("DROP TABLE tr_own");
        }
    }

    private static void check(String rawUrl, String parameterComparison) throws SQLException {
        try (Connection raw = DriverManager.getConnection(rawUrl);
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tr_outside");
            statement.execute(TABLE);
            statement.execute(ROWS);
            try (Connection plain = proxy(rawUrl, false)) {
                assertThat(ids(plain, "SELECT id FROM tr_outside WHERE last_name = 'davis' ORDER BY id"))
                        .as("the target's own case-sensitive text, with the option off").containsExactly(2);
            }
            try (Connection ignoringCase = proxy(rawUrl, null)) {
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
                try (PreparedStatement update = ignoringCase.prepareStatement(
                        "UPDATE tr_outside SET nick = ?, last_name = last_name WHERE last_name = ?")) {
                    update.setString(1, "Dee");
                    update.setString(2, "DAVIS");
                    assertThat(update.executeUpdate()).as("SET assigns, WHERE compares without case").isEqualTo(2);
                }
                assertThat(ids(ignoringCase, "SELECT id FROM tr_outside WHERE nick = 'dee' ORDER BY id"))
                        .containsExactly(1, 2);
                try (Statement restore = raw.createStatement()) {
                    restore.execute("DELETE FROM tr_outside");
                    restore.execute(ROWS);
                }
                if (dialect(rawUrl) != Dialect.SQLITE) {
                    // a number compared with a string literal is left alone (LOWER() of a number fails on
                    // PostgreSQL); SQLite compares an expression's number with text as unequal, translated or not
                    String numeric = "SELECT id FROM tr_outside WHERE LENGTH(last_name) = '5' ORDER BY id";
                    assertThat(ids(ignoringCase, numeric)).isEqualTo(onMariaDb(numeric)).containsExactly(1, 2, 4);
                }
                for (String[] query : AS_ON_MARIADB) {
                    String[] values = java.util.Arrays.copyOfRange(query, 1, query.length);
                    assertThat(ids(ignoringCase, query[0], values)).as(query[0])
                            .isEqualTo(onMariaDb(query[0], values)).isNotEmpty();
                }
            }
            try (Connection grouping = proxy(rawUrl, null)) {
                for (String query : GROUPS_AS_ON_MARIADB) {
                    assertThat(texts(grouping, query)).as(query).isEqualTo(onMariaDbTexts(query)).isNotEmpty();
                }
                String expression = "SELECT CONCAT(last_name, '!'), COUNT(*) FROM tr_outside GROUP BY last_name";
                if (dialect(rawUrl) == Dialect.SQLITE) {
                    assertThat(texts(grouping, expression)).hasSize(3);
                } else {
                    SQLException refused = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                            () -> texts(grouping, expression));
                    String target = dialect(rawUrl) == Dialect.H2 ? "H2" : "PostgreSQL";
                    assertThat(refused.getMessage()).isEqualTo("GROUP BY a text column with the column inside the"
                            + " select item CONCAT(last_name, '!') cannot be translated from mysql to "
                            + dialect(rawUrl) + ": the translator groups text of tables it did not create by"
                            + " LOWER(column), to ignore case as MySQL does, and " + target + " accepts only grouped"
                            + " expressions and aggregates in the select list. To fix this, select the column itself"
                            + " or an aggregate of it, or set retort.translate.case-insensitive=false.");
                }
            }
            Translator translator = Translator.of(Dialect.MYSQL, dialect(rawUrl), false, true);
            assertThat(translator.explain("SELECT last_name, COUNT(*) FROM tr_outside GROUP BY last_name", raw).sql())
                    .isEqualTo(dialect(rawUrl) == Dialect.SQLITE
                            ? "SELECT last_name, COUNT(*) FROM tr_outside GROUP BY last_name COLLATE NOCASE"
                            : "SELECT MIN(last_name) AS last_name, COUNT(*) FROM tr_outside GROUP BY LOWER(last_name)");
            assertThat(translator.explain("SELECT DISTINCT last_name FROM tr_outside WHERE id > 1", raw).sql())
                    .isEqualTo(dialect(rawUrl) == Dialect.SQLITE
                            ? "SELECT DISTINCT last_name COLLATE NOCASE AS last_name FROM tr_outside WHERE id > 1"
                            : "SELECT MIN(last_name) AS last_name FROM tr_outside WHERE id > 1"
                                    + " GROUP BY LOWER(last_name)");
            assertThat(translator.explain("SELECT id FROM tr_outside WHERE last_name = ?", raw).sql())
                    .isEqualTo("SELECT id FROM tr_outside WHERE " + parameterComparison);
            assertThat(translator.explain("UPDATE tr_outside SET nick = ?, last_name = 'x' WHERE nick = ?", raw).sql())
                    .isEqualTo("UPDATE tr_outside SET nick = ?, last_name = 'x' WHERE "
                            + (dialect(rawUrl) == Dialect.SQLITE ? "nick = ? COLLATE NOCASE" : "LOWER(nick) = LOWER(?)"));
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
                    .isEqualTo(switch (dialect(rawUrl)) {
                        case POSTGRESQL -> "SELECT MIN(last_name) AS last_name FROM tr_outside GROUP BY"
                                + " LOWER(last_name) ORDER BY LOWER(last_name) NULLS FIRST";
                        case H2 -> "SELECT MIN(last_name) AS last_name FROM tr_outside GROUP BY LOWER(last_name)"
                                + " ORDER BY LOWER(last_name)";
                        default -> "SELECT DISTINCT last_name COLLATE NOCASE AS last_name FROM tr_outside ORDER BY"
                                + " last_name";
                    });
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

    /** The rows MariaDB returns for {@code sql} on the same table and rows, as {@link #texts}. */
    private static List<String> onMariaDbTexts(String sql) throws SQLException {
        try (Connection mariadb = DriverManager.getConnection(ServerUrls.require("RETORT_TEST_MARIADB_URL"));
             Statement statement = mariadb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tr_outside");
            statement.execute(TABLE);
            statement.execute(ROWS);
            try {
                return texts(mariadb, sql);
            } finally {
                statement.execute("DROP TABLE tr_outside");
            }
        }
    }

    /** Each row's columns joined by " | ", in lower case. */
    private static List<String> texts(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int k = 1; k <= result.getMetaData().getColumnCount(); k++) {
                    row.append(k > 1 ? " | " : "").append(result.getString(k));
                }
                rows.add(row.toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return rows;
    }

    private static Dialect dialect(String rawUrl) {
        return rawUrl.startsWith("jdbc:postgresql") ? Dialect.POSTGRESQL
                : rawUrl.startsWith("jdbc:h2") ? Dialect.H2 : Dialect.SQLITE;
    }

    /** The proxy on {@code rawUrl}; {@code caseInsensitive} null leaves the option at its default. */
    private static Connection proxy(String rawUrl, Boolean caseInsensitive) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", "mysql");
        if (caseInsensitive != null) {
            properties.setProperty("retort.translate.case-insensitive", caseInsensitive.toString());
        }
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
