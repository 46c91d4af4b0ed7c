package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.DatabaseUnavailableException;
import dev.retort.it.faults.FaultServer;
import dev.retort.it.faults.Payment;
import dev.retort.it.faults.RestartUnderLoad;

/**
 * The CDI path under faults: Weld SE, Narayana and the application's own Agroal pool (not Retort's) over
 * the fault suite's PostgreSQL server, which the tests restart and whose sessions they kill. The pool is
 * built through the XA data source (as the README shows) or the driver (local transactions), either
 * exactly as the README's DataSource example builds it or with the configuration the README recommends.
 */
@EnabledIfEnvironmentVariable(named = FaultServer.ENABLED_BY, matches = "1")
class CdiFaultsIT {
    private static final FaultServer SERVER = FaultServer.POSTGRESQL;
    private static final int POOL_SIZE = 10;

    private static WeldContainer boot(FaultPool.Setup setup) {
        SERVER.ensureStarted();
        FaultPool.use(setup);
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        try {
            return WeldContainers.start("retort-faults-" + setup, FaultPool.class, PaymentService.class, Payment.class);
        } finally {
            System.clearProperty("retort.schema-management.strategy");
        }
    }

    /** The account's rows, counted over a connection of its own (not the pool under test). */
    private static long rows(String account) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM fault_payments WHERE account = ?")) {
            statement.setString(1, account);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Runs one transaction on {@code runner}, so that a pool that waits without limit (Agroal's default
     * acquisition timeout) fails the test instead of hanging it; gives the exception, or null.
     */
    private static Throwable attempt(ExecutorService runner, Runnable transaction) throws Exception {
        try {
            runner.submit(transaction).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * Narayana commits; Retort has flushed and is not asked. The lost connection reaches the caller as the
     * transaction manager's verdict without a cause: XA (PGXAConnection's one-phase commit fails with
     * XAER_RMFAIL) gives a heuristic outcome, a local transaction (Agroal reports the failed COMMIT as
     * XA_RBROLLBACK) a rollback. The driver's error is only in Narayana's WARN log (ARJUNA016039).
     */
    @ParameterizedTest
    @EnumSource(FaultPool.Setup.class)
    void killedBetweenFlushAndCommitTheCallerGetsNarayanasVerdictNoRowAndTheNextHundredSucceed(FaultPool.Setup setup)
            throws Exception {
        WeldContainer container = boot(setup);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            PaymentService payments = container.select(PaymentService.class).get();

            Throwable error = catchThrowable(() -> payments.payAndThen("killed", 1, SERVER.backendIdSql(), SERVER::kill));

            if (setup.xa) {
                assertThat(error).isExactlyInstanceOf(HeuristicMixedException.class).hasMessage(null).hasNoCause();
            } else {
                assertThat(error).isExactlyInstanceOf(RollbackException.class)
                        .hasMessage("ARJUNA016053: Could not commit transaction.").hasNoCause();
            }
            assertThat(rows("killed")).isZero();
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int amount = i;
                Throwable failure = attempt(runner, () -> payments.pay("after", amount));
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(rows("after")).isEqualTo(100);
        } finally {
            runner.shutdownNow();
            container.shutdown();
        }
    }

    /** What 60 sequential transactions after a restart of the server under an idle, full pool gave. */
    private record AfterRestart(List<Throwable> failures, int firstSuccess, long firstSuccessNanos, long longestNanos) {
    }

    private static AfterRestart restartUnderAnIdlePool(PaymentService payments, ExecutorService runner) throws Exception {
        RestartUnderLoad.fillThePool(POOL_SIZE, payments::readAndHold);
        SERVER.halt();
        SERVER.resume();
        long back = System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        int firstSuccess = -1;
        long firstSuccessNanos = -1;
        long longest = 0;
        for (int i = 0; i < 60; i++) {
            int amount = i;
            long started = System.nanoTime();
            Throwable failure = attempt(runner, () -> payments.pay("idle", amount));
            longest = Math.max(longest, System.nanoTime() - started);
            if (failure != null) {
                failures.add(failure);
            } else if (firstSuccess < 0) {
                firstSuccess = i;
                firstSuccessNanos = System.nanoTime() - back;
            }
        }
        return new AfterRestart(failures, firstSuccess, firstSuccessNanos, longest);
    }

    @ParameterizedTest
    @EnumSource(names = {"XA_RECOMMENDED", "LOCAL_RECOMMENDED"})
    void restartUnderAnIdlePoolEveryTransactionAfterwardsSucceeds(FaultPool.Setup setup) throws Exception {
        WeldContainer container = boot(setup);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            PaymentService payments = container.select(PaymentService.class).get();

            AfterRestart after = restartUnderAnIdlePool(payments, runner);

            assertThat(after.failures()).isEmpty();
            assertThat(Duration.ofNanos(after.longestNanos())).isLessThan(Duration.ofSeconds(FaultPool.ACQUISITION_TIMEOUT_SECONDS));
            List<Future<?>> concurrent = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
            try {
                for (int i = 0; i < POOL_SIZE; i++) {
                    concurrent.add(threads.submit(() -> payments.pay("concurrent", 1)));
                }
                for (Future<?> result : concurrent) {
                    result.get(FaultPool.ACQUISITION_TIMEOUT_SECONDS * 2L, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(rows("idle")).isEqualTo(60);
            assertThat(rows("concurrent")).isEqualTo(POOL_SIZE);
            System.out.printf("[faults] CDI %s restart under an idle pool of %d: first transaction committed %.1f ms after "
                    + "the server accepted connections again; 60 sequential and %d concurrent transactions succeeded%n",
                    setup, POOL_SIZE, after.firstSuccessNanos() / 1e6, POOL_SIZE);
        } finally {
            runner.shutdownNow();
            container.shutdown();
        }
    }

    /**
     * The README's DataSource example as it stands (no validation, no exception sorter, Agroal's defaults):
     * every connection the pool held before the restart fails one transaction, then it is destroyed.
     */
    @ParameterizedTest
    @EnumSource(names = {"XA_AS_DOCUMENTED", "LOCAL_AS_DOCUMENTED"})
    void restartUnderAnIdlePoolWithoutValidationEachOldConnectionFailsOneTransaction(FaultPool.Setup setup) throws Exception {
        WeldContainer container = boot(setup);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            PaymentService payments = container.select(PaymentService.class).get();

            AfterRestart after = restartUnderAnIdlePool(payments, runner);

            assertThat(after.failures()).hasSize(POOL_SIZE);
            assertThat(after.firstSuccess()).isEqualTo(POOL_SIZE);
            assertThat(rows("idle")).isEqualTo(60 - POOL_SIZE);
            // Each failed in its flush (local: pgjdbc reports the server's goodbye, 57P01) or when the XA pool enlisted its connection.
            for (Throwable failure : after.failures()) {
                assertThat(failure).isExactlyInstanceOf(RollbackException.class);
            }
            if (!setup.xa) {
                assertThat(after.failures().get(0)).cause().isExactlyInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("FATAL: terminating connection due to administrator command");
            }
            System.out.printf("[faults] CDI %s (no validation) restart under an idle pool of %d: the first %d transactions "
                    + "failed, one per old connection; the first success came %.1f ms after the server accepted connections "
                    + "again%n", setup, POOL_SIZE, after.failures().size(), after.firstSuccessNanos() / 1e6);
        } finally {
            runner.shutdownNow();
            container.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"XA_RECOMMENDED", "LOCAL_RECOMMENDED"})
    void restartUnderEightWorkingThreadsOnlyTheGapFailsAndNobodyWaitsPastTheTimeout(FaultPool.Setup setup) throws Exception {
        WeldContainer container = boot(setup);
        try {
            PaymentService payments = container.select(PaymentService.class).get();

            // Narayana's RollbackException (a checked exception, rethrown by its interceptor) or Retort's.
            RestartUnderLoad.Outcome outcome = RestartUnderLoad.run(SERVER, 8, () -> payments.pay("worker", 1),
                    Exception.class, FaultPool.ACQUISITION_TIMEOUT_SECONDS * 2);

            assertThat(outcome.failedAfterwards()).isEmpty();
            assertThat(outcome.committed()).isGreaterThan(outcome.committedBeforeBack());
            assertThat(Duration.ofNanos(outcome.longest())).isLessThan(Duration.ofSeconds(FaultPool.ACQUISITION_TIMEOUT_SECONDS + 1));
            // A COMMIT cut off by the shutdown may have reached the server: at most the failed ones are extra.
            assertThat(rows("worker")).isBetween((long) outcome.committed(), (long) outcome.committed() + outcome.failedDuringOutage());
            System.out.printf("[faults] CDI %s restart under 8 working threads: %d transactions failed during the %.0f ms "
                    + "outage, none after; first commit %.1f ms after the server was back; %d committed, all present; "
                    + "longest transaction %.0f ms%n", setup, outcome.failedDuringOutage(), outcome.outage() / 1e6,
                    outcome.firstCommitAfterBack() / 1e6, outcome.committed(), outcome.longest() / 1e6);
        } finally {
            container.shutdown();
        }
    }
}
