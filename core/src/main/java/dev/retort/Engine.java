package dev.retort;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.engine.EngineUrl;
import dev.retort.dialect.Replication;
import dev.retort.engine.PoolHealth;
import dev.retort.engine.Replicas;
import dev.retort.engine.WritableHost;
import dev.retort.engine.SlowStatementLog;
import dev.retort.engine.SqlLog;
import dev.retort.engine.StatementObserver;
import dev.retort.engine.StatementObservers;
import dev.retort.observe.Observability;

/**
 * The starting point, as SQLAlchemy's {@code create_engine}: a pool of connections to one database and
 * the dialect that speaks to it. Create one per database and application, share it, close it at the
 * end. Thread-safe.
 * <p>
 * Options for {@link #create(String, Map)}: {@code echo} (log SQL at INFO to the System.Logger
 * {@code dev.retort.sql}), {@code log-bind-parameters} ({@code false} leaves bound values out of that log),
 * {@code pool-size} (default 10), {@code dialect} (override the one the URL
 * implies), {@code isolation-level} ({@link Isolation} name), {@code user}, {@code password},
 * {@code acquisition-timeout-seconds} (default 30), {@code statement-batch-size} (rows per JDBC batch when a
 * flush writes many rows of one shape, default 1000), {@code statement-timeout-seconds} (every statement is
 * cancelled after that long, default none), {@code expire-on-commit} (default {@code true}: sessions expire their
 * objects when they commit or roll back, as SQLAlchemy's; {@code false} keeps them as they are, see
 * {@link SessionFactory#withExpireOnCommit}), {@code slow-statement-threshold} (a duration: each statement at least
 * this slow logs a WARNING, see {@link dev.retort.engine.SlowStatementLog}), {@code metrics} and {@code tracing}
 * ({@code false} keeps Micrometer and OpenTelemetry unbound even when present, see {@link #observers()}), and the
 * pool's health options (durations such as {@code 30s},
 * {@code 500ms}, {@code 10m}; {@code 0} turns one off):
 * {@code pool.validation-interval}, {@code pool.validate-idle-after}, {@code pool.max-lifetime},
 * {@code pool.idle-timeout}, {@code pool.leak-detection}; and read replicas: {@code replicas} (their URLs,
 * comma-separated, or a collection), {@code replicas.wait}, {@code replicas.max-lag},
 * {@code replicas.check-interval} (durations). Sessions opened with a {@link ReadOnly} choice read from a replica
 * in rotation, every other session runs on the primary; see {@link #connectForReading(ReadOnly)}.
 * <p>
 * The engine's own pool heals: a connection that raised a connection-class error (SQLState 08, PostgreSQL's
 * 57P01–57P03, MariaDB's killed or gone-away connection) is destroyed instead of returned, idle connections
 * are checked with {@code isValid} in the background and before they are handed out after being idle, so
 * once the server accepts connections again the next session succeeds.
 */
public final class Engine implements AutoCloseable {
    private static final List<String> OPTIONS = List.of("echo", "log-bind-parameters", "pool-size", "dialect",
            "isolation-level", "user", "password", "acquisition-timeout-seconds", "statement-batch-size",
            "statement-timeout-seconds", "expire-on-commit", PoolHealth.VALIDATION_INTERVAL, PoolHealth.VALIDATE_IDLE_AFTER,
            PoolHealth.MAX_LIFETIME, PoolHealth.IDLE_TIMEOUT, PoolHealth.LEAK_DETECTION, Replicas.URLS,
            Replicas.CHECK_INTERVAL, Replicas.MAX_LAG, Replicas.WAIT, SlowStatementLog.OPTION, "metrics", "tracing");
    /** Splits the replicas option where the next URL starts, so that a multi-host URL's own commas stay in it. */
    private static final java.util.regex.Pattern URL_LIST = java.util.regex.Pattern.compile(
            "\\s*,\\s*(?=(jdbc:|postgresql|mysql|mariadb|sqlite|h2))");
    /** Rows per JDBC batch unless configured otherwise. */
    public static final int DEFAULT_STATEMENT_BATCH_SIZE = 1000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String location;
    private final SqlLog sqlLog;
    private final Isolation isolation;
    private final boolean ownsPool;
    private final int statementBatchSize;
    private final int statementTimeoutSeconds;
    /** Whether sessions on this engine expire their objects at commit and rollback, unless their factory says otherwise. */
    private final boolean expireOnCommit;
    /** The database runs in this process: a failure to open it is about its file, not a server. */
    private final boolean embedded;
    /** The read replicas, or null when the engine has none. */
    private final Replicas replicas;
    private final StatementObservers observers = new StatementObservers();
    private volatile boolean closed;

    private Engine(DataSource dataSource, Dialect dialect, String location, SqlLog sqlLog, Isolation isolation,
                   boolean ownsPool, int statementBatchSize, int statementTimeoutSeconds, boolean embedded,
                   boolean expireOnCommit, Replicas replicas) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.location = location;
        this.sqlLog = sqlLog;
        this.isolation = isolation;
        this.ownsPool = ownsPool;
        this.statementBatchSize = statementBatchSize;
        this.statementTimeoutSeconds = statementTimeoutSeconds;
        this.embedded = embedded;
        this.expireOnCommit = expireOnCommit;
        this.replicas = replicas;
    }

    /** An engine for a URL such as {@code sqlite:///example.db}, with default options. */
    public static Engine create(String url) {
        return create(url, Map.of());
    }

    public static Engine create(String url, Map<String, ?> options) {
        Map<String, String> settings = options(options);
        EngineUrl parsed = EngineUrl.parse(url);
        Dialect dialect = settings.containsKey("dialect") ? dialectNamed(settings.get("dialect")) : parsed.dialect();
        if (dialect == null) {
            throw new ConfigurationException("Cannot tell which database " + EngineUrl.masked(url) + " is. To fix "
                    + "this, pass the option dialect (one of " + String.join(", ", Dialects.NAMES) + ").");
        }
        int batchSize = intOption(settings, "statement-batch-size", DEFAULT_STATEMENT_BATCH_SIZE);
        int statementTimeout = intOption(settings, "statement-timeout-seconds", 0);
        Isolation isolation = settings.containsKey("isolation-level") ? isolationNamed(settings.get("isolation-level")) : null;
        boolean expireOnCommit = booleanOption(settings, "expire-on-commit", true);
        AgroalDataSource pool = openPool(parsed, settings, dialect, true);
        Replicas replicas;
        try {
            replicas = replicas(settings, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Engine engine = new Engine(pool, dialect, parsed.location(), new SqlLog(Boolean.parseBoolean(settings.get("echo")),
                        !"false".equalsIgnoreCase(settings.getOrDefault("log-bind-parameters", "true"))),
                isolation, true, batchSize, statementTimeout, parsed.isEmbedded(), expireOnCommit, replicas);
        try {
            SlowStatementLog slow = SlowStatementLog.fromOptions(settings);
            if (slow != null) {
                engine.observers.add(slow);
            }
            Observability.bindAvailable(engine, parsed.host(), parsed.port(), booleanOption(settings, "metrics", true),
                    booleanOption(settings, "tracing", true));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    private static Replication replicationOf(Dialect dialect) {
        return dialect.replication().orElseThrow(() -> new ConfigurationException("Engine option " + Replicas.URLS
                + " is set, but Retort routes reads to replicas only on PostgreSQL (streaming replication) and MariaDB "
                + "(GTID replication), not on " + dialect.displayName() + ". To fix this, remove the option."));
    }

    /**
     * The engine's own pool for one URL (the primary's, or a replica's), configured by the options. A primary's
     * MariaDB URL that lists several hosts connects to the one that accepts writes ({@link WritableHost}).
     */
    private static AgroalDataSource openPool(EngineUrl parsed, Map<String, String> settings, Dialect dialect, boolean primary) {
        requireDriver(parsed);
        parsed.requireFolder();
        String user = settings.getOrDefault("user", parsed.user());
        String password = settings.getOrDefault("password", parsed.password());
        int poolSize = intOption(settings, "pool-size", 10);
        int timeout = intOption(settings, "acquisition-timeout-seconds", 30);
        // An in-memory database lives as long as its one kept connection: never retire that connection by age.
        PoolHealth health = PoolHealth.from(settings, !parsed.isMemory());
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> health.apply(pool, dialect, timeout)
                        .maxSize(poolSize)
                        // An in-memory database lives as long as one connection to it: keep one open.
                        .minSize(parsed.isMemory() ? 1 : 0)
                        .initialSize(parsed.isMemory() ? 1 : 0)
                        .acquisitionTimeout(Duration.ofSeconds(timeout))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(parsed.jdbcUrl()).autoCommit(true).trackJdbcResources(false);
                            if (primary && WritableHost.handles(parsed.jdbcUrl())) {
                                factory.connectionProviderClass(WritableHost.class);
                            }
                            if (user != null) {
                                factory.principal(new NamePrincipal(user));
                            }
                            if (password != null) {
                                factory.credential(new SimplePassword(password));
                            }
                            parsed.driverProperties().forEach(factory::jdbcProperty);
                            return factory;
                        }));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot open a connection pool to " + parsed.location() + ": " + e.getMessage(), e);
        }
    }

    /** The replicas the {@code replicas} option lists, each with a pool of its own; null when it lists none. */
    private static Replicas replicas(Map<String, String> settings, Dialect dialect) {
        String urls = settings.getOrDefault(Replicas.URLS, "").trim();
        if (urls.isEmpty()) {
            return null;
        }
        Replication replication = replicationOf(dialect);
        Map<String, DataSource> pools = new LinkedHashMap<>();
        try {
            for (String url : URL_LIST.split(urls)) {
                EngineUrl parsed = EngineUrl.parse(url);
                pools.put(parsed.location(), openPool(parsed, settings, dialect, false));
            }
        } catch (RuntimeException e) {
            pools.values().forEach(pool -> ((AgroalDataSource) pool).close());
            throw e;
        }
        return new Replicas(pools, replication, dialect::isConnectionFatal, settings, true);
    }

    /** An engine over the application's own pool; {@link #close()} leaves that pool open. */
    public static Engine of(DataSource dataSource, Dialect dialect) {
        return of(dataSource, dialect, dialect.displayName() + " data source " + dataSource, false);
    }

    /**
     * As {@link #of(DataSource, Dialect)}, with the {@code location} that messages and {@link #location()}
     * give (never a password), and {@code echo} logging SQL at INFO as the {@code echo} option of {@link #create}.
     */
    public static Engine of(DataSource dataSource, Dialect dialect, String location, boolean echo) {
        return of(dataSource, dialect, location, echo, true);
    }

    /** As {@link #of(DataSource, Dialect, String, boolean)}; {@code logBindParameters} false keeps bound values out of the SQL log. */
    public static Engine of(DataSource dataSource, Dialect dialect, String location, boolean echo, boolean logBindParameters) {
        return of(dataSource, dialect, location, echo, logBindParameters, DEFAULT_STATEMENT_BATCH_SIZE);
    }

    /**
     * As {@link #of(DataSource, Dialect, String, boolean, boolean)}, with the number of rows a flush sends per
     * JDBC batch (the {@code statement-batch-size} option of {@link #create}).
     */
    public static Engine of(DataSource dataSource, Dialect dialect, String location, boolean echo, boolean logBindParameters,
                            int statementBatchSize) {
        if (statementBatchSize < 1) {
            throw new ConfigurationException("The statement batch size must be a positive whole number, not "
                    + statementBatchSize + ".");
        }
        Engine engine = new Engine(dataSource, dialect, location, new SqlLog(echo, logBindParameters), null, false,
                statementBatchSize, 0, false, true, null);
        Observability.bindAvailable(engine, null, -1, true, true);
        return engine;
    }

    /**
     * An engine over the application's own pools: {@code primary} for sessions that write, {@code replicas}
     * (each pool under the location that messages and {@link #replicasInRotation()} give, never a password) for
     * read-only sessions. {@code options} takes {@code replicas.wait}, {@code replicas.max-lag},
     * {@code replicas.check-interval}, {@code metrics} and {@code tracing} as {@link #create(String, Map)} does.
     * {@link #close()} leaves the pools open.
     */
    public static Engine of(DataSource primary, Map<String, DataSource> replicas, Dialect dialect, String location,
                            Map<String, ?> options) {
        return of(primary, replicas, dialect, location, false, true, DEFAULT_STATEMENT_BATCH_SIZE, options);
    }

    /**
     * As {@link #of(DataSource, Map, Dialect, String, Map)}, with SQL logging ({@code echo}, {@code logBindParameters})
     * and the JDBC batch size a container configures.
     */
    public static Engine of(DataSource primary, Map<String, DataSource> replicas, Dialect dialect, String location,
                            boolean echo, boolean logBindParameters, int statementBatchSize, Map<String, ?> options) {
        Map<String, String> settings = options(options);
        for (String key : settings.keySet()) {
            if (!key.startsWith(Replicas.URLS + ".") && !key.equals("metrics") && !key.equals("tracing")) {
                throw new ConfigurationException("Engine option '" + key + "' does not apply to an engine over the "
                        + "application's own pools. Valid options here: " + Replicas.CHECK_INTERVAL + ", " + Replicas.MAX_LAG
                        + ", " + Replicas.WAIT + ", metrics, tracing.");
            }
        }
        Replicas routed = replicas.isEmpty() ? null : new Replicas(new LinkedHashMap<>(replicas), replicationOf(dialect),
                dialect::isConnectionFatal, settings, false);
        Engine engine = new Engine(primary, dialect, location, new SqlLog(echo, logBindParameters), null, false, statementBatchSize,
                0, false, true, routed);
        Observability.bindAvailable(engine, null, -1, booleanOption(settings, "metrics", true),
                booleanOption(settings, "tracing", true));
        return engine;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the database is, for messages and logs; never contains a password. */
    public String location() {
        return location;
    }

    /** Rows per JDBC batch when a flush writes many rows of one shape. */
    public int statementBatchSize() {
        return statementBatchSize;
    }

    /** Seconds after which every statement is cancelled ({@code statement-timeout-seconds}); 0 for no limit. */
    public int statementTimeoutSeconds() {
        return statementTimeoutSeconds;
    }

    /** Whether sessions expire their objects at commit and rollback by default ({@code expire-on-commit}, default true). */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /** The engine's SQL log (internal to Retort's layers). */
    public SqlLog sqlLog() {
        return sqlLog;
    }

    /**
     * What observes this engine's statements: the slow-statement log ({@code slow-statement-threshold}),
     * Micrometer timings and OpenTelemetry spans (bound when those libraries are on the class path, unless the
     * options {@code metrics} or {@code tracing} are {@code false}; see {@code dev.retort.observe}), and any
     * {@link dev.retort.engine.StatementObserver} the application adds.
     */
    public StatementObservers observers() {
        return observers;
    }

    /**
     * A connection from the pool, with the engine's isolation level. The caller closes it. An unreachable
     * database gives a {@link DatabaseException} naming where the engine tried to connect.
     */
    public Connection connect() {
        if (closed) {
            // Before the data source: a container's may already be gone, with a message that says nothing of why.
            throw closedEngine(null);
        }
        try {
            Connection connection = dataSource.getConnection();
            if (isolation != null) {
                connection.setTransactionIsolation(isolation.jdbcLevel());
            }
            return connection;
        } catch (SQLException e) {
            throw connectFailed(e);
        }
    }

    /**
     * A read-only connection for a session opened with {@code reads}: from a replica in rotation that has
     * applied the commit {@code reads} waits for, taking turns; else (no replica, none in rotation, or none
     * caught up within {@code replicas.wait}) from the primary. The caller closes it.
     */
    public Connection connectForReading(ReadOnly reads) {
        if (closed) {
            throw closedEngine(null);
        }
        Connection connection = replicas == null ? null : replicas.connect(reads.position(replicas.lastCommit()));
        if (connection == null) {
            connection = connect();
        } else if (isolation != null) {
            try {
                connection.setTransactionIsolation(isolation.jdbcLevel());
            } catch (SQLException e) {
                closeQuietly(connection);
                throw connectFailed(e);
            }
        }
        try {
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw connectFailed(e);
        }
    }

    /**
     * Whether a replica in rotation has applied what {@code reads} waits for, waiting up to {@code replicas.wait}; false
     * without replicas. For containers whose read-only transactions cannot fall back to the primary inside
     * {@link #connectForReading} (JTA enlists the primary's connection, which then cannot be made read-only): they ask
     * first and run on the primary themselves when it is false.
     */
    public boolean replicaCaughtUp(ReadOnly reads) {
        Connection connection = replicas == null ? null : replicas.connect(reads.position(replicas.lastCommit()));
        if (connection == null) {
            return false;
        }
        closeQuietly(connection);
        return true;
    }

    /**
     * Called by a session right after it committed on a connection of {@link #connect()}: with replicas,
     * remembers where the commit is as the calling thread's last commit (one query on that connection), so
     * that read-your-writes sessions wait for it. Without replicas it does nothing. Never fails: a position
     * it cannot read sends the thread's reads to the primary until its next commit.
     */
    public void committed(Connection primary) {
        if (replicas != null) {
            replicas.committed(primary);
        }
    }

    /**
     * As {@link #committed}, for a commit made on another connection of the primary, by a JTA transaction manager:
     * reads the server's current position on {@code primary} (on MariaDB {@code @@gtid_binlog_pos}, as
     * {@code @@last_gtid} is only that connection's), so read-your-writes waits for at least that commit.
     */
    public void committedElsewhere(Connection primary) {
        if (replicas != null) {
            replicas.committedElsewhere(primary);
        }
    }

    /**
     * The calling thread's last commit through this engine, to pass to {@link ReadOnly#after(CommitToken)} in
     * another thread or process; {@link CommitToken#NONE} when the engine has no replicas or the thread has not committed.
     */
    public CommitToken lastCommit() {
        String position = replicas == null ? null : replicas.lastCommit();
        return CommitToken.parse(position);
    }

    /** The replicas that reads go to now (their locations, in configuration order); empty without replicas. */
    public List<String> replicasInRotation() {
        return replicas == null ? List.of() : replicas.inRotation();
    }

    /** Checks every replica now, as the background check every {@code replicas.check-interval} does. */
    public void checkReplicas() {
        if (replicas != null) {
            replicas.checkAll();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The pool discards a broken connection.
        }
    }

    private InvalidRequestException closedEngine(SQLException cause) {
        return new InvalidRequestException("Cannot connect to " + location + ": this engine is closed. To fix this, "
                + "close the engine only when the application stops, or create a new one.", cause);
    }

    private RuntimeException connectFailed(SQLException e) {
        if (failedToEnlist(e) && lostConnection(e)) {
            // Enlisting in JTA talks to the server too: a dead connection fails there first, and is no XA problem.
            return new DatabaseUnavailableException("Cannot connect to " + location + ": the connection was lost ("
                    + rootMessage(e) + "). Nothing was written. To fix this, check that the database server is running "
                    + "and reachable there; retrying is safe once it is, and a pool that validates its connections "
                    + "(see the README's section on pools under faults) hands out a fresh one.", e);
        }
        if (failedToEnlist(e)) {
            return new DatabaseException("Cannot connect to " + location + ": " + rootMessage(e) + ". The pool could not "
                    + "enlist the connection in the current JTA transaction, which already holds a connection of another "
                    + "data source that is not XA. To fix this, make the data sources XA (in Quarkus "
                    + "quarkus.datasource.\"name\".jdbc.transactions=xa), or use one database per transaction.", e);
        }
        if (closed) {
            return closedEngine(e);
        }
        if (poolTimedOut(e)) {
            return new DatabaseUnavailableException("Cannot connect to " + location + ": " + poolExhausted() + ". Nothing "
                    + "was written. To fix this, close sessions (and streams) sooner, or raise the pool's "
                    + (ownsPool ? "size or acquisition timeout (the engine options pool-size and acquisition-timeout-seconds)"
                    : "max-size or acquisition timeout (in Quarkus quarkus.datasource.jdbc.max-size and "
                    + "quarkus.datasource.jdbc.acquisition-timeout)") + ".", e);
        }
        if (embedded) {
            return new DatabaseUnavailableException("Cannot open " + location + ": " + rootMessage(e) + ". Nothing was "
                    + "written. To fix this, check that the database file can be opened there: the path names a file "
                    + "(not a folder), the process may read and write it, and no other program holds it locked.", e);
        }
        return new DatabaseUnavailableException("Cannot connect to " + location + ": " + rootMessage(e) + ". Nothing was "
                + "written. To fix this, check that the database server is running and reachable there, and that the URL "
                + "and credentials are right; retrying is safe once it is.", e);
    }

    /** Whether the error, or one it was caused by, says that the connection itself is gone. */
    private boolean lostConnection(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sqlError && dialect.isConnectionFatal(sqlError)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pool refused the connection because it could not join the JTA transaction (Agroal says so). */
    /**
     * Whether no pooled connection became free in time: the pool says "acquisition timeout" (Agroal), or a
     * {@link java.util.concurrent.TimeoutException} (Agroal's wait for a free connection) is somewhere in the chain.
     */
    private static boolean poolTimedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException
                    || cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** What a pool timeout means, with the pool's size and timeout when it is Agroal's, whose settings can be read. */
    private String poolExhausted() {
        if (!(dataSource instanceof AgroalDataSource pool)) {
            return "no connection of the pool became free within its acquisition timeout";
        }
        AgroalConnectionPoolConfiguration settings = pool.getConfiguration().connectionPoolConfiguration();
        int size = settings.maxSize();
        // Agroal reports a new connection that took the whole timeout to open the same way.
        String waited = settings.acquisitionTimeout().isZero() ? "" : " for " + readable(settings.acquisitionTimeout())
                + ", the acquisition timeout (or opening a new connection took that long)";
        return (size == 1 ? "the pool's only connection was" : "all " + size + " connections of the pool were")
                + " in use" + waited;
    }

    /** "5 s", "1.5 s", "250 ms". */
    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis > 1000 ? millis / 1000.0 + " s" : millis + " ms";
    }

    private static boolean failedToEnlist(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains("enlist")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Closes the engine once; closing it again does nothing (it must not release shared gauges twice). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseObservers();
        if (replicas != null) {
            replicas.close();
        }
        if (ownsPool && dataSource instanceof AgroalDataSource pool) {
            pool.close();
        }
    }

    /** Observers that hold something outside the engine (the pool's gauges in a meter registry) let go of it. */
    private void releaseObservers() {
        for (StatementObserver observer : observers.all()) {
            if (observer instanceof AutoCloseable holder) {
                try {
                    holder.close();
                } catch (Exception e) {
                    System.getLogger("dev.retort.engine").log(System.Logger.Level.WARNING, "Closing the statement observer "
                            + observer + " of " + location + " failed; the engine closes anyway: " + e, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Engine[" + location + "]";
    }

    private static Map<String, String> options(Map<String, ?> options) {
        Map<String, String> settings = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (!OPTIONS.contains(key)) {
                throw new ConfigurationException("Unknown engine option '" + key + "'. Valid options: "
                        + String.join(", ", OPTIONS) + ".");
            }
            settings.put(key, value instanceof java.util.Collection<?> values
                    ? String.join(",", values.stream().map(String::valueOf).toList()) : String.valueOf(value));
        });
        return settings;
    }

    private static boolean booleanOption(Map<String, String> settings, String key, boolean defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.trim());
        }
        throw new ConfigurationException("Engine option " + key + " must be true or false, not '" + value + "'.");
    }

    private static int intOption(Map<String, String> settings, String key, int defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("Engine option " + key + " must be a positive whole number, not '" + value + "'.");
    }

    private static Dialect dialectNamed(String name) {
        return Dialects.byName(name).orElseThrow(() -> new ConfigurationException("Unknown dialect '" + name
                + "'. Valid dialects: " + String.join(", ", Dialects.NAMES) + "."));
    }

    private static Isolation isolationNamed(String name) {
        try {
            return Isolation.valueOf(name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Unknown isolation-level '" + name + "'. Valid levels: "
                    + java.util.Arrays.toString(Isolation.values()) + ".");
        }
    }

    private static void requireDriver(EngineUrl url) {
        try {
            java.sql.DriverManager.getDriver(url.jdbcUrl());
        } catch (SQLException e) {
            String artifact = driverArtifact(url.jdbcUrl());
            throw new ConfigurationException("No JDBC driver on the class path accepts " + EngineUrl.masked(url.jdbcUrl())
                    + ". To fix this, add the driver" + (artifact.isEmpty() ? "" : " (" + artifact + ")")
                    + " to the application's dependencies.", e);
        }
    }

    private static String driverArtifact(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return "org.xerial:sqlite-jdbc";
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return "org.postgresql:postgresql";
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) return "org.mariadb.jdbc:mariadb-java-client";
        if (jdbcUrl.startsWith("jdbc:h2:")) return "com.h2database:h2";
        return "";
    }
}
