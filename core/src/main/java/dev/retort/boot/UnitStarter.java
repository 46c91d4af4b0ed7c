package dev.retort.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.retort.ConfigurationException;
import dev.retort.DatabaseException;
import dev.retort.Engine;
import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.RetortException;
import dev.retort.SchemaStrategy;
import dev.retort.SessionFactory;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.engine.EngineUrl;
import dev.retort.engine.PoolHealth;
import dev.retort.engine.Replicas;
import dev.retort.mapping.EntityMappings;
import dev.retort.schema.SqlScript;

/**
 * Starts one Retort unit for a container, the same way in CDI and Quarkus: {@link #plan} reads the settings
 * and checks the entities' mapping without touching the database, {@link #start} settles the dialect,
 * connects the engine to the container's DataSource, applies the schema strategy and runs the load script.
 * Every problem is kept with a message naming the setting and the fix; a CDI extension reports
 * {@link #problems()} as deployment problems, Quarkus throws {@link #failure()}. Used once, on the starting
 * thread.
 */
public final class UnitStarter {
    /** The load-script value that runs no script, even where a default script exists. */
    public static final String NO_FILE = "no-file";

    private final UnitSettings settings;
    private final List<RetortException> problems = new ArrayList<>();

    public UnitStarter(UnitSettings settings) {
        this.settings = settings;
    }

    /** What {@link #plan} settled: the checked model and the settings {@link #start} needs. Immutable. */
    public static final class Plan {
        private final Metadata metadata;
        private final SchemaStrategy strategy;
        private final Optional<SqlScript> loadScript;
        private final boolean logSql;
        private final boolean logBindParameters;
        private final int statementBatchSize;
        private final Optional<Dialect> dialect;
        private final List<String> migrationLocations;
        private final Map<String, Boolean> observability;
        /** The replica options that are set, checked, under the engine's option names. */
        private final Map<String, String> replicaOptions;

        private Plan(Metadata metadata, SchemaStrategy strategy, Optional<SqlScript> loadScript, boolean logSql,
                boolean logBindParameters, int statementBatchSize, Optional<Dialect> dialect, List<String> migrationLocations,
                Map<String, Boolean> observability, Map<String, String> replicaOptions) {
            this.metadata = metadata;
            this.strategy = strategy;
            this.loadScript = loadScript;
            this.logSql = logSql;
            this.logBindParameters = logBindParameters;
            this.statementBatchSize = statementBatchSize;
            this.dialect = dialect;
            this.migrationLocations = migrationLocations;
            this.observability = observability;
            this.replicaOptions = replicaOptions;
        }

        public Metadata metadata() {
            return metadata;
        }
    }

    /** The problems found so far, in the order found. */
    public List<RetortException> problems() {
        return List.copyOf(problems);
    }

    /** For containers that fail by throwing: the first problem, with the others added as suppressed. */
    public RetortException failure() {
        return failure(problems);
    }

    /**
     * Checks the entities' mapping, as a build step does before it records the unit; throws the first
     * problem, with the others suppressed.
     */
    public static Metadata checkedModel(Collection<Class<?>> entities) {
        List<RetortException> found = new ArrayList<>();
        Metadata metadata = model(entities, found);
        if (metadata == null) {
            throw failure(found);
        }
        return metadata;
    }

    /** Reads the settings and checks the mapping of {@code entities}; empty when there were problems. */
    public Optional<Plan> plan(Collection<Class<?>> entities) {
        return plan(model(entities, problems));
    }

    /**
     * Reads the settings for a model the caller already checked (a Quarkus build, for one); empty when there
     * were problems. A null {@code metadata} only reads the settings, to report their problems too.
     */
    public Optional<Plan> plan(Metadata metadata) {
        int before = problems.size();
        SchemaStrategy strategy = read(settings::schemaStrategy, SchemaStrategy.NONE);
        boolean logSql = read(settings::logSql, false);
        boolean logBindParameters = read(settings::logBindParameters, true);
        int statementBatchSize = read(this::statementBatchSize, Engine.DEFAULT_STATEMENT_BATCH_SIZE);
        Optional<Dialect> dialect = read(this::configuredDialect, Optional.empty());
        List<String> migrationLocations = strategy == SchemaStrategy.MIGRATE ? read(this::migrationLocations, List.of())
                : List.of();
        Map<String, String> replicaOptions = replicaOptions();
        // The engine options that bind Micrometer's and OpenTelemetry's global instances when they are present.
        Map<String, Boolean> observability = Map.of("metrics", read(settings::metrics, true), "tracing",
                read(settings::tracing, true));
        Optional<SqlScript> loadScript = problems.size() > before ? Optional.empty() : read(() -> loadScript(strategy),
                Optional.empty());
        if (problems.size() > before || metadata == null) {
            return Optional.empty();
        }
        return Optional.of(new Plan(metadata, strategy, loadScript, logSql, logBindParameters, statementBatchSize, dialect,
                migrationLocations, observability, replicaOptions));
    }

    /**
     * Starts the planned unit on the container's DataSource; empty when there were problems.
     *
     * @param dataSourceDescription how messages name the DataSource, after "through": "the DataSource bean 'h2'",
     *                              "the Quarkus default datasource"
     */
    public Optional<StartedUnit> start(Plan plan, DataSource dataSource, String dataSourceDescription) {
        return start(plan, dataSource, dataSourceDescription, Map.of());
    }

    /**
     * As {@link #start(Plan, DataSource, String)}, with read replicas: each of the container's DataSources under the
     * name messages give it; read-only sessions and read-only transactions read from them in turn.
     */
    public Optional<StartedUnit> start(Plan plan, DataSource dataSource, String dataSourceDescription,
                                       Map<String, DataSource> replicas) {
        String databaseUrl = null;
        Dialect dialect = plan.dialect.orElse(null);
        if (dialect == null) {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
                databaseUrl = connection.getMetaData().getURL();
            } catch (SQLException e) {
                problems.add(new ConfigurationException("Retort could not connect through " + dataSourceDescription + " to "
                        + "detect the database: " + e.getMessage() + ". To fix this, check the DataSource's URL and "
                        + "credentials and that the database is running, or set " + settings.key("dialect") + " so that "
                        + "Retort does not connect at start-up.", e));
                return Optional.empty();
            }
            dialect = Dialects.forDatabaseProductName(product).orElse(null);
            if (dialect == null) {
                problems.add(new ConfigurationException("The DataSource is connected to " + product + ", for which Retort has "
                        + "no dialect. To fix this, use one of the databases Retort supports, or set " + settings.key("dialect")
                        + " to one of " + String.join(", ", Dialects.NAMES) + " if this database speaks its SQL."));
                return Optional.empty();
            }
        }
        String location = location(dialect, dataSourceDescription, databaseUrl);
        if (!replicas.isEmpty() && dialect.replication().isEmpty()) {
            problems.add(new ConfigurationException(settings.key("replicas") + " lists " + String.join(", ", replicas.keySet())
                    + ", but Retort routes reads to replicas only on PostgreSQL (streaming replication) and MariaDB (GTID "
                    + "replication), not on " + dialect.displayName() + ". To fix this, remove " + settings.key("replicas")
                    + "."));
            return Optional.empty();
        }
        if (replicas.isEmpty() && !plan.replicaOptions.isEmpty()) {
            for (String option : plan.replicaOptions.keySet()) {
                String key = settings.replicaOptionKey(option);
                problems.add(new ConfigurationException(key + " is set, but " + settings.key("replicas") + " lists no "
                        + "replica, so there is nothing for it to apply to. To fix this, list the replicas in "
                        + settings.key("replicas") + ", or remove " + key + "."));
            }
            return Optional.empty();
        }
        Map<String, Object> options = new java.util.HashMap<>(plan.observability);
        options.putAll(plan.replicaOptions);
        Engine engine = Engine.of(dataSource, replicas, dialect, location, plan.logSql, plan.logBindParameters,
                plan.statementBatchSize, options);
        if (!applySchema(plan, engine) || !runLoadScript(plan, engine)) {
            return Optional.empty();
        }
        return Optional.of(new StartedUnit(plan.metadata, engine, SessionFactory.of(engine, plan.metadata)));
    }

    /** Where the engine's database is, for messages: "H2 through the DataSource bean 'h2' (jdbc:h2:mem:app)". */
    static String location(Dialect dialect, String dataSourceDescription, String databaseUrl) {
        return dialect.displayName() + " through " + dataSourceDescription
                + (databaseUrl == null ? "" : " (" + EngineUrl.masked(databaseUrl) + ")");
    }

    /**
     * The model of {@code entities}, mapped once when all is well; when not, every class's own mapping
     * problem is kept (a mistake in each of two entities shows both), else the problem between classes.
     */
    private static Metadata model(Collection<Class<?>> entities, List<RetortException> found) {
        if (entities.isEmpty()) {
            return null;
        }
        try {
            return Metadata.of(new ArrayList<>(entities));
        } catch (RetortException e) {
            int before = found.size();
            for (Class<?> type : entities) {
                try {
                    EntityMappings.of(type);
                } catch (RetortException problem) {
                    found.add(problem);
                }
            }
            if (found.size() == before) {
                found.add(e);
            }
            return null;
        }
    }

    private static RetortException failure(List<RetortException> found) {
        if (found.isEmpty()) {
            throw new IllegalStateException("no problem was found");
        }
        RetortException first = found.get(0);
        found.subList(1, found.size()).forEach(first::addSuppressed);
        return first;
    }

    private <T> T read(Supplier<T> setting, T fallback) {
        try {
            return setting.get();
        } catch (ConfigurationException e) {
            problems.add(e);
            return fallback;
        }
    }

    private int statementBatchSize() {
        int size = settings.statementBatchSize();
        if (size < 1) {
            String key = settings.key("jdbc.statement-batch-size");
            throw new ConfigurationException(key + " is " + size + ", and a flush cannot send fewer than 1 row per JDBC "
                    + "batch. To fix this, set " + key + " to a positive whole number, or remove it for the default of "
                    + Engine.DEFAULT_STATEMENT_BATCH_SIZE + ".");
        }
        return size;
    }

    /**
     * The replica options that are set ({@code replicas.wait}, {@code replicas.max-lag}, {@code replicas.check-interval}),
     * each a duration the engine reads; a value that is not one is a problem naming its key.
     */
    private Map<String, String> replicaOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : Replicas.OPTIONS) {
            Optional<String> text = read(() -> settings.replicaOption(option), Optional.empty());
            if (text.isEmpty() || text.get().isBlank()) {
                continue;
            }
            Duration duration = PoolHealth.parseDuration(text.get());
            if (duration == null) {
                String key = settings.replicaOptionKey(option);
                problems.add(new ConfigurationException(key + " is '" + text.get() + "', which is not a duration. To fix "
                        + "this, set it to a whole number with the unit ms, s, m or h (such as 500ms or 2s), or remove it for "
                        + "the default of " + defaultOf(option) + "."));
                continue;
            }
            options.put(option, duration.toMillis() + "ms");
        }
        return options;
    }

    private static String defaultOf(String option) {
        Duration duration = switch (option) {
            case Replicas.WAIT -> Replicas.DEFAULT_WAIT;
            case Replicas.MAX_LAG -> Replicas.DEFAULT_MAX_LAG;
            default -> Replicas.DEFAULT_CHECK_INTERVAL;
        };
        return duration.toSeconds() + "s";
    }

    /** The configured Flyway locations, each {@code classpath:} or {@code filesystem:}; the default when none is set. */
    private List<String> migrationLocations() {
        List<String> locations = settings.migrationLocations();
        for (String location : locations) {
            if (!location.startsWith("classpath:") && !location.startsWith("filesystem:")) {
                String key = settings.key("schema-management.locations");
                throw new ConfigurationException(key + " lists '" + location + "', which is neither a classpath: nor a "
                        + "filesystem: location. To fix this, write it as classpath:db/migration (in the application's "
                        + "resources) or filesystem:/path/to/migrations.");
            }
        }
        return locations.isEmpty() ? List.of(SchemaMigrations.DEFAULT_LOCATION) : locations;
    }

    private Optional<Dialect> configuredDialect() {
        Optional<String> name = settings.dialect();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Dialects.byName(name.get()).orElseThrow(() -> new ConfigurationException(settings.key("dialect")
                + " is '" + name.get() + "', which is not a dialect Retort knows. To fix this, set it to one of "
                + String.join(", ", Dialects.NAMES) + ".")));
    }

    /**
     * The load script: a configured one must exist and needs a strategy that creates the schema; without one,
     * the container's default script runs when it exists and the strategy creates the schema.
     */
    private Optional<SqlScript> loadScript(SchemaStrategy strategy) {
        String key = settings.key("sql-load-script");
        Optional<String> configured = settings.sqlLoadScript();
        ClassLoader loader = classLoader();
        if (configured.isEmpty()) {
            return strategy.creates() ? settings.defaultSqlLoadScript().flatMap(name -> SqlScript.find(name, key, loader))
                    : Optional.empty();
        }
        if (configured.get().equals(NO_FILE)) {
            return Optional.empty();
        }
        if (!strategy.creates()) {
            String strategyKey = settings.key("schema-management.strategy");
            throw new ConfigurationException(key + " is set, but " + strategyKey + " is " + strategy.configValue()
                    + ", and the load script runs only after Retort created the schema. To fix this, set " + strategyKey
                    + " to create or drop-and-create, or remove " + key + ".");
        }
        String noScriptHint = settings.defaultSqlLoadScript().isPresent()
                ? ", or set " + key + "=" + NO_FILE + " to run no script" : ", or remove the setting";
        return Optional.of(SqlScript.require(configured.get(), key, noScriptHint, loader));
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : UnitStarter.class.getClassLoader();
    }

    private boolean applySchema(Plan plan, Engine engine) {
        String strategyKey = settings.key("schema-management.strategy");
        try {
            switch (plan.strategy) {
                case VALIDATE -> validate(plan, engine, strategyKey);
                case MIGRATE -> migrations(strategyKey).migrate(engine, plan.metadata, plan.migrationLocations, classLoader(), strategyKey,
                        settings.key("schema-management.locations"));
                default -> plan.metadata.apply(plan.strategy, engine);
            }
            return true;
        } catch (RetortException e) {
            problems.add(e);
            return false;
        }
    }

    /** The full diff of retort-migrate when it is there; else core's check that mapped tables and columns exist. */
    private void validate(Plan plan, Engine engine, String strategyKey) {
        Optional<SchemaMigrations> migrations = SchemaMigrations.find(classLoader());
        if (migrations.isPresent()) {
            migrations.get().validate(engine, plan.metadata, strategyKey);
            return;
        }
        try {
            plan.metadata.validate(engine);
        } catch (MappingException e) {
            throw new MappingException(strategyKey + "=validate: " + e.getMessage(), e);
        }
    }

    private static SchemaMigrations migrations(String strategyKey) {
        return SchemaMigrations.find(classLoader()).orElseThrow(() -> new ConfigurationException(strategyKey + " is migrate, "
                + "which applies Flyway migrations through retort-migrate, and retort-migrate is not on the application's "
                + "class path. To fix this, add the dependency dev.retort:retort-migrate, or set " + strategyKey + " to "
                + "another strategy."));
    }

    private boolean runLoadScript(Plan plan, Engine engine) {
        if (plan.loadScript.isEmpty()) {
            return true;
        }
        SqlScript script = plan.loadScript.get();
        try (Connection connection = engine.connect()) {
            script.run(connection, engine.sqlLog(), engine.location());
            return true;
        } catch (RetortException e) {
            problems.add(e);
            return false;
        } catch (SQLException e) {
            problems.add(new DatabaseException("Cannot run the load script " + script.name() + " (" + settings.key(
                    "sql-load-script") + ") at " + engine.location() + ": " + e.getMessage(), e));
            return false;
        }
    }
}
