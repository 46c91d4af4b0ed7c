package dev.retort.it.quarkus;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with the Retort proxy driver in front of H2: {@code jdbc:retort:h2:...}. */
public class ProxyDriverProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.driver", "dev.retort.jdbc.RetortDriver",
                "quarkus.datasource.jdbc.url", "jdbc:retort:h2:mem:users-through-proxy;DB_CLOSE_DELAY=-1");
    }
}
