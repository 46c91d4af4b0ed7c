package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #12: nested calls drove the translator's recursion off the end of the stack (StackOverflowError for
 * IFNULL nested about 950 deep). Nesting past {@link Translator#MAX_NESTING} is refused with 42000 on
 * every pair, through the API and through the driver.
 */
class NestingLimitTest {

    /** Every supported pair; MariaDB as a source is MySQL. */
    static final List<Translator> PAIRS = List.of(
            Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false),
            Translator.of(Dialect.MYSQL, Dialect.H2, false, false),
            Translator.of(Dialect.MYSQL, Dialect.SQLITE, false, false),
            Translator.of(Dialect.MARIADB, Dialect.POSTGRESQL, true, true),
            Translator.of(Dialect.POSTGRESQL, Dialect.MYSQL, false, false),
            Translator.of(Dialect.POSTGRESQL, Dialect.MARIADB, false, false),
            Translator.of(Dialect.POSTGRESQL, Dialect.SQLITE, false, false));

    /** Shapes that recurse once per level: a rewritten call, a call passed through, a call in a subquery. */
    private static final String[][] SHAPES = {{"COALESCE(", ", 2)"}, {"LOWER(", ")"},
            {"COALESCE((SELECT ", "), 2)"}, {"CONCAT(", ", 'b')"}};

    static String message(Dialect source, Dialect target) {
        return "The statement nests function calls or rewritten expressions deeper than 100 levels, the"
                + " translator's limit, so it cannot be translated from " + source + " to " + target + ". To fix"
                + " this, flatten the expression (one COALESCE(a, b, c) rather than nested IFNULLs, a CASE with"
                + " several WHENs rather than nested IFs) or send the statement on a connection without"
                + " retort.translate.from.";
    }

    private static String nested(String[] shape, int levels) {
        return "SELECT " + shape[0].repeat(levels) + "'x'" + shape[1].repeat(levels);
    }

    @Test
    void theLimitTranslatesAndOneLevelMoreIsRefusedOnEveryPair() throws SQLException {
        for (Translator translator : PAIRS) {
            for (String[] shape : SHAPES) {
                assertThat(translator.translate(nested(shape, Translator.MAX_NESTING))).startsWith("SELECT ");
                for (int levels : new int[] {Translator.MAX_NESTING + 1, 950, 50_000}) {
                    assertThatThrownBy(() -> translator.translate(nested(shape, levels)))
                            .as("%s, %s nested %d deep", translator, shape[0], levels)
                            .isInstanceOf(SQLSyntaxErrorException.class)
                            .hasMessage(message(translator.source(), translator.target()))
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
                }
            }
        }
    }

    @Test
    void mysqlIfnullNested950DeepIsRefused() {
        String sql = "SELECT " + "IFNULL(".repeat(950) + "a" + ", 1)".repeat(950) + " FROM t";
        for (Dialect target : new Dialect[] {Dialect.POSTGRESQL, Dialect.H2, Dialect.SQLITE}) {
            assertThatThrownBy(() -> Translator.of(Dialect.MYSQL, target, false, false).translate(sql))
                    .hasMessage(message(Dialect.MYSQL, target));
        }
    }

    /** The limit leaves room: 100 levels translate on a thread with half the default 1 MB stack. */
    @Test
    void theLimitFitsInHalfADefaultStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                for (Translator translator : PAIRS) {
                    for (String[] shape : SHAPES) {
                        translator.translate(nested(shape, Translator.MAX_NESTING) + " ");
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "half-stack", 512 * 1024);
        small.start();
        small.join();
        assertThat(failure.get()).isNull();
    }

    /** Signs before a LIMIT operand were skipped by recursion, one frame per sign. */
    @Test
    void longSignChainsAreSkippedWithoutRecursion() throws SQLException {
        String sql = "SELECT a FROM t LIMIT " + "- ".repeat(100_000) + "1, 2";
        assertThat(Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false).translate(sql))
                .isEqualTo("SELECT a FROM t OFFSET " + "- ".repeat(100_000) + "1 LIMIT 2");
    }

    @Test
    void theDriverRefusesDeepNestingOnEmbeddedTargets() throws SQLException {
        String mysql = "SELECT " + "IFNULL(".repeat(5_000) + "1" + ", 2)".repeat(5_000);
        String postgres = "SELECT " + "COALESCE(".repeat(5_000) + "1" + ", 2)".repeat(5_000);
        assertRefused("jdbc:retort:h2:mem:nesting", "mysql", mysql, message(Dialect.MYSQL, Dialect.H2));
        assertRefused("jdbc:retort:sqlite::memory:", "mysql", mysql, message(Dialect.MYSQL, Dialect.SQLITE));
        assertRefused("jdbc:retort:sqlite::memory:", "postgresql", postgres,
                message(Dialect.POSTGRESQL, Dialect.SQLITE));
    }

    static void assertRefused(String url, String from, String sql, String message) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", from);
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .isInstanceOf(SQLSyntaxErrorException.class).hasMessage(message)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
            assertThatThrownBy(() -> connection.prepareStatement(sql)).hasMessage(message);
            // the connection is still usable afterwards
            assertThat(statement.execute("SELECT 1")).isTrue();
        }
    }
}
