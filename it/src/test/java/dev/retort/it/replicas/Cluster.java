package dev.retort.it.replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.retort.it.CiScript;

/**
 * A replicated cluster of the replica suite's own, started from fresh folders through {@code .ci/clusters.sh}
 * on first use (and again after a test changed who is primary), on its own ports, stopped when the test
 * JVM ends. Node 0 is the primary, the others its replicas. Needs root and the server packages, as
 * {@code .ci/run} has; the replica tests run when {@code RETORT_TEST_CLUSTERS=1}, and a cluster that
 * cannot start fails them with the script's output.
 */
enum Cluster {
    /** A primary and two streaming replicas. */
    POSTGRESQL("PostgreSQL", "pgc", 3, "RETORT_PGC_DIR", "RETORT_PGC_PORT", Integer.getInteger("retort.clusters.pg-port", 5480)) {
        @Override
        String url(int node) {
            return "jdbc:postgresql://127.0.0.1:" + port(node) + "/retort?user=retort&password=retort";
        }

        @Override
        Connection admin(int node) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(node) + "/retort?user=postgres&password=secret");
        }

        @Override
        javax.sql.DataSource dataSource(int node) {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setURL(url(node));
            return dataSource;
        }

        @Override
        String whoSql() {
            return "SELECT CASE WHEN pg_is_in_recovery() THEN 'replica' ELSE 'primary' END || ':' || inet_server_port()";
        }

        @Override
        long tableReads(int node, String table) {
            return Long.parseLong(query(node, "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables "
                    + "WHERE relname = '" + table + "'"));
        }

        @Override
        void delayReplicas(int seconds) {
            for (int node = 1; node < nodes; node++) {
                execute(node, "ALTER SYSTEM SET recovery_min_apply_delay = '" + seconds + "s'");
                execute(node, "SELECT pg_reload_conf()");
                awaitSetting(node, "SHOW recovery_min_apply_delay", seconds == 0 ? "0" : seconds + "s");
            }
        }
    },
    /** A primary and one replica that follows it by GTID. */
    MARIADB("MariaDB", "myc", 2, "RETORT_MYC_DIR", "RETORT_MYC_PORT", Integer.getInteger("retort.clusters.my-port", 3380)) {
        @Override
        String url(int node) {
            return "jdbc:mariadb://127.0.0.1:" + port(node) + "/retort?user=retort&password=retort";
        }

        @Override
        Connection admin(int node) throws SQLException {
            return DriverManager.getConnection(url(node));
        }

        @Override
        javax.sql.DataSource dataSource(int node) {
            try {
                return new org.mariadb.jdbc.MariaDbDataSource(url(node));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        String whoSql() {
            return "SELECT CONCAT(IF(@@read_only, 'replica', 'primary'), ':', @@port)";
        }

        /** Rows read from the table, counted by the server itself (the nodes run with userstat on). */
        @Override
        long tableReads(int node, String table) {
            String rows = query(node, "SELECT ROWS_READ FROM information_schema.TABLE_STATISTICS WHERE TABLE_SCHEMA = 'retort' "
                    + "AND TABLE_NAME = '" + table + "'");
            return rows == null ? 0 : Long.parseLong(rows);
        }

        @Override
        void delayReplicas(int seconds) {
            run("delay", 1, seconds);
        }
    };

    /** Set by .ci/run: the replica tests may start clusters of their own. */
    static final String ENABLED_BY = "RETORT_TEST_CLUSTERS";

    private final String displayName;
    private final String script;
    final int nodes;
    private final String dirVariable;
    private final String portVariable;
    private final int basePort;
    private final Path dir;
    private boolean started;
    /** A test promoted a replica: the next test that needs the original roles gets a fresh cluster. */
    private boolean rolesChanged;

    Cluster(String displayName, String script, int nodes, String dirVariable, String portVariable, int basePort) {
        this.displayName = displayName;
        this.script = script;
        this.nodes = nodes;
        this.dirVariable = dirVariable;
        this.portVariable = portVariable;
        this.basePort = basePort;
        this.dir = Path.of(System.getProperty("retort.clusters.dir", "/tmp/retort-clusters-it")).resolve(script);
    }

    /** The JDBC URL of one node, as user retort. */
    abstract String url(int node);

    /** A connection to one node as a user that may read its replication state and settings. */
    abstract Connection admin(int node) throws SQLException;

    /** A plain (unpooled) data source for one node, as an application's own pool would be. */
    abstract javax.sql.DataSource dataSource(int node);

    /** SQL that tells which server runs it: {@code replica:port} or {@code primary:port}. */
    abstract String whoSql();

    /** How often the server read the table, by its own statistics. */
    abstract long tableReads(int node, String table);

    /** Makes every replica apply each commit {@code seconds} after the primary made it (0: at once again). */
    abstract void delayReplicas(int seconds);

    /** Waits (up to 10 s) until {@code sql} gives {@code expected} on the node, as a reloaded setting does. */
    void awaitSetting(int node, String sql, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String value = query(node, sql);
        while (!java.util.Objects.equals(value, expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = query(node, sql);
        }
        if (!java.util.Objects.equals(value, expected)) {
            throw new IllegalStateException(displayName + " node " + node + ": " + sql + " gives " + value + ", not " + expected);
        }
    }

    String displayName() {
        return displayName;
    }

    int port(int node) {
        return basePort + node;
    }

    /** The replicas' URLs, comma-separated, as the engine's {@code replicas} option takes them. */
    String replicaUrls() {
        StringBuilder urls = new StringBuilder();
        for (int node = 1; node < nodes; node++) {
            urls.append(node > 1 ? "," : "").append(url(node));
        }
        return urls.toString();
    }

    /** Starts the cluster from fresh folders unless it runs with its original roles already. */
    synchronized Cluster ensureStarted() {
        if (!started || rolesChanged) {
            run("init", 0);
            if (!started) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", 0)));
            }
            started = true;
            rolesChanged = false;
        }
        return this;
    }

    /** Stops one node (fast shutdown). */
    void halt(int node) {
        run("halt", node);
    }

    /** Starts a stopped node on its data and waits until it accepts connections. */
    void resume(int node) {
        run("resume", node);
    }

    /** Promotes a replica to primary (pg_ctl promote; on MariaDB STOP SLAVE, RESET SLAVE ALL, read_only off); the cluster is rebuilt for the next test that needs the first roles. */
    synchronized void promote(int node) {
        rolesChanged = true;
        run("promote", node);
    }

    /** Marks the roles as changed (a test stopped the primary for good). */
    synchronized void rolesChanged() {
        rolesChanged = true;
    }

    /** One value that {@code sql} gives on {@code node}, read through {@link #admin(int)}. */
    String query(int node, String sql) {
        try (Connection connection = admin(node); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(displayName + " node " + node + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} on {@code node} through {@link #admin(int)}. */
    void execute(int node, String sql) {
        try (Connection connection = admin(node); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(displayName + " node " + node + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private void run(String step, int node) {
        run(step, node, 0);
    }

    void run(String step, int node, int delaySeconds) {
        CiScript.run("clusters.sh", "retort_" + script + "_" + step, Map.of(dirVariable, dir.toString(),
                        portVariable, Integer.toString(basePort), "RETORT_CLUSTER_NODE", Integer.toString(node),
                        "RETORT_CLUSTER_DELAY", Integer.toString(delaySeconds)),
                displayName + " cluster " + step + " (node " + node + ")", 180);
    }
}
