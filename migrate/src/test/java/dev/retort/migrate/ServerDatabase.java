package dev.retort.migrate;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import dev.retort.Engine;

/**
 * The database servers the suite runs on, whose JDBC URLs (credentials included) come from the environment
 * as for the other modules' server tests ({@code .ci/run} sets them).
 */
enum ServerDatabase {
    POSTGRESQL("PostgreSQL", "RETORT_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5433/retort?user=retort&password=retort"),
    MARIADB("MariaDB", "RETORT_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3307/retort?user=retort&password=retort");

    private final String displayName;
    private final String environmentVariable;
    private final String example;

    ServerDatabase(String displayName, String environmentVariable, String example) {
        this.displayName = displayName;
        this.environmentVariable = environmentVariable;
        this.example = example;
    }

    /** An engine on the server, or the calling test skipped (with the reason) when its URL is not set. */
    Engine engine() {
        String url = System.getenv(environmentVariable);
        Assumptions.assumeTrue(url != null, displayName + " tests skipped: set " + environmentVariable + " to a JDBC URL "
                + "with credentials (for example " + example + "); .ci/run starts a server and sets it.");
        return Engine.create(url, Map.of("pool-size", 4));
    }
}
