package dev.retort.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code quarkus.retort.replica.wait} reaches the engine: with 30s, a read-only transaction after a write waits for the
 * delayed replicas and reads from one, where the default wait (1 s) would read from the primary.
 */
@QuarkusTest
@TestProfile(ReplicaWaitProfile.class)
@EnabledIfEnvironmentVariable(named = ReplicaCluster.ENABLED_BY, matches = "1")
class QuarkusReplicaSettingsIT {
    @Inject
    ReplicaUsers users;

    @Test
    void aLongWaitReadsTheThreadsWriteFromADelayedReplica() {
        users.add("before the delay");
        assertThat(users.countAndWho("before the delay")).isEqualTo("1@replica");
        ReplicaCluster.delayReplicas(2);
        try {
            users.add("waited for");
            long start = System.nanoTime();
            String read = users.countAndWho("waited for");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(read).as("with the default wait (1 s) this read would go to the primary").isEqualTo("1@replica");
            assertThat(took).as("the replicas apply the commit 2 s after it").isGreaterThan(Duration.ofMillis(1000));
        } finally {
            ReplicaCluster.delayReplicas(0);
        }
    }
}
