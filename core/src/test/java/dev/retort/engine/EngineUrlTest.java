package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.ConfigurationException;

class EngineUrlTest {

    private static final String SUPPORTED = "sqlite:///path/to/file.db, sqlite:// (in memory), "
            + "postgresql://user:password@host:port/database, mysql://... and mariadb://... (same form), h2:mem:name, "
            + "h2:file:path, or any JDBC URL starting with jdbc:";

    @Test
    void sqliteRelativeFile() {
        EngineUrl url = EngineUrl.parse("sqlite:///example.db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:example.db");
        assertThat(url.dialect().name()).isEqualTo("sqlite");
        assertThat(url.isMemory()).isFalse();
        assertThat(url.location()).isEqualTo("SQLite file example.db");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.driverProperties()).containsExactly(Map.entry("foreign_keys", "true"), Map.entry("busy_timeout", "10000"));
    }

    @Test
    void sqliteAbsoluteFile() {
        EngineUrl url = EngineUrl.parse("sqlite:////var/data/app.db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/data/app.db");
        assertThat(url.location()).isEqualTo("SQLite file /var/data/app.db");
        assertThat(url.isMemory()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://", "sqlite:///", "sqlite:///:memory:"})
    void sqliteInMemoryGetsItsOwnSharedDatabase(String memoryUrl) {
        EngineUrl first = EngineUrl.parse(memoryUrl);
        EngineUrl second = EngineUrl.parse(memoryUrl);

        assertThat(first.jdbcUrl()).matches("jdbc:sqlite:file:retort-memory-\\d+\\?mode=memory&cache=shared");
        assertThat(second.jdbcUrl()).isNotEqualTo(first.jdbcUrl());
        assertThat(first.isMemory()).isTrue();
        assertThat(first.location()).isEqualTo("SQLite in memory");
        assertThat(first.dialect().name()).isEqualTo("sqlite");
        assertThat(first.driverProperties()).containsEntry("foreign_keys", "true");
    }

    @Test
    void sqliteWithoutSlashes() {
        assertThatThrownBy(() -> EngineUrl.parse("sqlite:example.db"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("SQLite URL 'sqlite:example.db' must start with sqlite:// — use sqlite:///relative.db, "
                        + "sqlite:////absolute/path.db, or sqlite:// for an in-memory database.");
    }

    @Test
    void postgresqlWithCredentialsAndPort() {
        EngineUrl url = EngineUrl.parse("postgresql://scott:tiger@db.example.com:5433/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/app");
        assertThat(url.user()).isEqualTo("scott");
        assertThat(url.password()).isEqualTo("tiger");
        assertThat(url.dialect().name()).isEqualTo("postgresql");
        assertThat(url.isMemory()).isFalse();
        assertThat(url.driverProperties()).isEmpty();
        assertThat(url.location()).isEqualTo("PostgreSQL at db.example.com:5433 (database 'app', user 'scott')");
        assertThat(url).hasToString("PostgreSQL at db.example.com:5433 (database 'app', user 'scott')");
    }

    @Test
    void postgresqlDefaultPortAndNoPassword() {
        EngineUrl url = EngineUrl.parse("postgresql://scott@db.example.com/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/app");
        assertThat(url.user()).isEqualTo("scott");
        assertThat(url.password()).isNull();
    }

    @Test
    void postgresqlWithoutCredentialsHostOrPortKeepsTheQuery() {
        EngineUrl url = EngineUrl.parse("postgresql:///app?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?sslmode=require");
        assertThat(url.user()).isNull();
        assertThat(url.location()).isEqualTo("PostgreSQL at localhost:5432 (database 'app')");
    }

    @Test
    void ipv6HostGetsTheDefaultPortOutsideItsBrackets() {
        assertThat(EngineUrl.parse("postgresql://u@[::1]/app").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/app");
        assertThat(EngineUrl.parse("postgresql://u@[::1]:6543/app").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/app");
    }

    @ParameterizedTest
    @CsvSource({
            "p%40ss%3Aw%2Frd, p@ss:w/rd",
            "caf%C3%A9, café",
            "a+b, a+b",
            "a%2Bb, a+b",
            "100%25, 100%"})
    void passwordsArePercentDecoded(String encoded, String password) {
        EngineUrl url = EngineUrl.parse("postgresql://scott:" + encoded + "@localhost/app");

        assertThat(url.password()).isEqualTo(password);
        assertThat(url.user()).isEqualTo("scott");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void userNamesArePercentDecodedToo() {
        assertThat(EngineUrl.parse("postgresql://app%40corp:pw@localhost/app").user()).isEqualTo("app@corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql+psycopg2", "postgresql+asyncpg", "postgres", "POSTGRESQL"})
    void driverSuffixesAndAliasesOfPostgresql(String scheme) {
        EngineUrl url = EngineUrl.parse(scheme + "://scott:tiger@localhost/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(url.dialect().name()).isEqualTo("postgresql");
        assertThat(url.password()).isEqualTo("tiger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb", "mysql+pymysql", "mariadb+mariadbconnector"})
    void mysqlAndMariadbBothUseTheMariadbDriver(String scheme) {
        EngineUrl url = EngineUrl.parse(scheme + "://scott:tiger@db.example.com/shop");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example.com:3306/shop");
        assertThat(url.dialect().name()).isEqualTo(scheme.startsWith("mariadb") ? "mariadb" : "mysql");
        assertThat(url.user()).isEqualTo("scott");
        assertThat(url.password()).isEqualTo("tiger");
        assertThat(url.location()).isEqualTo("MySQL/MariaDB at db.example.com:3306 (database 'shop', user 'scott')");
    }

    @Test
    void mariadbWithPort() {
        assertThat(EngineUrl.parse("mariadb://u:p@127.0.0.1:3307/t").jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3307/t");
    }

    @Test
    void serverUrlWithoutSlashes() {
        assertThatThrownBy(() -> EngineUrl.parse("mysql:localhost/shop"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("URL 'mysql:localhost/shop' must have the form mysql://user:password@host:port/database.");
    }

    @Test
    void h2InMemoryIsKeptAliveBetweenConnections() {
        EngineUrl url = EngineUrl.parse("h2:mem:x");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(url.isMemory()).isTrue();
        assertThat(url.dialect().name()).isEqualTo("h2");
        assertThat(url.location()).isEqualTo("H2 mem:x");
    }

    @Test
    void h2KeepsAnExplicitCloseDelayAndFiles() {
        assertThat(EngineUrl.parse("h2:mem:x;db_close_delay=10").jdbcUrl()).isEqualTo("jdbc:h2:mem:x;db_close_delay=10");
        EngineUrl file = EngineUrl.parse("h2:file:./data/app");
        assertThat(file.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/app");
        assertThat(file.isMemory()).isFalse();
        assertThat(file.location()).isEqualTo("H2 file:./data/app");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://localhost/app, postgresql, false",
            "jdbc:mysql://localhost/shop, mysql, false",
            "jdbc:mariadb://localhost/shop, mariadb, false",
            "jdbc:h2:mem:jdbc, h2, true",
            "jdbc:h2:./data/app, h2, false",
            "jdbc:sqlite::memory:, sqlite, true",
            "jdbc:sqlite:file:x?mode=memory, sqlite, true",
            "jdbc:sqlite:app.db, sqlite, false"})
    void jdbcUrlsArePassedThroughWithTheDialectOfTheirSubProtocol(String jdbcUrl, String dialect, boolean memory) {
        EngineUrl url = EngineUrl.parse(jdbcUrl);

        assertThat(url.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(url.dialect().name()).isEqualTo(dialect);
        assertThat(url.isMemory()).isEqualTo(memory);
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.driverProperties()).isEmpty();
    }

    @Test
    void jdbcUrlOfAnUnknownDatabaseHasNoDialect() {
        assertThat(EngineUrl.parse("jdbc:oracle:thin:@localhost:1521:orcl").dialect()).isNull();
    }

    @Test
    void jdbcUrlLocationHidesThePassword() {
        EngineUrl url = EngineUrl.parse("jdbc:postgresql://localhost/app?user=scott&password=tiger&ssl=true");

        assertThat(url.location()).isEqualTo("jdbc:postgresql://localhost/app?user=scott&password=***&ssl=true");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app?user=scott&password=tiger&ssl=true");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://scott:tiger@localhost/app | postgresql://scott:***@localhost/app",
            "postgresql+psycopg2://scott:p%40ss@h:5432/app | postgresql+psycopg2://scott:***@h:5432/app",
            "jdbc:mariadb://scott:tiger@localhost/shop | jdbc:mariadb://scott:***@localhost/shop",
            "jdbc:postgresql://h/app?user=scott&password=tiger | jdbc:postgresql://h/app?user=scott&password=***",
            "jdbc:mysql://h/shop?password=tiger&user=scott | jdbc:mysql://h/shop?password=***&user=scott",
            "jdbc:h2:mem:x;USER=sa;PASSWORD=tiger;MODE=PostgreSQL | jdbc:h2:mem:x;USER=sa;PASSWORD=***;MODE=PostgreSQL",
            "postgresql://scott@localhost/app | postgresql://scott@localhost/app",
            "postgresql:scott:tiger@localhost/app | postgresql:scott:***@localhost/app",
            "postgresql://scott:ti/ger@localhost/app | postgresql://scott:***@localhost/app",
            "sqlite:///example.db | sqlite:///example.db"})
    void maskedHidesPasswords(String url, String masked) {
        assertThat(EngineUrl.masked(url)).isEqualTo(masked);
    }

    @Test
    void unknownSchemeListsTheSupportedFormsWithoutThePassword() {
        assertThatThrownBy(() -> EngineUrl.parse("oracle://scott:tiger@localhost/orcl"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown database URL scheme 'oracle' in 'oracle://scott:***@localhost/orcl'. Supported forms: "
                        + SUPPORTED + ".");
    }

    @Test
    void pathWithoutScheme() {
        assertThatThrownBy(() -> EngineUrl.parse("example.db"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown database URL scheme 'example.db' in 'example.db'. Supported forms: " + SUPPORTED + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyUrl(String url) {
        assertThatThrownBy(() -> EngineUrl.parse(url))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("The database URL is empty. Supported forms: " + SUPPORTED + ".");
        assertThatThrownBy(() -> EngineUrl.parse(null))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("The database URL is empty. Supported forms: " + SUPPORTED + ".");
    }
}
