package dev.retort.boot;

import java.util.List;
import java.util.Optional;

import dev.retort.SchemaStrategy;

/**
 * The settings of one Retort unit as a container reads them: the {@code retort.*} keys of a CDI
 * application or the {@code quarkus.retort.*} keys of a Quarkus unit. {@link UnitStarter} reads each once;
 * a value the container cannot parse throws {@link dev.retort.ConfigurationException} naming its key,
 * which the starter reports as a problem. Implementations need not be thread-safe.
 */
public interface UnitSettings {
    /** The full key of {@code property} (for example {@code sql-load-script}), as messages name it. */
    String key(String property);

    SchemaStrategy schemaStrategy();

    /**
     * Where the {@code migrate} strategy finds the Flyway migrations ({@code schema-management.locations}):
     * {@code classpath:} or {@code filesystem:} locations, {@link SchemaMigrations#DEFAULT_LOCATION} when not set.
     */
    List<String> migrationLocations();

    /** The configured load script, trimmed; empty when not set. */
    Optional<String> sqlLoadScript();

    /**
     * The load script run when none is configured, if it exists (Quarkus: {@code import.sql} for the
     * default unit in dev and test mode); empty when there is no such default.
     */
    Optional<String> defaultSqlLoadScript();

    boolean logSql();

    boolean logBindParameters();

    int statementBatchSize();

    /**
     * The text configured for the engine's replica option {@code option} ({@link dev.retort.engine.Replicas#WAIT},
     * {@link dev.retort.engine.Replicas#MAX_LAG} or {@link dev.retort.engine.Replicas#CHECK_INTERVAL}); empty when it is
     * not set. {@link UnitStarter} checks it and names it by {@link #replicaOptionKey}.
     */
    default Optional<String> replicaOption(String option) {
        return Optional.empty();
    }

    /** The full key of the engine's replica option {@code option} in this container ({@code retort.replicas.wait}). */
    default String replicaOptionKey(String option) {
        return key(option);
    }

    /** A dialect name {@link dev.retort.dialect.Dialects#byName} should know; empty to detect it through the DataSource. */
    Optional<String> dialect();

    /**
     * Whether the engine times its statements in Micrometer's global registry when Micrometer is on the class path
     * (a container may then move the timings to its own registry); true unless the container switches it off.
     */
    default boolean metrics() {
        return true;
    }

    /**
     * Whether the engine sends its statements as spans to the global OpenTelemetry when its API is on the class
     * path (a container may then bind its own instance); true unless the container switches it off.
     */
    default boolean tracing() {
        return true;
    }
}
