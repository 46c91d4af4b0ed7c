package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine creation and its errors; the databases touched are embedded (H2) or absent (a closed port). */
class EngineTest {

    private static final String VALID_OPTIONS = "echo, log-bind-parameters, pool-size, dialect, isolation-level, user, password, "
            + "acquisition-timeout-seconds, statement-batch-size, statement-timeout-seconds, expire-on-commit, pool.validation-interval, "
            + "pool.validate-idle-after, pool.max-lifetime, pool.idle-timeout, pool.leak-detection, replicas, replicas.check-interval, "
            + "replicas.max-lag, replicas.wait, slow-statement-threshold, metrics, tracing";

    @Test
    void h2InMemoryEngine() throws SQLException {
        try (Engine engine = Engine.create("h2:mem:engine_test", Map.of("echo", true, "pool-size", 2))) {
            assertThat(engine.dialect().name()).isEqualTo("h2");
            assertThat(engine.location()).isEqualTo("H2 mem:engine_test");
            assertThat(engine).hasToString("Engine[H2 mem:engine_test]");
            try (Connection connection = engine.connect()) {
                assertThat(connection.isValid(1)).isTrue();
                assertThat(connection.getAutoCommit()).isTrue();
            }
        }
    }

    @Test
    void dialectOptionOverridesTheUrl() {
        try (Engine engine = Engine.create("h2:mem:engine_dialect", Map.of("dialect", "PostgreSQL"))) {
            assertThat(engine.dialect().name()).isEqualTo("postgresql");
        }
    }

    @ParameterizedTest
    @CsvSource({"serializable, 8", "read committed, 2", "Repeatable-Read, 4", "READ_UNCOMMITTED, 1"})
    void isolationLevelNamesAreForgiving(String name, int jdbcLevel) throws SQLException {
        try (Engine engine = Engine.create("h2:mem:engine_isolation", Map.of("isolation-level", name));
             Connection connection = engine.connect()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(jdbcLevel);
        }
    }

    @Test
    void unknownIsolationLevelOpensNoPool() {
        Set<Thread> before = agroalThreads();

        assertThatThrownBy(() -> Engine.create("h2:mem:engine_bad_isolation", Map.of("isolation-level", "snapshot")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown isolation-level 'snapshot'. Valid levels: [READ_UNCOMMITTED, READ_COMMITTED, "
                        + "REPEATABLE_READ, SERIALIZABLE].");
        assertThat(agroalThreads()).isSubsetOf(before);
    }

    @Test
    void expireOnCommitIsOnUnlessTurnedOff() {
        try (Engine byDefault = Engine.create("h2:mem:engine_expire_default");
             Engine off = Engine.create("h2:mem:engine_expire_off", Map.of("expire-on-commit", "FALSE"))) {
            assertThat(byDefault.expireOnCommit()).isTrue();
            assertThat(off.expireOnCommit()).isFalse();
        }
        assertThatThrownBy(() -> Engine.create("h2:mem:engine_expire_bad", Map.of("expire-on-commit", "no")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option expire-on-commit must be true or false, not 'no'.");
    }

    @Test
    void unknownOption() {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("poolsize", 5)))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown engine option 'poolsize'. Valid options: " + VALID_OPTIONS + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "ten", "1.5", ""})
    void poolSizeMustBePositive(String size) {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("pool-size", size)))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option pool-size must be a positive whole number, not '" + size + "'.");
    }

    @Test
    void acquisitionTimeoutMustBePositive() {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("acquisition-timeout-seconds", 0)))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option acquisition-timeout-seconds must be a positive whole number, not '0'.");
    }

    @Test
    void unknownDialectOption() {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("dialect", "oracle")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown dialect 'oracle'. Valid dialects: h2, sqlite, postgresql, mysql, mariadb.");
    }

    @Test
    void jdbcUrlOfAnUnknownDatabaseNeedsTheDialectOption() {
        assertThatThrownBy(() -> Engine.create("jdbc:oracle:thin:scott/tiger@localhost:1521:orcl?password=tiger"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Cannot tell which database jdbc:oracle:thin:***@localhost:1521:orcl?password=*** is. "
                        + "To fix this, pass the option dialect (one of h2, sqlite, postgresql, mysql, mariadb).");
    }

    @Test
    void missingDriver() {
        assertThatThrownBy(() -> Engine.create("jdbc:oracle:thin:@localhost:1521:orcl", Map.of("dialect", "h2")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("No JDBC driver on the class path accepts jdbc:oracle:thin:@localhost:1521:orcl. To fix this, "
                        + "add the driver to the application's dependencies.")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void unknownScheme() {
        assertThatThrownBy(() -> Engine.create("oracle://scott:tiger@localhost/orcl"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown database URL scheme 'oracle' in 'oracle://scott:***@localhost/orcl'. Supported forms: "
                        + "sqlite:///path/to/file.db, sqlite:// (in memory), postgresql://user:password@host:port/database, "
                        + "mysql://... and mariadb://... (same form), h2:mem:name, h2:file:path, or any JDBC URL starting "
                        + "with jdbc:.");
    }

    @Test
    void unreachableDatabaseNamesHostAndPortButNotThePassword() {
        long start = System.nanoTime();
        try (Engine engine = Engine.create("postgresql://retort:s3cret@127.0.0.1:1/app",
                Map.of("acquisition-timeout-seconds", 5))) {
            Throwable error = catchThrowableOf(engine);

            assertThat(error).isExactlyInstanceOf(DatabaseUnavailableException.class);
            assertThat(error.getMessage()).isEqualTo("Cannot connect to PostgreSQL at 127.0.0.1:1 (database 'app', user "
                    + "'retort'): " + driverText(error) + ". Nothing was written. To fix this, check that the database server "
                    + "is running and reachable there, and that the URL and credentials are right; retrying is safe once it is.");
            assertThat(error.getMessage()).doesNotContain("s3cret");
            assertThat(error.getCause()).isInstanceOf(SQLException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aClosedEngineSaysSoInsteadOfBlamingTheServer() {
        Engine engine = Engine.create("h2:mem:closed_engine");
        engine.close();

        assertThatThrownBy(engine::connect)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot connect to H2 mem:closed_engine: this engine is closed. To fix this, close the "
                        + "engine only when the application stops, or create a new one.");
    }

    @Test
    void aMisspelledH2KindIsNamed() {
        assertThatThrownBy(() -> Engine.create("h2:mme:x"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("H2 URL 'h2:mme:x' names an unknown kind of database 'mme:'. To fix this, use h2:mem:name (in "
                        + "memory), h2:file:path, or h2:tcp://host/path.");
    }

    @Test
    void aSqliteFileInAMissingFolderIsNamed() {
        assertThatThrownBy(() -> Engine.create("sqlite:///no-such-folder/app.db"))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("The folder of the SQLite file no-such-folder/app.db does not exist: "
                        + java.nio.file.Path.of("no-such-folder").toAbsolutePath() + ". To fix this, create the folder, or "
                        + "correct the path (sqlite:///relative.db is relative to the working directory, sqlite:////absolute.db "
                        + "is absolute).");
    }

    @Test
    void anEmbeddedDatabaseThatCannotBeOpenedGetsAdviceAboutItsFileNotAServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Files.createDirectory(folder.resolve("app.db"));
        // A generous acquisition timeout: on a loaded machine the driver may take seconds to fail, and the pool would
        // then give up waiting first (an acquisition timeout, not the driver's error this test is about).
        try (Engine engine = Engine.create("sqlite:///" + folder.resolve("app.db"), Map.of("acquisition-timeout-seconds", 60))) {
            Throwable error = catchThrowableOf(engine);

            assertThat(error).isExactlyInstanceOf(DatabaseUnavailableException.class);
            assertThat(error.getMessage()).isEqualTo("Cannot open SQLite file " + folder.resolve("app.db") + ": "
                    + driverText(error) + ". Nothing was written. To fix this, check that the database file can be opened "
                    + "there: the path names a file (not a folder), the process may read and write it, and no other program "
                    + "holds it locked.");
        }
    }

    @Test
    void poolDurationsAreCheckedByName() {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("pool.max-lifetime", "ten minutes")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option pool.max-lifetime must be a duration such as 30s, 500ms, 10m or 1h (0 turns it "
                        + "off), not 'ten minutes'.");
    }

    @Test
    void engineStatementTimeoutIsAPositiveWholeNumberOfSeconds() {
        assertThatThrownBy(() -> Engine.create("sqlite://", Map.of("statement-timeout-seconds", "0.5")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option statement-timeout-seconds must be a positive whole number, not '0.5'.");
        try (Engine engine = Engine.create("sqlite://", Map.of("statement-timeout-seconds", 7))) {
            assertThat(engine.statementTimeoutSeconds()).isEqualTo(7);
        }
    }

    @Test
    void engineOverAnApplicationsDataSourceLeavesItOpen() throws SQLException {
        try (Engine pool = Engine.create("h2:mem:engine_of")) {
            Engine engine = Engine.of(pool.dataSource(), pool.dialect());
            engine.close();
            try (Connection connection = pool.connect()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            assertThat(engine.location()).startsWith("H2 data source ");
        }
    }

    private static Throwable catchThrowableOf(Engine engine) {
        try (Connection connection = engine.connect()) {
            throw new AssertionError("Connected to a port where nothing listens: " + connection);
        } catch (RuntimeException | SQLException e) {
            return e;
        }
    }

    /**
     * The driver's own words, which the message quotes from the root cause without its final period. A root without
     * a message (the pool's TimeoutException when it gave up waiting for a connection) is named by its class, as
     * the engine names it.
     */
    private static String driverText(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static Set<Thread> agroalThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("agroal"))
                .collect(Collectors.toSet());
    }
}
