package dev.retort.it.quarkus;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application on the PostgreSQL server at {@code RETORT_TEST_POSTGRES_URL}, a JDBC URL that may carry
 * {@code user} and {@code password} in its query string (as .ci/run sets it); they become the datasource's
 * username and password. The tables go to the schema {@value #SCHEMA}.
 */
public class PostgresProfile implements QuarkusTestProfile {
    static final String URL_VARIABLE = "RETORT_TEST_POSTGRES_URL";
    static final String SCHEMA = "retort_it_quarkus";

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null) {
            // Quarkus creates the profile while discovering tests, also when the test is disabled for lack of the URL.
            return Map.of();
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.db-kind", "postgresql");
        int query = url.indexOf('?');
        StringBuilder kept = new StringBuilder();
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair[0].equals("user")) {
                    config.put("quarkus.datasource.username", pair.length > 1 ? pair[1] : "");
                } else if (pair[0].equals("password")) {
                    config.put("quarkus.datasource.password", pair.length > 1 ? pair[1] : "");
                } else if (!parameter.isEmpty()) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
                }
            }
        }
        // Its own schema, so that drop-and-create never touches the tables of other suites on the same server.
        kept.append(kept.length() == 0 ? "?" : "&").append("currentSchema=").append(SCHEMA);
        config.put("quarkus.datasource.jdbc.url", (query >= 0 ? url.substring(0, query) : url) + kept);
        config.put("quarkus.datasource.jdbc.new-connection-sql", "CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        return config;
    }
}
