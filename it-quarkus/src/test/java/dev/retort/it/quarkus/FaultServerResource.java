package dev.retort.it.quarkus;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the fault tests' PostgreSQL server before the application and points the default datasource at it. */
public class FaultServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        QuarkusFaultServer.ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", QuarkusFaultServer.jdbcUrl(),
                "quarkus.datasource.username", "retort",
                "quarkus.datasource.password", "retort");
    }

    @Override
    public void stop() {
        // The server outlives the application: a shutdown hook stops it when the JVM ends.
    }
}
