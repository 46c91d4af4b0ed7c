package dev.retort.it.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import dev.retort.it.CiScript;

/**
 * A database server of the fault suite's own, on its own port and folder, that tests stop, start and
 * whose sessions they kill. It is started (from a fresh folder) on first use through
 * {@code .ci/databases.sh}, and stopped when the test JVM ends. Needs root and the server packages, as
 * {@code .ci/run} has; the fault tests run when {@code RETORT_TEST_FAULTS=1}.
 */
public enum FaultServer {
    POSTGRESQL("PostgreSQL", "pg", "RETORT_PG_DIR", "RETORT_PG_PORT") {
        @Override
        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/retort?user=retort&password=retort";
        }

        @Override
        String killSql(long backend) {
            return "SELECT pg_terminate_backend(" + backend + ")";
        }

        @Override
        public String backendIdSql() {
            return "SELECT pg_backend_pid()";
        }
    },
    MARIADB("MariaDB", "my", "RETORT_MY_DIR", "RETORT_MY_PORT") {
        @Override
        public String jdbcUrl() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/retort?user=retort&password=retort";
        }

        @Override
        String killSql(long backend) {
            return "KILL " + backend;
        }

        @Override
        public String backendIdSql() {
            return "SELECT CONNECTION_ID()";
        }
    };

    /** Set by .ci/run: the fault tests may start, stop and restart servers of their own. */
    public static final String ENABLED_BY = "RETORT_TEST_FAULTS";

    private final String displayName;
    private final String script;
    private final String dirVariable;
    private final String portVariable;
    final int port;
    private final Path dir;
    private boolean started;

    FaultServer(String displayName, String script, String dirVariable, String portVariable) {
        this.displayName = displayName;
        this.script = script;
        this.dirVariable = dirVariable;
        this.portVariable = portVariable;
        // Each module running fault tests passes its own base port and folder (see its pom), so suites never share a server.
        int base = Integer.getInteger("retort.faults.base-port", 5460);
        this.port = base + ordinal();
        this.dir = Path.of(System.getProperty("retort.faults.dir", "/tmp/retort-faults")).resolve(script);
    }

    public abstract String jdbcUrl();

    /** SQL that gives the server's id of the connection running it. */
    public abstract String backendIdSql();

    abstract String killSql(long backend);

    public String displayName() {
        return displayName;
    }

    /** Starts the server from a fresh folder, once per JVM. */
    public synchronized FaultServer ensureStarted() {
        if (!started) {
            run("init");
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run("halt")));
        }
        return this;
    }

    /** Stops the server (fast shutdown: its sessions end, their transactions roll back). */
    public void halt() {
        run("halt");
    }

    /** Starts the stopped server on the same data and waits until it accepts connections. */
    public void resume() {
        run("resume");
    }

    /** Ends one session of the server from another connection, as an administrator or a crash would. */
    public void kill(long backend) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl()); Statement statement = admin.createStatement()) {
            statement.execute(killSql(backend));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not kill session " + backend + " on " + displayName + ": " + e.getMessage(), e);
        }
    }

    private void run(String step) {
        CiScript.run("databases.sh", "retort_" + script + "_" + step,
                Map.of(dirVariable, dir.toString(), portVariable, Integer.toString(port)), displayName + " " + step, 120);
    }
}
