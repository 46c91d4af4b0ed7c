package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.DatabaseUnavailableException;
import dev.retort.Session;
import dev.retort.dialect.Replication;

/**
 * The MariaDB primary stops and its GTID replica is promoted (STOP SLAVE, RESET SLAVE ALL, read_only off): the
 * engine's primary URL lists both hosts, so each new connection goes to the first that accepts writes
 * ({@code dev.retort.engine.WritableHost}); writes in the gap, when the only host that answers is still
 * read-only, fail with {@link DatabaseUnavailableException}, and resume once the replica is promoted; the promoted
 * node, which kept a binary log as a replica, gives GTID positions of its own writes.
 */
@EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
class MariaDbFailoverIT {
    private static final Cluster CLUSTER = Cluster.MARIADB;

    @RegisterExtension
    final ReplicaWarnings warnings = new ReplicaWarnings();

    @Test
    void writesResumeOnThePromotedReplicaAndFailInTheGap() throws SQLException {
        String hosts = "127.0.0.1:" + CLUSTER.port(0) + ",127.0.0.1:" + CLUSTER.port(1);
        String primaryUrl = "jdbc:mariadb://" + hosts + "/retort?user=retort&password=retort&connectTimeout=2000";
        CLUSTER.ensureStarted();
        try (Replicated replicated = Replicated.over(CLUSTER, primaryUrl, CLUSTER.replicaUrls(), "1s")) {
            assertThat(replicated.whoWrites()).isEqualTo(replicated.primary(0));
            CLUSTER.rolesChanged();
            long stopped = System.nanoTime();
            CLUSTER.halt(0);

            DatabaseUnavailableException gap = catchThrowableOfType(DatabaseUnavailableException.class,
                    () -> replicated.write("in the gap"));
            assertThat(gap.getMessage()).isEqualTo("Cannot connect to " + replicated.engine.location() + ": no host accepts writes: 127.0.0.1:"
                    + CLUSTER.port(0) + " (Socket fail to connect to 127.0.0.1:" + CLUSTER.port(0) + ". Connection refused), 127.0.0.1:" + CLUSTER.port(1)
                    + " (read-only: a replica, not the primary). Nothing was written. To fix this, check that the database "
                    + "server is running and reachable there, and that the URL and credentials are right; retrying is safe once it is.");

            replicated.promoteAndAwaitWrites(1, "MariaDB failover: the promotion", stopped);
            assertThat(replicated.whoWrites()).isEqualTo(replicated.primary(1));
            try (Session session = replicated.sessions.open()) {
                assertThat(session.query(Note.class).filterBy("text", "after promotion").count()).isEqualTo(1);
                assertThat(session.query(Note.class).filterBy("text", "in the gap").count()).isZero();
                assertThat(session.query(Note.class).filterBy("text", "first").count()).isEqualTo(1);
            }
            // The promoted node logs its own transactions (server id 2, after the GTIDs it applied as a replica), so
            // it gives positions for read-your-writes and could serve replicas of its own.
            Replication replication = replicated.engine.dialect().replication().orElseThrow();
            try (Connection promoted = CLUSTER.admin(1)) {
                assertThat(replication.currentPosition(promoted)).matches("0-2-\\d+");
            }
            assertThat(replicated.engine.lastCommit().toString()).as("the write's own GTID, read after its commit")
                    .matches("0-2-\\d+");
        }
    }
}
