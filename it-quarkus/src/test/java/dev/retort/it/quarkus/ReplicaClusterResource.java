package dev.retort.it.quarkus;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the replica cluster before the application: the default datasource on the primary, the datasources "r1" and
 * "r2" on the replicas.
 */
public class ReplicaClusterResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ReplicaCluster.ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", ReplicaCluster.jdbcUrl(0),
                "quarkus.datasource.username", "retort",
                "quarkus.datasource.password", "retort",
                "quarkus.datasource.\"r1\".jdbc.url", ReplicaCluster.jdbcUrl(1),
                "quarkus.datasource.\"r1\".username", "retort",
                "quarkus.datasource.\"r1\".password", "retort",
                "quarkus.datasource.\"r2\".jdbc.url", ReplicaCluster.jdbcUrl(2),
                "quarkus.datasource.\"r2\".username", "retort",
                "quarkus.datasource.\"r2\".password", "retort");
    }

    @Override
    public void stop() {
        // The cluster outlives the application: a shutdown hook stops it when the JVM ends.
    }
}
