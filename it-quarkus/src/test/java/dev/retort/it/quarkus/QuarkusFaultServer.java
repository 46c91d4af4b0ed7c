package dev.retort.it.quarkus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server of this module's fault tests, on its own port and folder (the pom passes
 * {@code retort.faults.port} and {@code retort.faults.dir}), started from a fresh folder on first use
 * through {@code .ci/databases.sh} and stopped when the JVM ends. The it module's {@code FaultServer}
 * does the same for its suite; this one is kept apart because the two modules share no test code.
 * Needs root and PostgreSQL, as {@code .ci/run} has; the tests run when {@code RETORT_TEST_FAULTS=1}.
 */
final class QuarkusFaultServer {
    static final String ENABLED_BY = "RETORT_TEST_FAULTS";

    private static final int PORT = Integer.getInteger("retort.faults.port", 5470);
    private static final Path DIR = Path.of(System.getProperty("retort.faults.dir", "/tmp/retort-faults-quarkus")).resolve("pg");
    private static boolean started;

    private QuarkusFaultServer() {
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/retort";
    }

    static synchronized void ensureStarted() {
        if (!started) {
            run("init");
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run("halt")));
        }
    }

    /** Stops the server (fast shutdown: its sessions end, their transactions roll back). */
    static void halt() {
        run("halt");
    }

    /** Starts the stopped server on the same data and waits until it accepts connections. */
    static void resume() {
        run("resume");
    }

    /** Ends one session of the server from another connection, as an administrator or a crash would. */
    static void kill(long backend) {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + backend + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not kill session " + backend + ": " + e.getMessage(), e);
        }
    }

    /** The users of that name, counted over a connection of its own (not the application's pool). */
    static long users(String name) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM users WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "retort", "retort");
    }

    private static void run(String step) {
        Path scripts = Path.of(System.getProperty("retort.ci.dir", "../.ci")).resolve("databases.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "source '" + scripts + "' && retort_pg_" + step))
                .redirectErrorStream(true);
        builder.environment().put("RETORT_PG_DIR", DIR.toString());
        builder.environment().put("RETORT_PG_PORT", Integer.toString(PORT));
        try {
            Path log = Files.createTempFile("retort-fault-pg", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL " + step + " took over two minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL " + step + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL " + step + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("PostgreSQL " + step + " interrupted", e);
        }
    }
}
