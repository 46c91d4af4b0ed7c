package dev.retort.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.retort.dialect.Replication;

/**
 * An engine's read replicas: which are in rotation, which one serves the next read (round robin), whether
 * it has applied the commit a read waits for, and the calling thread's last commit on the primary. A
 * background check takes a replica out of rotation when it stops answering or lags more than
 * {@code replicas.max-lag}, and puts it back when healthy again; a failed connection takes it out at once.
 * Thread-safe.
 */
public final class Replicas implements AutoCloseable {
    public static final String URLS = "replicas";
    public static final String CHECK_INTERVAL = "replicas.check-interval";
    public static final String MAX_LAG = "replicas.max-lag";
    public static final String WAIT = "replicas.wait";
    /** The replica options, in the order messages list them. */
    public static final List<String> OPTIONS = List.of(WAIT, MAX_LAG, CHECK_INTERVAL);
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);
    /**
     * The position of a commit whose place in the log could not be read: reads that wait for it go to the
     * primary, which has it.
     */
    public static final String UNKNOWN = "primary";
    private static final System.Logger LOG = System.getLogger("dev.retort.engine");

    /** One replica's pool and what the last check found. */
    private static final class Replica {
        final String location;
        final DataSource pool;
        volatile boolean inRotation = true;

        Replica(String location, DataSource pool) {
            this.location = location;
            this.pool = pool;
        }
    }

    private final List<Replica> replicas;
    private final Replication replication;
    private final Predicate<SQLException> connectionFatal;
    private final Duration maxLag;
    private final Duration wait;
    private final AtomicInteger next = new AtomicInteger();
    private final ThreadLocal<String> lastCommit = new ThreadLocal<>();
    private final ScheduledExecutorService checker;
    /** Whether {@link #close()} closes the replicas' pools (the engine's own), or leaves them (the application's). */
    private final boolean ownsPools;

    /**
     * Replicas over {@code pools} (location to pool), checked every {@code replicas.check-interval} (default
     * 5s); a read waits up to {@code replicas.wait} (default 1s) for a replica to apply its commit.
     * {@code ownsPools}: {@link #close()} closes the pools.
     */
    public Replicas(Map<String, DataSource> pools, Replication replication, Predicate<SQLException> connectionFatal,
                    Map<String, String> options, boolean ownsPools) {
        this.ownsPools = ownsPools;
        List<Replica> list = new ArrayList<>();
        pools.forEach((location, pool) -> list.add(new Replica(location, pool)));
        this.replicas = List.copyOf(list);
        this.replication = replication;
        this.connectionFatal = connectionFatal;
        this.maxLag = PoolHealth.duration(options, MAX_LAG, DEFAULT_MAX_LAG);
        this.wait = PoolHealth.duration(options, WAIT, DEFAULT_WAIT);
        Duration interval = PoolHealth.duration(options, CHECK_INTERVAL, DEFAULT_CHECK_INTERVAL);
        if (interval.isZero()) {
            this.checker = null;
        } else {
            this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "retort-replica-check");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After a commit on the primary: remembers its position as the calling thread's last commit; if it cannot
     * be read, the thread's reads go to the primary until its next commit.
     */
    public void committed(Connection primary) {
        remember(primary, false);
    }

    /**
     * As {@link #committed}, for a commit made on another connection of the primary (a JTA transaction manager's):
     * the position is the server's current one, which includes that commit.
     */
    public void committedElsewhere(Connection primary) {
        remember(primary, true);
    }

    private void remember(Connection primary, boolean elsewhere) {
        try {
            String position = elsewhere ? replication.currentPosition(primary) : replication.commitPosition(primary);
            if (position != null) {
                lastCommit.set(position);
            }
        } catch (SQLException e) {
            lastCommit.set(UNKNOWN);
            LOG.log(System.Logger.Level.WARNING, "Could not read where a commit is in the primary's log (" + e.getMessage()
                    + "); this thread's read-only sessions read from the primary until its next commit");
        }
    }

    /** The calling thread's last commit on the primary through this engine, or null. */
    public String lastCommit() {
        return lastCommit.get();
    }

    /**
     * A connection to a replica in rotation that has applied {@code position} (any replica in rotation when it
     * is null), taking turns; null when none has applied it within {@code replicas.wait} or none is in rotation.
     */
    public Connection connect(String position) {
        if (UNKNOWN.equals(position)) {
            return null;
        }
        int count = replicas.size();
        int first = Math.floorMod(next.getAndIncrement(), count);
        Connection behind = null;
        Replica behindReplica = null;
        for (int i = 0; i < count; i++) {
            Replica replica = replicas.get((first + i) % count);
            if (!replica.inRotation) {
                continue;
            }
            Connection connection = open(replica);
            if (connection == null) {
                continue;
            }
            if (position == null || applied(replica, connection, position, Duration.ZERO)) {
                closeQuietly(behind);
                return connection;
            }
            if (behind == null && !wait.isZero()) {
                behind = connection;
                behindReplica = replica;
            } else {
                closeQuietly(connection);
            }
        }
        if (behind != null) {
            if (applied(behindReplica, behind, position, wait)) {
                return behind;
            }
            closeQuietly(behind);
        }
        return null;
    }

    /** Locations of the replicas in rotation now, in configuration order. */
    public List<String> inRotation() {
        return replicas.stream().filter(replica -> replica.inRotation).map(replica -> replica.location).toList();
    }

    /** Checks every replica now, as the background check does: out of rotation if it fails or lags too much, back if healthy. */
    public void checkAll() {
        for (Replica replica : replicas) {
            String problem = problemOf(replica);
            if (problem == null && !replica.inRotation) {
                replica.inRotation = true;
                LOG.log(System.Logger.Level.INFO, "Replica {0} is healthy again and back in rotation", replica.location);
            } else if (problem != null) {
                takeOut(replica, problem);
            }
        }
    }

    /** The background check: a failure of one run is logged, never ends the schedule (an executor would stop it). */
    private void checkQuietly() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The replica check failed; it runs again at the next interval", e);
        }
    }

    private String problemOf(Replica replica) {
        Connection connection;
        try {
            connection = replica.pool.getConnection();
        } catch (SQLException e) {
            return "it does not answer (" + e.getMessage() + ")";
        }
        try (connection) {
            Duration lag = replication.lag(connection);
            if (lag == null) {
                return "its replication is stopped";
            }
            return lag.compareTo(maxLag) > 0 ? "it lags " + lag.toMillis() + " ms behind the primary, more than replicas.max-lag ("
                    + maxLag.toMillis() + " ms)" : null;
        } catch (SQLException e) {
            if (connectionFatal.test(e)) {
                return "it does not answer (" + e.getMessage() + ")";
            }
            // Most often a missing privilege, which the database's message names (MariaDB: SLAVE MONITOR).
            return "its lag cannot be read (" + e.getMessage() + "). To fix this, let the engine's user read it";
        }
    }

    private void takeOut(Replica replica, String reason) {
        if (replica.inRotation) {
            replica.inRotation = false;
            LOG.log(System.Logger.Level.WARNING, "Replica {0} is out of rotation: {1}; reads go to the other replicas or the primary",
                    replica.location, reason);
        }
    }

    private Connection open(Replica replica) {
        try {
            return replica.pool.getConnection();
        } catch (SQLException e) {
            takeOut(replica, "it does not answer (" + e.getMessage() + ")");
            return null;
        }
    }

    private boolean applied(Replica replica, Connection connection, String position, Duration within) {
        try {
            return replication.awaitApplied(connection, position, within);
        } catch (SQLException e) {
            if (connectionFatal.test(e)) {
                takeOut(replica, "it does not answer (" + e.getMessage() + ")");
            }
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // The pool discards a broken connection.
            }
        }
    }

    /** Stops the background check and closes the replicas' pools if they are the engine's own. */
    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        if (!ownsPools) {
            return;
        }
        for (Replica replica : replicas) {
            if (replica.pool instanceof AutoCloseable pool) {
                try {
                    pool.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "Closing the pool of replica " + replica.location + " failed", e);
                }
            }
        }
    }
}
