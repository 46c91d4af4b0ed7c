package dev.retort.it.quarkus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application on the fault tests' PostgreSQL server, with Quarkus's pool as it comes or as the README recommends. */
final class FaultPoolProfiles {
    private FaultPoolProfiles() {
    }

    private static Map<String, String> common() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.db-kind", "postgresql");
        return config;
    }

    /** Quarkus's defaults: no validation on borrow, background validation every 2 minutes, Agroal's PostgreSQL sorter (SQLState 08 only). */
    public static class AsItComes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return common();
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultServerResource.class));
        }
    }

    /** The lines the README recommends: every borrowed connection checked, the check bounded. */
    public static class Recommended implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common();
            config.put("quarkus.datasource.jdbc.validate-on-borrow", "true");
            config.put("quarkus.datasource.jdbc.validation-query-timeout", "2S");
            config.put("quarkus.datasource.jdbc.acquisition-timeout", "5S");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultServerResource.class));
        }
    }
}
