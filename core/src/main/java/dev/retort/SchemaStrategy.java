package dev.retort;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Retort does with the mapped tables when an application starts: the
 * {@code schema-management.strategy} setting of the CDI and Quarkus integrations, written in lower case
 * with hyphens ({@code drop-and-create}). Applied with {@link Metadata#apply(SchemaStrategy, Engine)}.
 */
public enum SchemaStrategy {
    /** Leaves the database as it is. */
    NONE,
    /** Creates the tables, indexes and sequences that do not exist yet. */
    CREATE,
    /** Drops the mapped tables, then creates them: every row in them is lost. */
    DROP_AND_CREATE,
    /**
     * Fails the start when the database differs from the model: with {@code retort-migrate} on the class path,
     * every difference its diff finds (columns, types, nullability, keys, indexes, foreign keys...); without it,
     * missing tables and columns.
     */
    VALIDATE,
    /**
     * Applies the pending Flyway migrations of the configured locations (default {@code classpath:db/migration})
     * through {@code retort-migrate}, which must be on the class path.
     */
    MIGRATE;

    /** The value as written in configuration: {@code drop-and-create}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether Retort creates tables (so a load script may run after it). */
    public boolean creates() {
        return this == CREATE || this == DROP_AND_CREATE;
    }

    /** The strategy written as {@code value}; {@code key} names the setting in the error for anything else. */
    public static SchemaStrategy parse(String key, String value) {
        for (SchemaStrategy strategy : values()) {
            if (strategy.configValue().equalsIgnoreCase(value.trim())) {
                return strategy;
            }
        }
        throw new ConfigurationException(key + " is '" + value + "', which is not a schema strategy. To fix this, "
                + "set it to one of " + Arrays.stream(values()).map(SchemaStrategy::configValue).collect(Collectors.joining(", "))
                + ".");
    }
}
