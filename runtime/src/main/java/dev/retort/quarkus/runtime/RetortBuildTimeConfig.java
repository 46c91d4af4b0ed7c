package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.quarkus.RetortUnit;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * The {@code quarkus.retort.*} settings fixed when the application is built: for each Retort unit, which
 * entities, which datasource and which SQL dialect; for all units, whether metrics and tracing are published.
 * Changing them needs a rebuild.
 */
@ConfigMapping(prefix = "quarkus.retort")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface RetortBuildTimeConfig {

    /**
     * The Retort units. The default unit's keys are {@code quarkus.retort.*}; a named unit's are
     * {@code quarkus.retort."name".*}, and its beans are injected with {@code @RetortUnit("name")}.
     */
    @ConfigDocMapKey("unit-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(RetortUnit.DEFAULT)
    @WithDefaults
    Map<String, Unit> units();

    /** Micrometer metrics. */
    @ConfigDocSection
    Metrics metrics();

    /** OpenTelemetry tracing. */
    @ConfigDocSection
    Tracing tracing();

    /** Micrometer metrics. */
    interface Metrics {
        /**
         * Whether every unit's statements are timed ({@code retort.statements}) and its pool's connections counted
         * ({@code retort.pool.*}) in the application's Micrometer registry, when quarkus-micrometer is in the
         * application. Set it to {@code false} to publish no Retort meters.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** OpenTelemetry tracing. */
    interface Tracing {
        /**
         * Whether every unit's statements become CLIENT spans of the application's OpenTelemetry, when
         * quarkus-opentelemetry is in the application. Set it to {@code false} to send no Retort spans.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** The build-time settings of one Retort unit. */
    interface Unit {
        /**
         * The name of the Quarkus datasource ({@code quarkus.datasource."name".*}) that this unit uses. When
         * not set, the unit uses the default datasource ({@code quarkus.datasource.*}).
         */
        Optional<String> datasource();

        /**
         * The packages whose {@code @Entity} classes this unit maps (subpackages included), comma-separated.
         * Required for a named unit. When not set for the default unit, the default unit maps every
         * {@code @Entity} class of the application and its indexed dependencies that no named unit maps.
         * An entity that two units' packages match fails the build; an entity that no unit's packages match
         * is not mapped.
         */
        Optional<List<String>> packages();

        /**
         * The SQL dialect: one of {@code h2}, {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}.
         * When not set, it follows the datasource's {@code db-kind}; set it when the db-kind says nothing about
         * the SQL the database speaks (for example {@code db-kind=other} with a JDBC driver of your own).
         */
        Optional<String> dialect();
    }
}
