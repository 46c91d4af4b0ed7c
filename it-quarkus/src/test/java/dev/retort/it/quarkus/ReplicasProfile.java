package dev.retort.it.quarkus;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application on the replica cluster: quarkus.retort.replicas names the replicas' datasources, outside JTA. */
public class ReplicasProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.\"r1\".db-kind", "postgresql",
                "quarkus.datasource.\"r1\".jdbc.transactions", "disabled",
                "quarkus.datasource.\"r1\".devservices.enabled", "false",
                "quarkus.datasource.\"r2\".db-kind", "postgresql",
                "quarkus.datasource.\"r2\".jdbc.transactions", "disabled",
                "quarkus.datasource.\"r2\".devservices.enabled", "false",
                "quarkus.retort.replicas", "r1,r2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ReplicaClusterResource.class));
    }
}
