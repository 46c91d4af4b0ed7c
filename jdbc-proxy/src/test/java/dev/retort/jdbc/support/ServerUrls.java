package dev.retort.jdbc.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Server tests read their JDBC URL from the environment and are skipped, visibly, without it. */
public final class ServerUrls {

    private ServerUrls() {
    }

    public static String require(String variable) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            System.err.println("SKIPPED: set " + variable + " to a JDBC URL with user and password to run these tests");
        }
        assumeTrue(url != null && !url.isBlank(), variable + " is not set");
        return url;
    }
}
