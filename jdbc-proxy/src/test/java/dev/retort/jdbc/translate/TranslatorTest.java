package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Translator API behaviour: exact rewrites per target, explain, strict and case-insensitive modes, the cache. */
class TranslatorTest {

    private static String translate(Dialect source, Dialect target, String sql) throws SQLException {
        return Translator.of(source, target, false, false).translate(sql);
    }

    @Test
    void limitMarkersKeepTheirOrderOnEveryTarget() throws SQLException {
        String sql = "SELECT id FROM t ORDER BY id LIMIT ?, ?";
        assertThat(translate(Dialect.MYSQL, Dialect.POSTGRESQL, sql))
                .isEqualTo("SELECT id FROM t ORDER BY id NULLS FIRST OFFSET ? LIMIT ?");
        assertThat(translate(Dialect.MYSQL, Dialect.H2, sql))
                .isEqualTo("SELECT id FROM t ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        assertThat(translate(Dialect.MYSQL, Dialect.SQLITE, sql)).isEqualTo(sql);
    }

    @Test
    void explainListsTheRulesThatFired() throws SQLException {
        Translation translation = Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false)
                .explain("SELECT IFNULL(`a`, 'x') FROM t # c");
        assertThat(translation.sql()).isEqualTo("SELECT COALESCE(a, 'x') FROM t -- c");
        assertThat(translation.rules()).containsExactly("quoted name", "IFNULL()", "# comment");
        assertThat(translation.warnings()).isEmpty();
    }

    @Test
    void anUnknownFunctionPassesWithAWarningOrIsRefusedInStrictMode() throws SQLException {
        String sql = "SELECT SOUNDEX(name) FROM t";
        Translation lenient = Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false).explain(sql);
        assertThat(lenient.sql()).isSameAs(sql);
        assertThat(lenient.warnings()).containsExactly("function SOUNDEX(): the translator does not know whether"
                + " postgresql has it with the same meaning");
        assertThatThrownBy(() -> Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, true, false).translate(sql))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("function SOUNDEX() cannot be translated from mysql to postgresql: the translator does"
                        + " not know whether postgresql has it with the same meaning (retort.translate.strict=true"
                        + " refuses what it cannot vouch for). To fix this, check it on postgresql or write it with"
                        + " functions the translator knows.");
    }

    @Test
    void caseInsensitiveModeLowersComparisonsWithLiterals() throws SQLException {
        String sql = "SELECT id FROM t WHERE name = 'Alice' AND city LIKE 'par%'";
        assertThat(Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, true).translate(sql))
                .isEqualTo("SELECT id FROM t WHERE LOWER(name) = LOWER('Alice') AND city ILIKE 'par%'");
        assertThat(Translator.of(Dialect.MYSQL, Dialect.H2, false, true).translate(sql))
                .isEqualTo("SELECT id FROM t WHERE LOWER(name) = LOWER('Alice') AND city ILIKE 'par%'");
        assertThat(Translator.of(Dialect.MYSQL, Dialect.SQLITE, false, true).translate(sql))
                .isEqualTo("SELECT id FROM t WHERE name = 'Alice' COLLATE NOCASE AND city LIKE 'par%'");
        assertThat(translate(Dialect.MYSQL, Dialect.POSTGRESQL, sql)).isEqualTo(sql);
    }

    @Test
    void aCacheHitReturnsTheSameStringAndARefusalIsRaisedAgain() throws SQLException {
        Translator translator = Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false);
        String sql = "SELECT IFNULL(a, 1) FROM t";
        String first = translator.translate(sql);
        assertThat(translator.translate(new String(sql))).isSameAs(first);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> translator.translate("LOCK TABLES t WRITE"))
                    .isInstanceOf(SQLSyntaxErrorException.class)
                    .hasMessageStartingWith("LOCK TABLES cannot be translated from mysql to postgresql");
        }
        assertThat(translator.cachedCount()).isEqualTo(2);
    }

    @Test
    void theCacheStaysBounded() throws SQLException {
        Translator translator = Translator.of(Dialect.MYSQL, Dialect.SQLITE, false, false);
        for (int i = 0; i < 10_000; i++) {
            translator.translate("SELECT " + i);
        }
        assertThat(translator.cachedCount()).isLessThanOrEqualTo(4096);
    }

    @Test
    void unsupportedPairsAreNamed() {
        assertThatThrownBy(() -> Translator.of(Dialect.POSTGRESQL, Dialect.H2, false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot translate from postgresql to h2: supported are mysql (or mariadb) to postgresql,"
                        + " h2 or sqlite, and postgresql to mysql, mariadb or sqlite. To fix this, correct"
                        + " retort.translate.from or retort.translate.to.");
    }

    @Test
    void dialectsAreNamedInOptionsAndUrls() {
        assertThat(Dialect.named("PG")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.named("oracle")).isNull();
        assertThat(Dialect.ofUrl("jdbc:retort:h2:mem:x")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofUrl("jdbc:mariadb://host/db")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.ofUrl("jdbc:sqlite::memory:")).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void mySqlTypesInDdl() throws SQLException {
        String sql = "CREATE TABLE `t` (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, d DATETIME(3), b LONGBLOB,"
                + " e ENUM('x','yy') DEFAULT 'x', PRIMARY KEY (id)) ENGINE=InnoDB";
        assertThat(translate(Dialect.MYSQL, Dialect.POSTGRESQL, sql)).isEqualTo("CREATE TABLE t (id BIGINT"
                + " GENERATED BY DEFAULT AS IDENTITY NOT NULL CHECK (id >= 0), d TIMESTAMP(3), b BYTEA, e VARCHAR(2)"
                + " DEFAULT 'x' CHECK (e IN ('x', 'yy')), PRIMARY KEY (id))");
        assertThat(translate(Dialect.MYSQL, Dialect.SQLITE, sql)).isEqualTo("CREATE TABLE t (id INTEGER NOT NULL,"
                + " d DATETIME, b BLOB, e VARCHAR(2) DEFAULT 'x' CHECK (e IN ('x', 'yy')), PRIMARY KEY (id))");
    }

    @Test
    void rewritesThatWouldReorderOrRepeatMarkersAreRefused() {
        assertThatThrownBy(() -> translate(Dialect.MYSQL, Dialect.POSTGRESQL,
                "UPDATE a JOIN b ON b.id = a.b_id AND b.kind = ? SET a.x = ? WHERE a.y = 1"))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("UPDATE … JOIN with ? markers in SET and in the join cannot be translated from mysql to"
                        + " postgresql: the translation moves the join and the WHERE clause around SET, which would"
                        + " change the order of the parameters. To fix this, inline one of the values, or select the"
                        + " keys first and update by key.");
        assertThatThrownBy(() -> translate(Dialect.POSTGRESQL, Dialect.MARIADB, "SELECT a FROM t ORDER BY a + ?"))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("ORDER BY an expression with a ? marker cannot be translated from postgresql to mariadb:"
                        + " MySQL needs the expression twice to sort NULLs as PostgreSQL does, which would add a"
                        + " parameter. To fix this, order by a column or a literal.");
    }

    @Test
    void postgresUpsertForMySql() throws SQLException {
        assertThat(translate(Dialect.POSTGRESQL, Dialect.MARIADB,
                "INSERT INTO t (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n RETURNING id"))
                .isEqualTo("INSERT INTO t (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = VALUES(n) RETURNING id");
    }

    @Test
    void distinctOnBecomesTheFirstRowOfEachNumberedGroup() throws SQLException {
        assertThat(translate(Dialect.POSTGRESQL, Dialect.SQLITE,
                "SELECT DISTINCT ON (grp) grp, id AS first FROM t WHERE id > ? ORDER BY grp, at DESC LIMIT ?"))
                .isEqualTo("SELECT grp, first FROM (SELECT retort_ordered.*, ROW_NUMBER() OVER (PARTITION BY"
                        + " retort_key_1 ORDER BY retort_order_2 DESC NULLS FIRST ) AS retort_row FROM (SELECT grp, id"
                        + " AS first, grp AS retort_key_1, grp AS retort_order_1, at AS retort_order_2 FROM t WHERE"
                        + " id > ?) AS retort_ordered) AS retort_distinct WHERE retort_row = 1 ORDER BY retort_order_1"
                        + " NULLS LAST, retort_order_2 DESC NULLS FIRST LIMIT ?");
    }

    @Test
    void distinctOnShapesThatCannotBeRewrittenAreRefused() {
        assertThatThrownBy(() -> translate(Dialect.POSTGRESQL, Dialect.MARIADB,
                "SELECT DISTINCT ON (grp) grp, id FROM t ORDER BY grp, id + ?"))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("SELECT DISTINCT ON cannot be translated from postgresql to mariadb: a ? marker stands in"
                        + " DISTINCT ON or ORDER BY, and the rewritten query moves those clauses before the others. To"
                        + " fix this, bind the values elsewhere or write them as literals.");
        assertThatThrownBy(() -> translate(Dialect.POSTGRESQL, Dialect.SQLITE,
                "SELECT DISTINCT ON (grp) grp, id FROM t UNION SELECT grp, id FROM u"))
                .hasMessage("SELECT DISTINCT ON cannot be translated from postgresql to sqlite: the query has UNION."
                        + " To fix this, select from the DISTINCT ON query in parentheses.");
        assertThatThrownBy(() -> translate(Dialect.POSTGRESQL, Dialect.MYSQL,
                "SELECT DISTINCT ON (t.id) t.id, u.id FROM t JOIN u ON u.t = t.id ORDER BY t.id"))
                .hasMessage("SELECT DISTINCT ON cannot be translated from postgresql to mysql: two select items are"
                        + " named id. To fix this, give one of them another alias.");
    }

    /** A rule wrapping its left operand refuses when that operand begins inside text another rule wrote whole. */
    @Test
    void anOperandInsideTextAnotherRuleWroteWholeIsRefusedNotCutFromTheStatementsStart() throws SQLException {
        assertThatThrownBy(() -> translate(Dialect.MYSQL, Dialect.POSTGRESQL, "SELECT id, '10' '0' DIV 3 FROM t"))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("DIV cannot be translated from mysql to postgresql: its left operand starts inside text"
                        + " that another rule wrote as a whole, which the translator cannot take apart. To fix this,"
                        + " add parentheses around the operand.");
        assertThat(translate(Dialect.MYSQL, Dialect.POSTGRESQL, "SELECT id, ('10' '0') DIV 3 FROM t"))
                .isEqualTo("SELECT id, CAST(TRUNC(CAST(('100') AS NUMERIC) / 3) AS BIGINT) FROM t");
    }

    @Test
    void typedDateLiteralsBecomeTheTextSqliteCompares() throws SQLException {
        assertThat(translate(Dialect.POSTGRESQL, Dialect.SQLITE,
                "SELECT a FROM t WHERE d = date '2020-01-01' AND ts < TIMESTAMP '2020-01-01 10:00:00'"))
                .isEqualTo("SELECT a FROM t WHERE d = DATE('2020-01-01') AND ts < DATETIME('2020-01-01 10:00:00')");
        assertThat(translate(Dialect.POSTGRESQL, Dialect.SQLITE, "SELECT date '2020-01-01' + interval '1 day'"))
                .isEqualTo("SELECT DATETIME('2020-01-01', '+1 days')");
    }

    /** PostgreSQL's timestamp keeps microseconds, as MySQL's DATETIME(6); SQLite's DATETIME() would drop them. */
    @Test
    void aTimestampLiteralKeepsItsFractionalSecondsOnSqlite() throws SQLException {
        String sql = translate(Dialect.POSTGRESQL, Dialect.SQLITE, "SELECT TIMESTAMP '2020-01-01 10:00:00.123456',"
                + " TIMESTAMP '2020-01-01T10:00:00.5', TIMESTAMP '2020-01-01 10:00:00'");
        assertThat(sql).isEqualTo("SELECT '2020-01-01 10:00:00.123456', STRFTIME('%Y-%m-%d %H:%M:%f',"
                + " '2020-01-01T10:00:00.5'), DATETIME('2020-01-01 10:00:00')");
        try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
             java.sql.Statement statement = sqlite.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("2020-01-01 10:00:00.123456");
            assertThat(row.getString(2)).isEqualTo("2020-01-01 10:00:00.500");
            assertThat(row.getString(3)).isEqualTo("2020-01-01 10:00:00");
        }
        assertThat(translate(Dialect.MYSQL, Dialect.SQLITE, "SELECT CAST('2020-01-01 10:00:00.25' AS DATETIME(6)),"
                + " CAST(d AS DATETIME(3)), CAST('2020-01-01 10:00:00.25' AS DATETIME) FROM t"))
                .as("DATETIME without a precision keeps whole seconds; DATETIME(n) keeps the fraction")
                .isEqualTo("SELECT '2020-01-01 10:00:00.25', STRFTIME('%Y-%m-%d %H:%M:%f', d),"
                        + " DATETIME('2020-01-01 10:00:00.25') FROM t");
    }

    @Test
    void distinctOnComputesEachOrderByExpressionOnce() throws SQLException {
        for (Dialect target : new Dialect[] {Dialect.MARIADB, Dialect.SQLITE}) {
            String sql = translate(Dialect.POSTGRESQL, target,
                    "SELECT DISTINCT ON (grp) grp, id FROM t ORDER BY grp, COALESCE(qty, 0) * 2 DESC");
            assertThat(sql.split("COALESCE", -1)).as(sql).hasSize(2);
        }
    }
}
