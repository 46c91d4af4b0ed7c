package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * The {@code quarkus.retort.*} settings fixed when the application is built: which entities, which
 * datasource and which SQL dialect. Changing them needs a rebuild.
 */
@ConfigMapping(prefix = "quarkus.retort")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface RetortBuildTimeConfig {

    /**
     * The name of the Quarkus datasource ({@code quarkus.datasource."name".*}) that Retort uses. When not
     * set, Retort uses the default datasource ({@code quarkus.datasource.*}).
     */
    Optional<String> datasource();

    /**
     * The packages whose {@code @Entity} classes Retort maps (subpackages included), comma-separated. When
     * not set, every {@code @Entity} class in the application and its indexed dependencies is mapped.
     */
    Optional<List<String>> packages();

    /**
     * The SQL dialect: one of {@code h2}, {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}.
     * When not set, it follows the datasource's {@code db-kind}; set it when the db-kind says nothing about
     * the SQL the database speaks (for example {@code db-kind=other} with a JDBC driver of your own).
     */
    Optional<String> dialect();
}
