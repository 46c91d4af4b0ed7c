package dev.retort.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Replicas in Quarkus over a PostgreSQL primary and two streaming replicas: {@code quarkus.retort.replicas} names the
 * replicas' datasources, {@code @ReadOnlyTransaction} methods read from them and see the thread's own commits (from the
 * primary while the replicas lag), other transactions run on the primary, and a write in a marked method is refused.
 */
@QuarkusTest
@TestProfile(ReplicasProfile.class)
@EnabledIfEnvironmentVariable(named = ReplicaCluster.ENABLED_BY, matches = "1")
class QuarkusReplicasIT {
    @Inject
    ReplicaUsers users;

    @Inject
    Engine engine;

    @Test
    void readOnlyTransactionsReadFromAReplicaAndSeeTheThreadsCommits() {
        assertThat(engine.replicasInRotation()).containsExactly("the Quarkus datasource 'r1'", "the Quarkus datasource 'r2'");

        users.add("ada");

        assertThat(users.whoWrites()).isEqualTo("primary");
        assertThat(users.countAndWho("ada")).isEqualTo("1@replica");
        users.add("ada");
        assertThat(users.countAndWho("ada")).as("read-your-writes on a replica").isEqualTo("2@replica");
    }

    @Test
    void whileTheReplicasLagAReadOnlyTransactionReadsItsWriteFromThePrimary() {
        ReplicaCluster.delayReplicas(5);
        try {
            users.add("grace");
            assertThat(users.countAndWho("grace")).isEqualTo("1@primary");
        } finally {
            ReplicaCluster.delayReplicas(0);
        }
    }

    @Test
    void commitAndRollbackInAReadOnlyTransactionAreRefusedWithTheContainersFix() {
        users.add("linus");
        assertThat(users.countAndWho("linus")).as("the read-only transactions below run on a replica").isEqualTo("1@replica");

        for (boolean commit : new boolean[] {true, false}) {
            String call = commit ? "commit()" : "rollback()";
            assertThat(catchThrowable(() -> users.endReadOnlyByHand(commit))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session." + call + " is not allowed on a container-managed session: the container owns the "
                            + "transaction. To fix this, remove the call and let @jakarta.transaction.Transactional commit when "
                            + "the method returns (throw an exception or call setRollbackOnly() to roll back).");
        }
    }

    @Test
    void aWriteInAReadOnlyTransactionIsRefusedWithTheFix() {
        Throwable refused = catchThrowable(() -> users.addInReadOnly("refused"));

        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("Cannot add User: the transaction runs a "
                + "method annotated @ReadOnlyTransaction, whose session only reads (from a replica, or from the primary while "
                + "every replica lags) and takes no writes. To fix this, remove @ReadOnlyTransaction from the method, or move "
                + "the write to a method without it.");
    }
}
