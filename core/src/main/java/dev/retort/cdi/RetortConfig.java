package dev.retort.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.SchemaStrategy;
import dev.retort.boot.UnitSettings;

/**
 * The {@code retort.*} settings of a CDI application: read from MicroProfile Config when the application
 * has an implementation of it (which also sees system properties and environment variables), else from
 * system properties. Read once at deployment. Immutable.
 */
final class RetortConfig implements UnitSettings {
    static final String ENTITIES = "retort.entities";
    static final String PACKAGES = "retort.packages";
    static final String DATASOURCE = "retort.datasource";
    static final String REPLICAS = "retort.replicas";
    static final String SHARDS = "retort.shards";
    static final String DIALECT = "retort.dialect";
    static final String SCHEMA = "retort.schema-management.strategy";
    static final String SCHEMA_LOCATIONS = "retort.schema-management.locations";
    static final String LOG_SQL = "retort.log.sql";
    static final String LOG_BIND_PARAMETERS = "retort.log.bind-parameters";
    static final String SQL_LOAD_SCRIPT = "retort.sql-load-script";
    static final String METRICS = "retort.metrics.enabled";
    static final String TRACING = "retort.tracing.enabled";

    static final String MICROPROFILE_FILE = "META-INF/microprofile-config.properties";

    private final Function<String, Optional<String>> source;
    private final boolean microProfile;

    private RetortConfig(Function<String, Optional<String>> source, boolean microProfile) {
        this.source = source;
        this.microProfile = microProfile;
    }

    /** The application's configuration: MicroProfile Config if present, else system properties. */
    static RetortConfig load() {
        boolean microProfile = microProfileConfigPresent();
        return new RetortConfig(microProfile ? MicroProfileSource.lookup() : RetortConfig::systemProperty, microProfile);
    }

    /**
     * The problem of {@code retort.*} keys written in a {@value #MICROPROFILE_FILE} that nothing reads, because the
     * application has no MicroProfile Config implementation; empty when there is none.
     */
    Optional<ConfigurationException> unreadFile() {
        if (microProfile) {
            return Optional.empty();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (URL file : Collections.list((loader != null ? loader : RetortConfig.class.getClassLoader())
                    .getResources(MICROPROFILE_FILE))) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                }
                List<String> keys = properties.stringPropertyNames().stream().filter(key -> key.startsWith("retort."))
                        .sorted().toList();
                if (!keys.isEmpty()) {
                    return Optional.of(new ConfigurationException(file + " sets " + String.join(", ", keys) + ", but the "
                            + "application has no MicroProfile Config implementation to read it, so Retort reads system "
                            + "properties only. To fix this, add one (for example io.smallrye.config:smallrye-config), or "
                            + "pass the keys as system properties (-D" + keys.get(0) + "=...)."));
                }
            }
        } catch (IOException e) {
            return Optional.empty();   // an unreadable file is the container's to report; the settings stay the properties
        }
        return Optional.empty();
    }

    private static boolean microProfileConfigPresent() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, RetortConfig.class.getClassLoader());
            return MicroProfileSource.implementationPresent();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Optional<String> systemProperty(String key) {
        return Optional.ofNullable(System.getProperty(key));
    }

    Optional<String> get(String key) {
        return source.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A comma-separated list; empty when the key is not set. */
    List<String> list(String key) {
        return get(key).map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    public String key(String property) {
        return "retort." + property;
    }

    @Override
    public Optional<String> sqlLoadScript() {
        return get(SQL_LOAD_SCRIPT);
    }

    /** CDI applications have no default load script. */
    @Override
    public Optional<String> defaultSqlLoadScript() {
        return Optional.empty();
    }

    /** Not a CDI setting yet: the engine's default. */
    @Override
    public int statementBatchSize() {
        return Engine.DEFAULT_STATEMENT_BATCH_SIZE;
    }

    /** {@code retort.replicas.wait}, {@code retort.replicas.max-lag}, {@code retort.replicas.check-interval}: the engine's keys. */
    @Override
    public Optional<String> replicaOption(String option) {
        return get(key(option));
    }

    @Override
    public Optional<String> dialect() {
        return get(DIALECT);
    }

    @Override
    public boolean logSql() {
        return flag(LOG_SQL, false);
    }

    /** Whether bound values appear in the SQL log ({@code retort.log.bind-parameters}, default true). */
    @Override
    public boolean logBindParameters() {
        return flag(LOG_BIND_PARAMETERS, true);
    }

    /** Whether the engine times its statements in Micrometer's global registry when Micrometer is present (default true). */
    @Override
    public boolean metrics() {
        return flag(METRICS, true);
    }

    /** Whether the engine sends spans to the global OpenTelemetry when its API is present (default true). */
    @Override
    public boolean tracing() {
        return flag(TRACING, true);
    }

    /** A true/false key's value, or {@code otherwise} when it is not set. */
    private boolean flag(String key, boolean otherwise) {
        return get(key).map(value -> booleanValue(key, value)).orElse(otherwise);
    }

    @Override
    public SchemaStrategy schemaStrategy() {
        return get(SCHEMA).map(value -> SchemaStrategy.parse(SCHEMA, value)).orElse(SchemaStrategy.NONE);
    }

    @Override
    public List<String> migrationLocations() {
        return list(SCHEMA_LOCATIONS);
    }

    private static boolean booleanValue(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigurationException(key + " is '" + value + "', which is not a boolean. To fix this, set it to true or false.");
    }
}
