package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.DatabaseUnavailableException;
import dev.retort.ReadOnly;
import dev.retort.Session;

/**
 * The PostgreSQL primary stops and a standby is promoted with {@code pg_ctl promote}: the engine's primary
 * URL lists both hosts with {@code targetServerType=primary}, so its pool finds the new primary by itself;
 * writes in the gap fail with {@link DatabaseUnavailableException}, and resume once the standby is promoted.
 */
@EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
class FailoverIT {
    private static final Cluster CLUSTER = Cluster.POSTGRESQL;

    @RegisterExtension
    final ReplicaWarnings warnings = new ReplicaWarnings();

    @Test
    void writesResumeOnThePromotedStandbyAndFailInTheGap() {
        String primaryUrl = "jdbc:postgresql://127.0.0.1:" + CLUSTER.port(0) + ",127.0.0.1:" + CLUSTER.port(1)
                + "/retort?user=retort&password=retort&targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
        CLUSTER.ensureStarted();
        try (Replicated replicated = Replicated.over(CLUSTER, primaryUrl, CLUSTER.replicaUrls(), "1s")) {
            assertThat(replicated.whoWrites()).isEqualTo(replicated.primary(0));
            CLUSTER.rolesChanged();
            long stopped = System.nanoTime();
            CLUSTER.halt(0);

            DatabaseUnavailableException gap = catchThrowableOfType(DatabaseUnavailableException.class,
                    () -> replicated.write("in the gap"));
            assertThat(gap.getMessage()).isEqualTo("Cannot connect to " + replicated.engine.location() + ": " + rootMessage(gap)
                    + ". Nothing was written. To fix this, check that the database server is running and reachable there, "
                    + "and that the URL and credentials are right; retrying is safe once it is.");

            replicated.promoteAndAwaitWrites(1, "PostgreSQL failover: pg_ctl promote", stopped);
            assertThat(replicated.whoWrites()).isEqualTo(replicated.primary(1));
            try (Session session = replicated.sessions.open()) {
                assertThat(session.query(Note.class).filterBy("text", "after promotion").count()).isEqualTo(1);
                assertThat(session.query(Note.class).filterBy("text", "in the gap").count()).isZero();
            }
            // The other standby still follows the stopped primary: it stops receiving WAL and leaves rotation.
            ReplicaRoutingIT.awaitTrue(() -> replicated.engine.replicasInRotation().stream()
                            .noneMatch(location -> location.contains(":" + CLUSTER.port(2) + "/")), 20,
                    "the orphaned standby is still in rotation: " + replicated.engine.replicasInRotation());
            assertThat(replicated.countAndWho(ReadOnly.readYourWrites(), "after promotion")).isEqualTo("1@" + replicated.primary(1));
        }
        assertThat(warnings.outOfRotation()).as("the engine warned that the orphaned standby left rotation")
                .anyMatch(line -> line.contains(":" + CLUSTER.port(2) + "/"));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
