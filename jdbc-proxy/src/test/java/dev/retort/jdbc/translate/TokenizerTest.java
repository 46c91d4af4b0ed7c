package dev.retort.jdbc.translate;

import dev.retort.jdbc.translate.lex.Tokenizer;
import dev.retort.jdbc.translate.lex.Tokens;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The tokenizer and translator on hostile input: only clear SQLExceptions, no hang, time linear in the input. */
class TokenizerTest {

    private static final Translator MYSQL_TO_POSTGRES = Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false);
    private static final Translator POSTGRES_TO_MYSQL = Translator.of(Dialect.POSTGRESQL, Dialect.MYSQL, false, false);

    @Test
    void tokensCoverTheWholeTextWithoutGaps() throws SQLException {
        String sql = "SELECT `a`, \"s\\\"\" # c\n, 1.5e3, ?, x.y -- d\n/*!40101 z */ FROM t WHERE a <=> b";
        Tokens tokens = Tokenizer.tokenize(sql, Dialect.MYSQL);
        int at = 0;
        StringBuilder kinds = new StringBuilder();
        for (int i = 0; i < tokens.count; i++) {
            assertThat(tokens.start[i]).isEqualTo(at);
            at = tokens.end[i];
            if (!tokens.trivia(i)) {
                kinds.append(tokens.kind[i]).append(' ');
            }
        }
        assertThat(at).isEqualTo(sql.length());
        assertThat(kinds.toString().trim()).isEqualTo("3 4 12 5 12 7 12 8 12 3 16 3 14 3 15 3 3 3 3 9 3");
    }

    @Test
    void postgresLexingKnowsDollarStringsCastsAndNestedComments() throws SQLException {
        Tokens tokens = Tokenizer.tokenize("SELECT $tag$a'b$$c$tag$::text, E'x\\'y', /* a /* b */ c */ 1", Dialect.POSTGRESQL);
        assertThat(tokens.text(2)).isEqualTo("$tag$a'b$$c$tag$");
        assertThat(tokens.text(3)).isEqualTo("::");
        assertThat(tokens.text(7)).isEqualTo("E'x\\'y'");
        assertThat(tokens.text(10)).isEqualTo("/* a /* b */ c */");
    }

    @Test
    void unterminatedInputIsRefusedWithItsPosition() {
        assertRefused("SELECT 'abc", "Unterminated string literal starting at offset 7 in \"'abc\". To fix this,"
                + " close it with ' (the statement is not sent).");
        assertRefused("SELECT `abc", "Unterminated quoted name starting at offset 7 in \"`abc\". To fix this,"
                + " close it with ` (the statement is not sent).");
        assertRefused("SELECT 1 /* open", "Unterminated comment /* starting at offset 9 in \"/* open\". To fix"
                + " this, close it with */ (the statement is not sent).");
        assertRefused("SELECT /*!40101 1", "Unterminated executable comment /*! starting at offset 7 in"
                + " \"/*!40101 1\". To fix this, close it with */ (the statement is not sent).");
        assertRefused("SELECT 'it\\'", "Unterminated string literal starting at offset 7 in \"'it\\'\". To fix this,"
                + " close it with ' (the statement is not sent).");
        assertRefused("SELECT (1", "Unclosed '(' at offset 7 in \"(1\". To fix this, add the missing ')'.");
        assertRefused("SELECT 1)", "Unbalanced ')' at offset 8 in \")\". To fix this, remove it or add the missing '('.");
        assertThatThrownBy(() -> POSTGRES_TO_MYSQL.translate("SELECT $x$abc"))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("Unterminated dollar-quoted string $x$ starting at offset 7 in \"$x$abc\". To fix this,"
                        + " close it with $x$ (the statement is not sent).");
    }

    @Test
    void aLongStatementIsCutInTheMessage() {
        String sql = "SELECT '" + "x".repeat(100);
        assertRefused(sql, "Unterminated string literal starting at offset 7 in \"'" + "x".repeat(39)
                + "…\". To fix this, close it with ' (the statement is not sent).");
    }

    private static void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> MYSQL_TO_POSTGRES.translate(sql))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
    }

    @Test
    void deeplyNestedParenthesesPassThrough() throws SQLException {
        String sql = "SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        assertThat(MYSQL_TO_POSTGRES.translate(sql)).isSameAs(sql);
        assertThat(POSTGRES_TO_MYSQL.translate(sql)).isSameAs(sql);
    }

    @Test
    void deeplyNestedRewrittenCallsAreRefusedNotOverflowed() {
        String sql = "SELECT " + "IFNULL(".repeat(5_000) + "1" + ", 2)".repeat(5_000);
        assertThatThrownBy(() -> MYSQL_TO_POSTGRES.translate(sql))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("The statement nests function calls or rewritten expressions deeper than 100 levels,"
                        + " the translator's limit, so it cannot be translated from mysql to postgresql. To fix this,"
                        + " flatten the expression (one COALESCE(a, b, c) rather than nested IFNULLs, a CASE with"
                        + " several WHENs rather than nested IFs) or send the statement on a connection without"
                        + " retort.translate.from.");
    }

    @Test
    void everyCharacterValueGivesATranslationOrAnSqlException() {
        String[] shapes = {"SELECT %s", "SELECT '%s'", "SELECT `a%sb`", "SELECT \"%s\"", "SELECT 1 %s 2",
                "SELECT a%s FROM t", "-- %s\nSELECT 1", "SELECT /* %s */ 1", "SELECT $$%s$$", "SELECT E'%s'"};
        for (Translator translator : new Translator[] {MYSQL_TO_POSTGRES, POSTGRES_TO_MYSQL,
                Translator.of(Dialect.MYSQL, Dialect.SQLITE, true, true)}) {
            for (int c = 0; c <= 0xFFFF; c += c < 512 ? 1 : 97) {
                for (String shape : shapes) {
                    String sql = String.format(shape, String.valueOf((char) c));
                    translateOrSqlException(translator, sql);
                }
            }
        }
    }

    @Test
    void randomTokenSoupGivesATranslationOrAnSqlException() {
        String[] pieces = {"SELECT", " ", "(", ")", ",", "'", "\"", "`", "\\", "#", "--", "-- ", "/*", "*/", "/*!",
                "$$", "$a$", "::", "||", "&&", "!", "<=>", "DIV", "MOD", "/", "?", "IFNULL(", "IF(", "CONCAT(",
                "LIMIT", "INTERVAL", "1", "DAY", "ORDER", "BY", "x", "INSERT", "IGNORE", "INTO", "VALUES", "ON",
                "DUPLICATE", "KEY", "UPDATE", "SET", "DELETE", "FROM", "JOIN", "CREATE", "TABLE", "E'", "\n",
                "\u0000", "\uD800", "é", "@", "@@", "0x", "X'", ";", "ILIKE", "LIKE", "=", "TRUE", "END", "CASE"};
        Random random = new Random(20261126);
        Translator[] translators = {MYSQL_TO_POSTGRES, POSTGRES_TO_MYSQL,
                Translator.of(Dialect.MYSQL, Dialect.H2, false, true),
                Translator.of(Dialect.POSTGRESQL, Dialect.SQLITE, true, false)};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 20_000; round++) {
                StringBuilder sql = new StringBuilder();
                int length = 1 + random.nextInt(30);
                for (int k = 0; k < length; k++) {
                    sql.append(pieces[random.nextInt(pieces.length)]);
                }
                translateOrSqlException(translators[round % translators.length], sql.toString());
            }
        });
    }

    private static void translateOrSqlException(Translator translator, String sql) {
        try {
            assertThat(translator.translate(sql)).isNotNull();
        } catch (SQLException expected) {
            assertThat(expected.getMessage()).as("message for %s", sql).contains("To fix this");
            assertThat(expected.getSQLState()).isEqualTo("42000");
        } catch (RuntimeException | StackOverflowError unexpected) {
            throw new AssertionError("Translating " + sql.replace("\n", "\\n") + " threw " + unexpected, unexpected);
        }
    }

    @Test
    void aMegabyteStatementIsTranslatedInLinearTime() {
        String unit = "SELECT IFNULL(`a`, 'x\\'y') || b, CONCAT(c, \"d\") FROM t WHERE e <=> ? # note\n UNION ALL ";
        String megabyte = unit.repeat(1_000_000 / unit.length()) + "SELECT 1, 2, 3";
        String fourMegabytes = unit.repeat(4_000_000 / unit.length()) + "SELECT 1, 2, 3";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long one = fastest(megabyte);
            long four = fastest(fourMegabytes);
            assertThat(four).as("4 MB took %d ms, 1 MB %d ms", four / 1_000_000, one / 1_000_000)
                    .isLessThan(one * 10);
        });
    }

    private static long fastest(String sql) throws SQLException {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            MYSQL_TO_POSTGRES.explain(sql);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
