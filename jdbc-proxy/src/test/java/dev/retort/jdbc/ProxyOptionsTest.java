package dev.retort.jdbc;

import dev.retort.jdbc.support.RecordingListener;
import dev.retort.jdbc.translate.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyOptionsTest {

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void connectionPropertiesWinOverSystemPropertiesWhichWinOverTheFile() {
        ProxyOptions options = ProxyOptions.resolve(
                properties("retort.log.params", "inline", "user", "sa"),
                properties("retort.log.params", "separate", "retort.log.slow-ms", "7", "java.version", "17"),
                properties("retort.log.params", "mask", "retort.log.slow-ms", "5", "retort.log.format", "JSON"));
        assertThat(options).hasToString("retort.log=true, retort.log.slow-ms=7, retort.log.params=inline,"
                + " retort.log.format=json, retort.log.caller=false, retort.log.max-value-length=1000,"
                + " retort.log.max-statement-length=8192");
    }

    @Test
    void defaultsWithoutAnySource() {
        assertThat(ProxyOptions.resolve(new Properties(), new Properties(), new Properties()))
                .hasToString("retort.log=true, retort.log.slow-ms=0, retort.log.params=inline,"
                        + " retort.log.format=text, retort.log.caller=false, retort.log.max-value-length=1000,"
                        + " retort.log.max-statement-length=8192");
    }

    @Test
    void anUnknownConnectionPropertyNamesTheValidKeys() {
        assertThatThrownBy(() -> ProxyOptions.resolve(properties("retort.log.colour", "red"), new Properties(),
                new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option 'retort.log.colour' in connection properties. Valid keys are retort.log,"
                        + " retort.log.caller, retort.log.file, retort.log.format, retort.log.max-statement-length,"
                        + " retort.log.max-value-length, retort.log.params, retort.log.slow-ms,"
                        + " retort.log.slow-statement-threshold, retort.translate.case-insensitive, retort.translate.case-insensitive-columns,"
                        + " retort.translate.from, retort.translate.strict, retort.translate.to."
                        + " To fix this, correct the key's spelling or remove it.");
    }

    @Test
    void anUnknownKeyInTheFileNamesTheFile() {
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(), new Properties(),
                properties("retort.translate.form", "mysql")))
                .hasMessage("Unknown option 'retort.translate.form' in retort-jdbc.properties on the class path."
                        + " Valid keys are retort.log, retort.log.caller, retort.log.file, retort.log.format,"
                        + " retort.log.max-statement-length, retort.log.max-value-length, retort.log.params,"
                        + " retort.log.slow-ms, retort.log.slow-statement-threshold, retort.translate.case-insensitive,"
                        + " retort.translate.case-insensitive-columns, retort.translate.from,"
                        + " retort.translate.strict, retort.translate.to. To fix this, correct the key's spelling or"
                        + " remove it.");
    }

    @Test
    void systemPropertiesOfTheOrmAndOtherNamespacesAreNotTheProxysBusiness() {
        ProxyOptions options = ProxyOptions.resolve(new Properties(),
                properties("retort.datasource", "main", "retort.log.sql", "true", "retort.log.bind-parameters", "true",
                        "retort.log.caller", "true"),
                new Properties());
        assertThat(options.caller()).isTrue();
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(), properties("retort.log.slowms", "1"),
                new Properties()))
                .hasMessageStartingWith("Unknown option 'retort.log.slowms' in system properties. Valid keys are");
    }

    @Test
    void invalidValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> ProxyOptions.resolve(properties("retort.log", "yes"), new Properties(),
                new Properties()))
                .hasMessage("Invalid value 'yes' for option 'retort.log' in connection properties: expected true or"
                        + " false. To fix this, set retort.log to true or false.");
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(), properties("retort.log.params", "loud"),
                new Properties()))
                .hasMessage("Invalid value 'loud' for option 'retort.log.params' in system properties: expected one of"
                        + " inline, separate, mask. To fix this, set retort.log.params to one of inline, separate, mask.");
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(), new Properties(),
                properties("retort.log.slow-ms", "-1")))
                .hasMessage("Invalid value '-1' for option 'retort.log.slow-ms' in retort-jdbc.properties on the class"
                        + " path: expected a whole number of milliseconds, 0 or more. To fix this, set"
                        + " retort.log.slow-ms to a whole number of milliseconds, 0 or more.");
        assertThatThrownBy(() -> ProxyOptions.resolve(properties("retort.log.max-value-length", "0"),
                new Properties(), new Properties()))
                .hasMessage("Invalid value '0' for option 'retort.log.max-value-length' in connection properties:"
                        + " expected a whole number of characters from 1 to 2147483647. To fix this, set"
                        + " retort.log.max-value-length to a whole number of characters from 1 to 2147483647.");
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(),
                properties("retort.log.max-statement-length", "3000000000"), new Properties()))
                .hasMessage("Invalid value '3000000000' for option 'retort.log.max-statement-length' in system"
                        + " properties: expected a whole number of characters from 1 to 2147483647. To fix this, set"
                        + " retort.log.max-statement-length to a whole number of characters from 1 to 2147483647.");
    }

    @Test
    void theLogLengthsAreRead() {
        ProxyOptions options = ProxyOptions.resolve(properties("retort.log.max-value-length", "64"),
                properties("retort.log.max-statement-length", "512"), new Properties());
        assertThat(options.maxValueLength()).isEqualTo(64);
        assertThat(options.maxStatementLength()).isEqualTo(512);
    }

    @Test
    void translationOptionsAreReadAndShown() {
        ProxyOptions options = ProxyOptions.resolve(properties("retort.translate.from", "MySQL"),
                properties("retort.translate.strict", "true", "retort.translate.case-insensitive", "true"),
                properties("retort.translate.to", "pg"));
        assertThat(options.translateFrom()).isEqualTo(Dialect.MYSQL);
        assertThat(options.translateTo()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(options).hasToString("retort.log=true, retort.log.slow-ms=0, retort.log.params=inline,"
                + " retort.log.format=text, retort.log.caller=false, retort.log.max-value-length=1000,"
                + " retort.log.max-statement-length=8192, retort.translate.from=mysql,"
                + " retort.translate.to=postgresql, retort.translate.strict=true,"
                + " retort.translate.case-insensitive=true, retort.translate.case-insensitive-columns=true");
        assertThat(options.translateCaseInsensitiveColumns()).isTrue();
        assertThat(ProxyOptions.resolve(properties("retort.translate.case-insensitive-columns", "false"),
                new Properties(), new Properties()).translateCaseInsensitiveColumns()).isFalse();
    }

    @Test
    void invalidTranslationOptionsSayWhatIsExpected() {
        assertThatThrownBy(() -> ProxyOptions.resolve(properties("retort.translate.from", "h2"), new Properties(),
                new Properties()))
                .hasMessage("Invalid value 'h2' for option 'retort.translate.from' in connection properties: expected"
                        + " mysql, mariadb or postgresql. To fix this, set retort.translate.from to mysql, mariadb or"
                        + " postgresql.");
        assertThatThrownBy(() -> ProxyOptions.resolve(new Properties(), properties("retort.translate.to", "oracle"),
                new Properties()))
                .hasMessage("Invalid value 'oracle' for option 'retort.translate.to' in system properties: expected"
                        + " postgresql, h2, sqlite, mysql or mariadb. To fix this, set retort.translate.to to"
                        + " postgresql, h2, sqlite, mysql or mariadb.");
        assertThatThrownBy(() -> ProxyOptions.resolve(properties("retort.translate.strict", "maybe"),
                new Properties(), new Properties()))
                .hasMessage("Invalid value 'maybe' for option 'retort.translate.strict' in connection properties:"
                        + " expected true or false. To fix this, set retort.translate.strict to true or false.");
    }

    @Test
    void theFileIsReadFromTheClassPath(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("retort-jdbc.properties"), "retort.log.format=json\nretort.log.slow-ms=250\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            ProxyOptions options = ProxyOptions.load();
            assertThat(options.format()).isEqualTo(ProxyOptions.Format.JSON);
            assertThat(options.slowMillis()).isEqualTo(250);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theDriverRefusesAConnectionWithAnUnknownOption() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:retort:h2:mem:options",
                properties("retort.logg", "true")))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("Unknown option 'retort.logg' in connection properties. Valid keys are retort.log,"
                        + " retort.log.caller, retort.log.file, retort.log.format, retort.log.max-statement-length,"
                        + " retort.log.max-value-length, retort.log.params, retort.log.slow-ms,"
                        + " retort.log.slow-statement-threshold, retort.translate.case-insensitive, retort.translate.case-insensitive-columns,"
                        + " retort.translate.from, retort.translate.strict, retort.translate.to."
                        + " To fix this, correct the key's spelling or remove it.")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    /** A system property set later does not reach a URL already connected: its options were parsed once. */
    @Test
    void optionsAreParsedOncePerUrl() throws SQLException {
        try (RecordingListener listener = RecordingListener.register()) {
            runOneStatement("jdbc:retort:h2:mem:parsed_once");
            System.setProperty("retort.log", "false");
            try {
                runOneStatement("jdbc:retort:h2:mem:parsed_once");
                runOneStatement("jdbc:retort:h2:mem:parsed_once_other");
            } finally {
                System.clearProperty("retort.log");
            }
            assertThat(listener.all()).extracting(RecordingListener::summary)
                    .filteredOn(summary -> summary.contains("parsed_once_marker"))
                    .hasSize(2);
        }
    }

    private static void runOneStatement(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 'parsed_once_marker'");
        }
    }
}
