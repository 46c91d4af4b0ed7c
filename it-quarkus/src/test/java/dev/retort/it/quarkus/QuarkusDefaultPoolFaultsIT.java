package dev.retort.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Quarkus's datasource with its defaults (no validation on borrow, background validation every 2 minutes,
 * Agroal's PostgreSQL exception sorter) under the same faults: what the README says happens without the
 * recommended configuration.
 */
@QuarkusTest
@TestProfile(FaultPoolProfiles.AsItComes.class)
@EnabledIfEnvironmentVariable(named = QuarkusFaultServer.ENABLED_BY, matches = "1")
class QuarkusDefaultPoolFaultsIT extends PoolFaultScenarios {

    /** The failed COMMIT's rollback hits the closed connection (SQLState 08003), which the default sorter destroys. */
    @Test
    void killedBetweenFlushAndCommitTheDefaultsRecoverToo() throws Exception {
        Throwable error = catchThrowable(() -> probe.addAndThen("killed", QuarkusFaultServer::kill));

        assertRolledBackWithoutCause(error);
        assertThat(QuarkusFaultServer.users("killed")).isZero();
        assertThat(failedCreates("after kill", 100)).isEmpty();
    }

    @Test
    void restartUnderAnIdlePoolEachOldConnectionFailsOneRequest() throws Exception {
        AfterRestart after = restartUnderAnIdlePool("after restart", 60);

        assertThat(after.statuses().subList(0, HELD)).containsOnly(500);
        assertThat(after.statuses().subList(HELD, 60)).containsOnly(201);
        assertThat(QuarkusFaultServer.users("after restart")).isEqualTo(60 - HELD);
        System.out.printf("[faults] Quarkus pool (defaults) restart under an idle pool of %d: the first %d requests failed "
                + "(500), one per old connection; the first success came %.1f ms after the server accepted connections "
                + "again%n", HELD, after.failures(), after.firstSuccessNanos() / 1e6);
    }
}
