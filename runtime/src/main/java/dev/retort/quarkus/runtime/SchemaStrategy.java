package dev.retort.quarkus.runtime;

/**
 * What Retort does with the mapped tables when the application starts
 * ({@code quarkus.retort.schema-management.strategy}); written in lower case with hyphens in the
 * configuration, for example {@code drop-and-create}.
 */
public enum SchemaStrategy {
    /** Leaves the database as it is. */
    NONE,
    /** Creates the tables, indexes and sequences that do not exist yet. */
    CREATE,
    /** Drops the mapped tables, then creates them: every row in them is lost. */
    DROP_AND_CREATE,
    /** Checks that every mapped table and column exists, and fails the start otherwise. */
    VALIDATE
}
