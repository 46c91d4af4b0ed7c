package dev.retort.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.DatabaseUnavailableException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Retry;
import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * The engine's own pool under faults on real servers of the suite's own: a session's connection killed
 * between flush and commit or during a query, and the server restarted under an idle pool and under
 * eight working threads. Nothing is mocked: the servers are stopped and started for real.
 */
@EnabledIfEnvironmentVariable(named = FaultServer.ENABLED_BY, matches = "1")
class EngineFaultsIT {
    private static final int ACQUISITION_TIMEOUT_SECONDS = 5;

    private static Engine engine(FaultServer server) {
        Engine engine = Engine.create(server.ensureStarted().jdbcUrl(),
                Map.of("pool-size", 10, "acquisition-timeout-seconds", ACQUISITION_TIMEOUT_SECONDS));
        Metadata metadata = Metadata.of(Payment.class);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        return engine;
    }

    private static long count(SessionFactory sessions, String account) {
        return sessions.inTransaction(session -> session.query(Payment.class).filterBy("account", account).count());
    }

    @ParameterizedTest
    @EnumSource(FaultServer.class)
    void killedBetweenFlushAndCommitLeavesNoRowAndTheNextHundredSessionsSucceed(FaultServer server) {
        try (Engine engine = engine(server)) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Payment.class));
            DatabaseUnavailableException error;
            try (Session session = sessions.open()) {
                session.add(new Payment("killed", 1));
                session.flush();
                server.kill(session.sql(server.backendIdSql()).scalar(Long.class));

                error = catchThrowableOfType(DatabaseUnavailableException.class, session::commit);
            }

            assertThat(error.getMessage()).isEqualTo("Lost the connection to " + engine.location() + " during COMMIT: "
                    + error.getCause().getMessage() + ". The database rolled the transaction back unless the COMMIT reached "
                    + "it before the connection broke, so it may or may not be committed. To fix this, check whether its "
                    + "changes are there before running the unit of work again.");
            assertThat(error.commitOutcomeUnknown()).isTrue();
            assertThat(Retry.isRetryable(error)).isFalse();
            assertThat(count(sessions, "killed")).isZero();
            for (int i = 0; i < 100; i++) {
                int amount = i;
                sessions.useTransaction(session -> session.add(new Payment("after", amount)));
            }
            assertThat(count(sessions, "after")).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultServer.class)
    void killedDuringAQueryTheSessionIsUsableAfterRollback(FaultServer server) {
        try (Engine engine = engine(server)) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Payment.class));
            try (Session session = sessions.open()) {
                session.add(new Payment("lost", 1));
                session.flush();
                server.kill(session.sql(server.backendIdSql()).scalar(Long.class));

                DatabaseUnavailableException error = catchThrowableOfType(DatabaseUnavailableException.class,
                        () -> session.query(Payment.class).count());

                assertThat(error.getMessage()).startsWith("Lost the connection to " + engine.location() + " during a query: "
                        + error.getCause().getMessage() + " [SQL: SELECT COUNT(*) FROM fault_payments]. ")
                        .endsWith("The database rolls back the transaction that was open on it: nothing it wrote was "
                                + "committed. To fix this, call session.rollback() (in a container transaction, let it roll "
                                + "back) and run the unit of work again once the database is reachable; retrying is safe.");
                assertThat(error.commitOutcomeUnknown()).isFalse();
                assertThat(Retry.isRetryable(error)).isTrue();

                session.rollback();
                session.add(new Payment("same session", 2));
                session.commit();
                assertThat(session.query(Payment.class).filterBy("account", "same session").count()).isEqualTo(1);
            }
            assertThat(count(sessions, "lost")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(FaultServer.class)
    void restartUnderAnIdlePoolEverySessionAfterwardsSucceeds(FaultServer server) throws Exception {
        try (Engine engine = engine(server)) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Payment.class));
            RestartUnderLoad.fillThePool(10, body -> sessions.useTransaction(session -> {
                session.query(Payment.class).count();
                body.run();
            }));

            server.halt();
            server.resume();
            long back = System.nanoTime();

            long firstSuccess = -1;
            for (int i = 0; i < 60; i++) {
                long started = System.nanoTime();
                assertThat(count(sessions, "none")).isZero();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(ACQUISITION_TIMEOUT_SECONDS));
                firstSuccess = firstSuccess < 0 ? System.nanoTime() - back : firstSuccess;
            }
            List<Future<Long>> concurrent = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(10);
            try {
                for (int i = 0; i < 10; i++) {
                    concurrent.add(threads.submit(() -> count(sessions, "none")));
                }
                for (Future<Long> result : concurrent) {
                    assertThat(result.get(ACQUISITION_TIMEOUT_SECONDS * 2L, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                threads.shutdownNow();
            }
            System.out.printf("[faults] %s restart under an idle pool of 10: first session succeeded %.1f ms after the "
                    + "server accepted connections again; 60 sequential and 10 concurrent sessions succeeded%n",
                    server.displayName(), firstSuccess / 1e6);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultServer.class)
    void restartUnderEightWorkingThreadsOnlyTheGapFailsAndNobodyWaitsPastTheTimeout(FaultServer server) throws Exception {
        try (Engine engine = engine(server)) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Payment.class));

            RestartUnderLoad.Outcome outcome = RestartUnderLoad.run(server, 8,
                    () -> sessions.useTransaction(session -> session.add(new Payment("worker", 1))),
                    DatabaseUnavailableException.class, ACQUISITION_TIMEOUT_SECONDS * 2);

            assertThat(outcome.failedAfterwards()).isEmpty();
            assertThat(outcome.committed()).isGreaterThan(outcome.committedBeforeBack());
            assertThat(Duration.ofNanos(outcome.longest())).isLessThan(Duration.ofSeconds(ACQUISITION_TIMEOUT_SECONDS + 1));
            // A COMMIT cut off by the restart may have reached the server: only the failures whose outcome the engine
            // reports as unknown may be extra rows; every other failure wrote nothing.
            assertThat(outcome.outcomeUnknown()).isLessThanOrEqualTo(outcome.failedDuringOutage());
            assertThat(count(sessions, "worker")).isBetween((long) outcome.committed(),
                    (long) outcome.committed() + outcome.outcomeUnknown());
            System.out.printf("[faults] %s restart under 8 working threads: %d sessions failed during the %.0f ms outage "
                    + "(%d of them with an unknown commit outcome), none after; first commit %.1f ms after the server was back; "
                    + "%d committed, all present; longest session %.0f ms%n", server.displayName(), outcome.failedDuringOutage(),
                    outcome.outage() / 1e6, outcome.outcomeUnknown(), outcome.firstCommitAfterBack() / 1e6, outcome.committed(),
                    outcome.longest() / 1e6);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultServer.class)
    void retryRunsTheUnitOfWorkAgainAcrossARestart(FaultServer server) throws Exception {
        try (Engine engine = engine(server)) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Payment.class));
            ExecutorService restarter = Executors.newSingleThreadExecutor();
            try {
                CountDownLatch inTransaction = new CountDownLatch(1);
                Future<?> restart = restarter.submit(() -> {
                    inTransaction.await();
                    server.halt();
                    server.resume();
                    return null;
                });
                AtomicInteger attempts = new AtomicInteger();
                sessions.useTransaction(session -> {
                    attempts.incrementAndGet();
                    session.add(new Payment("retried", 7));
                    session.flush();
                    if (attempts.get() == 1) {
                        inTransaction.countDown();
                        try {
                            restart.get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    session.query(Payment.class).count();
                }, Retry.times(10).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

                assertThat(attempts.get()).isGreaterThan(1);
                assertThat(count(sessions, "retried")).isEqualTo(1);
            } finally {
                restarter.shutdownNow();
            }
        }
    }
}
