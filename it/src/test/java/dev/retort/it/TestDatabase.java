package dev.retort.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

import dev.retort.Engine;

/**
 * The databases the shared suites run on: H2 and SQLite embedded, PostgreSQL and MariaDB as real
 * servers whose JDBC URLs (credentials included) come from the environment ({@code .ci/run} sets them).
 */
public enum TestDatabase {
    H2("H2", null, Capability.EXACT_DECIMALS, Capability.NUL_IN_TEXT) {
        @Override
        public String url() {
            return "h2:mem:retort_it";
        }
    },
    SQLITE("SQLite", null, Capability.NUL_IN_TEXT) {
        @Override
        public String url() {
            Path file = Path.of("target", "retort-it-sqlite.db");
            try {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "sqlite:///" + file;
        }
    },
    POSTGRESQL("PostgreSQL", "RETORT_TEST_POSTGRES_URL", Capability.EXACT_DECIMALS, Capability.SLEEP_FUNCTION,
            Capability.TABLE_LOCKS_BLOCKING_READERS) {
        @Override
        public String url() {
            return System.getenv(environmentVariable);
        }
    },
    MARIADB("MariaDB", "RETORT_TEST_MARIADB_URL", Capability.EXACT_DECIMALS, Capability.SLEEP_FUNCTION,
            Capability.TABLE_LOCKS_BLOCKING_READERS, Capability.NUL_IN_TEXT) {
        @Override
        public String url() {
            return System.getenv(environmentVariable);
        }
    };

    private static final Set<TestDatabase> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private final String displayName;
    protected final String environmentVariable;
    private final Set<Capability> capabilities;

    TestDatabase(String displayName, String environmentVariable, Capability... capabilities) {
        this.displayName = displayName;
        this.environmentVariable = environmentVariable;
        this.capabilities = capabilities.length == 0 ? Set.of() : EnumSet.of(capabilities[0], capabilities);
    }

    /** Whether tests that {@link Requires} this capability run here. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public abstract String url();

    public String displayName() {
        return displayName;
    }

    /**
     * Skips the calling test class, with a message on stderr once, when this server's URL is not set.
     */
    public void assumeAvailable() {
        if (environmentVariable == null || System.getenv(environmentVariable) != null) {
            return;
        }
        String message = displayName + " tests skipped: set " + environmentVariable + " to a JDBC URL with credentials "
                + "(for example " + example() + "); .ci/run starts a server and sets it.";
        if (ANNOUNCED.add(this)) {
            System.err.println("[retort] " + message);
        }
        Assumptions.abort(message);
    }

    private String example() {
        return this == POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5433/retort?user=retort&password=retort"
                : "jdbc:mariadb://127.0.0.1:3307/retort?user=retort&password=retort";
    }

    public Engine engine() {
        return Engine.create(url(), Map.of("echo", true, "pool-size", 4));
    }
}
