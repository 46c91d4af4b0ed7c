package dev.retort.it.quarkus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This module's PostgreSQL primary (node 0) with two streaming replicas (nodes 1, 2), started from fresh folders through
 * {@code .ci/clusters.sh} on first use, on its own ports and folder (the pom passes {@code retort.clusters.pg-port} and
 * {@code retort.clusters.dir}, apart from it/'s cluster), and stopped when the JVM ends. Needs root and PostgreSQL, as
 * {@code .ci/run} has; the tests run when {@code RETORT_TEST_CLUSTERS=1}.
 */
final class ReplicaCluster {
    static final String ENABLED_BY = "RETORT_TEST_CLUSTERS";

    private static final int PORT = Integer.getInteger("retort.clusters.pg-port", 5483);
    private static final Path DIR = Path.of(System.getProperty("retort.clusters.dir", "/tmp/retort-clusters-quarkus")).resolve("pgc");
    private static boolean started;

    private ReplicaCluster() {
    }

    static String jdbcUrl(int node) {
        return "jdbc:postgresql://127.0.0.1:" + (PORT + node) + "/retort";
    }

    static synchronized void ensureStarted() {
        if (!started) {
            run("init");
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop")));
        }
    }

    /** Makes both replicas apply each commit {@code seconds} after the primary made it (0: at once again). */
    static void delayReplicas(int seconds) {
        for (int node = 1; node <= 2; node++) {
            try (Connection admin = DriverManager.getConnection(jdbcUrl(node), "postgres", "secret");
                 Statement statement = admin.createStatement()) {
                statement.execute("ALTER SYSTEM SET recovery_min_apply_delay = '" + seconds + "s'");
                statement.execute("SELECT pg_reload_conf()");
                awaitDelay(statement, seconds == 0 ? "0" : seconds + "s");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set the delay of replica " + node + ": " + e.getMessage(), e);
            }
        }
    }

    /** Waits (up to 10 s) until the replica's server process has reloaded the setting: the reload signal is asynchronous. */
    private static void awaitDelay(Statement statement, String expected) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String value;
            try (java.sql.ResultSet row = statement.executeQuery("SHOW recovery_min_apply_delay")) {
                row.next();
                value = row.getString(1);
            }
            if (value.equals(expected)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("recovery_min_apply_delay is " + value + " 10 s after the reload, not " + expected);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void run(String step) {
        Path scripts = Path.of(System.getProperty("retort.ci.dir", "../.ci")).resolve("clusters.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "source '" + scripts + "' && retort_pgc_" + step))
                .redirectErrorStream(true);
        builder.environment().put("RETORT_PGC_DIR", DIR.toString());
        builder.environment().put("RETORT_PGC_PORT", Integer.toString(PORT));
        try {
            Path log = Files.createTempFile("retort-quarkus-pgc", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL cluster " + step + " took over three minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL cluster " + step + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL cluster " + step + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("PostgreSQL cluster " + step + " interrupted", e);
        }
    }
}
