package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.Engine;
import dev.retort.SchemaStrategy;
import dev.retort.boot.SchemaMigrations;
import dev.retort.quarkus.RetortUnit;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * The {@code quarkus.retort.*} settings read when the application starts: for each Retort unit, what to
 * do with the schema, which script to load, SQL logging and JDBC batching. They can differ between runs
 * of the same build.
 */
@ConfigMapping(prefix = "quarkus.retort")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface RetortRuntimeConfig {

    /**
     * The Retort units. The default unit's keys are {@code quarkus.retort.*}; a named unit's are
     * {@code quarkus.retort."name".*}.
     */
    @ConfigDocMapKey("unit-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(RetortUnit.DEFAULT)
    @WithDefaults
    Map<String, Unit> units();

    /** The run-time settings of one Retort unit. */
    interface Unit {
        /** Schema management at start-up. */
        @ConfigDocSection
        SchemaManagement schemaManagement();

        /**
         * A script of SQL statements (separated by {@code ;}) that Retort runs at start-up, after the schema
         * strategy created the schema, from the class path (for example {@code import.sql} in
         * {@code src/main/resources}). In dev and test mode the default unit's default is {@code import.sql}
         * when that file exists; named units and prod mode have no default. Set it to {@code no-file} to run
         * no script.
         */
        Optional<String> sqlLoadScript();

        /**
         * The unit's read replicas: names of Quarkus datasources ({@code quarkus.datasource."name".*}),
         * comma-separated. Transactions of methods annotated {@code @dev.retort.cdi.ReadOnlyTransaction} read from
         * them in turn, once the replica has applied the thread's last commit; every other transaction runs on the
         * unit's own datasource. Give the replicas {@code jdbc.transactions=disabled}: their sessions run their own
         * read-only transactions. PostgreSQL and MariaDB only.
         */
        Optional<List<String>> replicas();

        /** How reads wait for the replicas and when a replica leaves rotation. */
        @ConfigDocSection
        Replica replica();

        /** SQL logging. */
        @ConfigDocSection
        Log log();

        /** JDBC settings. */
        @ConfigDocSection
        Jdbc jdbc();
    }

    /** Schema management at start-up. */
    interface SchemaManagement {
        /**
         * What Retort does with the tables of the unit's entities when the application starts: {@code none},
         * {@code create} (creates the tables that do not exist), {@code drop-and-create} (drops them, then
         * creates them: all data is lost), {@code validate} (fails the start, listing every difference between
         * the database and the model: tables, columns, types, nullability, keys, indexes, foreign keys) or
         * {@code migrate} (applies the pending Flyway migrations of {@code schema-management.locations}). The
         * default is {@code drop-and-create} in dev and test mode and {@code none} in prod mode.
         */
        Optional<SchemaStrategy> strategy();

        /**
         * Where the {@code migrate} strategy finds the Flyway migrations, comma-separated: {@code classpath:}
         * locations (in the application's resources) or {@code filesystem:} folders.
         */
        @WithDefault(SchemaMigrations.DEFAULT_LOCATION)
        List<String> locations();
    }

    /**
     * How reads wait for the replicas of {@code replicas} and when a replica leaves rotation; each a whole number with
     * the unit ms, s, m or h ({@code 500ms}, {@code 2s}), as the engine's {@code replicas.*} options.
     */
    interface Replica {
        /**
         * How long a read-only transaction waits for a replica to apply the thread's last commit before it reads from the
         * primary; {@code 0} reads from the primary at once when no replica has it. The default is {@code 1s}.
         */
        @WithName("wait")
        Optional<String> waitForCommit();

        /**
         * A replica that lags the primary by more than this leaves rotation until it catches up. The default is
         * {@code 30s}.
         */
        Optional<String> maxLag();

        /**
         * How often a background check asks each replica whether it answers and how far it lags; {@code 0} turns the
         * check off. The default is {@code 5s}.
         */
        Optional<String> checkInterval();
    }

    /** SQL logging. */
    interface Log {
        /**
         * Whether every SQL statement the unit runs, with its bind parameters, is logged at INFO to the
         * category {@code dev.retort.sql} (otherwise it is logged at DEBUG, so enabling DEBUG for that
         * category works too).
         */
        @WithDefault("false")
        boolean sql();

        /**
         * Whether the logged SQL shows the values bound to its parameters; {@code false} keeps them (personal
         * data, secrets) out of the log.
         */
        @WithDefault("true")
        boolean bindParameters();
    }

    /** JDBC settings. */
    interface Jdbc {
        /**
         * The most rows a flush sends in one JDBC batch when it inserts, updates or deletes many rows of one
         * table with the same statement; more rows go as several batches. A positive whole number.
         */
        @WithDefault("" + Engine.DEFAULT_STATEMENT_BATCH_SIZE)
        int statementBatchSize();
    }
}
