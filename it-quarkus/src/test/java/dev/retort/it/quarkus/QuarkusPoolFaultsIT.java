package dev.retort.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Quarkus's own datasource under faults, configured as the README recommends, on a PostgreSQL server the
 * test starts, restarts and whose sessions it kills.
 */
@QuarkusTest
@TestProfile(FaultPoolProfiles.Recommended.class)
@EnabledIfEnvironmentVariable(named = QuarkusFaultServer.ENABLED_BY, matches = "1")
class QuarkusPoolFaultsIT extends PoolFaultScenarios {

    /**
     * As on the CDI path with a local (non-XA) pool: Agroal reports the failed COMMIT as a rollback
     * (XA_RBROLLBACK) and Narayana's RollbackException carries no cause.
     */
    @Test
    void killedBetweenFlushAndCommitTheCallerGetsARollbackNoRowAndTheNextHundredRequestsSucceed() throws Exception {
        Throwable error = catchThrowable(() -> probe.addAndThen("killed", QuarkusFaultServer::kill));

        assertRolledBackWithoutCause(error);
        assertThat(QuarkusFaultServer.users("killed")).isZero();
        assertThat(failedCreates("after kill", 100)).isEmpty();
        assertThat(QuarkusFaultServer.users("after kill")).isEqualTo(100);
    }

    @Test
    void restartUnderAnIdlePoolEveryRequestAfterwardsSucceeds() throws Exception {
        AfterRestart after = restartUnderAnIdlePool("after restart", 60);

        assertThat(after.statuses()).containsOnly(201);
        // Not the acquisition timeout (5 s): in some runs the first request after the restart took 3.8-5.4 s, with
        // or without validation (the defaults' first success once came 5.6 s after), in others 0.1 s; not isolated yet.
        assertThat(Duration.ofNanos(after.longestNanos())).isLessThan(Duration.ofSeconds(10));
        assertThat(QuarkusFaultServer.users("after restart")).isEqualTo(60);
        System.out.printf("[faults] Quarkus pool (validate-on-borrow) restart under an idle pool of %d: first request "
                + "committed %.1f ms after the server accepted connections again; 60 sequential requests succeeded%n",
                HELD, after.firstSuccessNanos() / 1e6);
    }
}
