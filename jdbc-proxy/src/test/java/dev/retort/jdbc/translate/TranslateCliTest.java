package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The translate command line: SQL as an argument, a file or standard input; --explain; exit status. */
class TranslateCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return TranslateCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void translatesEachStatementOfTheArgument() {
        int status = run("", "translate", "--from", "mysql", "--to", "postgresql",
                "SELECT IFNULL(a, ';') FROM `t` LIMIT 2, 5; SELECT 1");
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("SELECT COALESCE(a, ';') FROM t OFFSET 2 LIMIT 5;\nSELECT 1;\n");
    }

    @Test
    void statementsBeforeAndAfterATranslationArePrintedOnLinesOfTheirOwn() {
        int status = run("", "translate", "--from", "mysql", "--to", "postgresql", "--case-insensitive-columns",
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(9), KEY k_name (name))");
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("CREATE EXTENSION IF NOT EXISTS citext;\nCREATE TABLE t (id INTEGER PRIMARY KEY,"
                + " name CITEXT CHECK (char_length(name) <= 9));\nCREATE INDEX IF NOT EXISTS t_k_name ON t (name);\n");
    }

    @Test
    void explainNamesTheRulesAndWarnings() {
        run("", "translate", "--from", "mysql", "--to", "sqlite", "--explain", "SELECT a || b, SOUNDEX(c) FROM t");
        assertThat(out()).isEqualTo("SELECT a OR b, SOUNDEX(c) FROM t;\n-- rules: || as OR\n-- warning: function"
                + " SOUNDEX(): the translator does not know whether sqlite has it with the same meaning\n");
    }

    @Test
    void readsAFileOrStandardInput(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("app.sql");
        Files.writeString(file, "SELECT x::int FROM t;\n");
        assertThat(run("", "translate", "--from", "postgresql", "--to", "mysql", "--file", file.toString())).isZero();
        assertThat(run("SELECT NOW()", "translate", "--from", "postgresql", "--to", "sqlite")).isZero();
        assertThat(out()).isEqualTo("SELECT CAST(x AS SIGNED) FROM t;\nSELECT CURRENT_TIMESTAMP;\n");
    }

    @Test
    void aRefusalIsPrintedAndTheStatusIsOne() {
        assertThat(run("", "translate", "--from", "mysql", "--to", "h2", "LOCK TABLES t WRITE; SELECT 2")).isEqualTo(1);
        assertThat(out()).isEqualTo("-- error: LOCK TABLES cannot be translated from mysql to h2: h2 has no table"
                + " locks that last across statements in the same way. To fix this, use a transaction with"
                + " SELECT … FOR UPDATE.\nSELECT 2;\n");
    }

    @Test
    void aUsageErrorSaysWhatIsMissing() {
        assertThat(run("", "translate", "--from", "mysql", "SELECT 1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Both --from and --to are required\n"
                + TranslateCli.USAGE + "\n");
    }

    @Test
    void theUsageOffersMariaDbAsASourceAndNamesThePairs() {
        assertThat(run("")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Usage: java -jar retort-jdbc-proxy.jar translate"
                + " --from mysql|mariadb|postgresql --to postgresql|h2|sqlite|mysql|mariadb [--explain] [--strict]"
                + " [--case-insensitive] [--case-insensitive-columns] [\"SQL; ...\" | --file path]  (standard input when"
                + " neither is given). Pairs: mysql or mariadb (one dialect as a source) to postgresql, h2 or sqlite;"
                + " postgresql to mysql, mariadb or sqlite.\n");
    }

    @Test
    void mariaDbAsASourceTranslatesAsMySql() {
        assertThat(run("", "translate", "--from", "mariadb", "--to", "postgresql",
                "SELECT IFNULL(a, ';') FROM `t` LIMIT 2, 5")).isZero();
        assertThat(out()).isEqualTo("SELECT COALESCE(a, ';') FROM t OFFSET 2 LIMIT 5;\n");
    }

    @Test
    void aPairThatIsNotSupportedIsAUsageErrorNamingThePairs() {
        assertThat(run("", "translate", "--from", "mariadb", "--to", "mysql", "SELECT 1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Cannot translate from mariadb to mysql: supported"
                + " are mysql (or mariadb) to postgresql, h2 or sqlite, and postgresql to mysql, mariadb or sqlite. To fix"
                + " this, correct retort.translate.from or retort.translate.to.\n" + TranslateCli.USAGE + "\n");
    }
}
