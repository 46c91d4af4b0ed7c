package dev.retort.jdbc;

import dev.retort.jdbc.log.UrlMasker;
import dev.retort.jdbc.support.LogCapture;
import dev.retort.jdbc.wrapper.RetortConnection;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetortDriverTest {

    private final RetortDriver driver = new RetortDriver();

    @Test
    void acceptsOnlyItsOwnPrefix() throws Exception {
        assertThat(driver.acceptsURL("jdbc:retort:h2:mem:x")).isTrue();
        assertThat(driver.acceptsURL("jdbc:h2:mem:x")).isFalse();
        assertThat(driver.acceptsURL("jdbc:retortish:h2:mem:x")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
        assertThat(driver.connect("jdbc:h2:mem:x", new Properties())).isNull();
    }

    @Test
    void isRegisteredThroughTheServiceFile() throws Exception {
        assertThat(DriverManager.getDriver("jdbc:retort:sqlite::memory:")).isInstanceOf(RetortDriver.class);
        try (Connection connection = DriverManager.getConnection("jdbc:retort:sqlite::memory:")) {
            assertThat(connection).isInstanceOf(RetortConnection.class);
            assertThat(connection.unwrap(org.sqlite.SQLiteConnection.class)).isNotNull();
        }
    }

    @Test
    void aMissingTargetDriverIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:retort:nosuchdb://db.example/app?user=app&password=s3cret"))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("No JDBC driver accepts jdbc:nosuchdb://db.example/app?user=app&password=***"
                        + " (from jdbc:retort:nosuchdb://db.example/app?user=app&password=***). To fix this, put the"
                        + " database's JDBC driver on the class path, or correct the part of the URL after jdbc:retort:");
    }

    @Test
    void theOpenedLineHidesThePassword() throws Exception {
        try (LogCapture log = LogCapture.at(Level.ALL);
             Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:pw;USER=sa;PASSWORD=s3cret")) {
            long id = connection.unwrap(RetortConnection.class).id();
            assertThat(log.linesOf(id)).containsExactly("FINE [conn " + id + "] opened jdbc:h2:mem:pw;USER=sa;PASSWORD=***");
        }
    }

    @Test
    void masksPasswordsInEveryUrlShape() {
        assertThat(UrlMasker.mask("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(UrlMasker.mask("jdbc:mysql://bob:pa55@host:3306/db")).isEqualTo("jdbc:mysql://bob:***@host:3306/db");
        assertThat(UrlMasker.mask("jdbc:sqlserver://h;databaseName=x;Pwd=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://h;databaseName=x;Pwd=***;encrypt=true");
        assertThat(UrlMasker.mask("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    }

    @Test
    void describesItsOptionsBeforeTheTargetDriversProperties() throws Exception {
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:retort:h2:mem:x", new Properties());
        assertThat(Arrays.stream(info).limit(5).map(property -> property.name))
                .containsExactly("retort.log", "retort.log.slow-ms", "retort.log.params", "retort.log.format",
                        "retort.log.caller");
        assertThat(driver.getMajorVersion()).isZero();
        assertThat(driver.jdbcCompliant()).isFalse();
    }
}
