package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Retry;
import dev.retort.SessionFactory;
import dev.retort.TransactionConflictException;

/**
 * Updates of one row on two nodes of a real three-node Galera cluster: the commit that loses certification
 * fails with a {@link TransactionConflictException}, and {@link Retry} runs its unit of work again until the
 * total is right on every node. With updates from three nodes at once, a transaction can also read a total
 * that another node replaced before it wrote; the row's {@code @Version} turns that into a
 * {@link dev.retort.StaleObjectException}, which Retry runs again too (without it, the update would be lost).
 */
@EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
class GaleraIT {
    private static final Metadata METADATA = Metadata.of(Counter.class);
    private final List<Engine> engines = new ArrayList<>();
    private final List<SessionFactory> nodes = new ArrayList<>();

    @BeforeEach
    void oneCounterAndAnEnginePerNode() {
        Galera.ensureStarted();
        for (int node = 0; node < Galera.NODES; node++) {
            Engine engine = Engine.create(Galera.url(node), Map.of("pool-size", 4, "acquisition-timeout-seconds", 10));
            engines.add(engine);
            nodes.add(SessionFactory.of(engine, METADATA));
        }
        METADATA.dropAll(engines.get(0));
        METADATA.createAll(engines.get(0));
        nodes.get(0).useTransaction(session -> session.add(new Counter(1)));
        for (SessionFactory node : nodes) {
            // A node applies what others certified a moment later (wsrep_sync_wait is off): the table itself may
            // not be there yet on a loaded machine.
            ReplicaRoutingIT.awaitTrue(() -> {
                try {
                    return total(node) != null;
                } catch (dev.retort.DatabaseException notYetApplied) {
                    return false;
                }
            }, 10, "the counter did not reach every node");
        }
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(Engine::close);
    }

    /**
     * Adds {@code amount} on node 0 (the UPDATE runs, so node 0 holds the row), and on the first attempt only lets
     * node 1 add 10 and commit in between, which wins certification.
     */
    private int addWithAnUpdateOnNodeOneInBetween(int amount, AtomicInteger attempts, Retry retry) {
        return nodes.get(0).inTransaction(session -> {
            Counter counter = session.get(Counter.class, 1L);
            counter.total += amount;
            session.flush();
            if (attempts.incrementAndGet() == 1) {
                nodes.get(1).useTransaction(other -> other.get(Counter.class, 1L).total += 10);
            }
            return counter.total;
        }, retry);
    }

    @Test
    void theCommitThatLosesCertificationFailsWithATransactionConflict() {
        TransactionConflictException conflict = catchThrowableOfType(TransactionConflictException.class,
                () -> addWithAnUpdateOnNodeOneInBetween(1, new AtomicInteger(), Retry.none()));

        assertThat(conflict.getMessage()).isEqualTo("COMMIT failed on MySQL/MariaDB: " + conflict.getCause().getMessage()
                + ". The transaction conflicted with a concurrent one and was rolled back. To fix this, run the unit of work "
                + "again (Retry does it for you).");
        assertThat(Retry.isRetryable(conflict)).isTrue();
        for (SessionFactory node : nodes) {
            ReplicaRoutingIT.awaitTrue(() -> Integer.valueOf(10).equals(total(node)), 10, "node 1's update is not everywhere");
        }
    }

    @Test
    void retryRunsTheUnitOfWorkThatLostCertificationAgainAndTheTotalIsRight() {
        AtomicInteger attempts = new AtomicInteger();
        int seen = addWithAnUpdateOnNodeOneInBetween(1, attempts, Retry.times(10).backoff(Duration.ofMillis(20), Duration.ofMillis(200)));

        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(seen).isEqualTo(11);
        for (SessionFactory node : nodes) {
            ReplicaRoutingIT.awaitTrue(() -> Integer.valueOf(11).equals(total(node)), 10, "the total is not 11 everywhere");
        }
    }

    @Test
    void concurrentIncrementsOnThreeNodesWithRetryLoseNothing() {
        int perNode = 15;
        AtomicInteger attempts = new AtomicInteger();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (SessionFactory node : nodes) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perNode; i++) {
                    node.useTransaction(session -> {
                        attempts.incrementAndGet();
                        session.get(Counter.class, 1L).total += 1;
                    }, Retry.times(30).backoff(Duration.ofMillis(5), Duration.ofMillis(200)));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();

        System.out.printf("[replicas] Galera: %d increments from three nodes at once took %d attempts (%d retried after a "
                + "conflict or a stale version)%n", perNode * Galera.NODES, attempts.get(), attempts.get() - perNode * Galera.NODES);
        for (SessionFactory node : nodes) {
            ReplicaRoutingIT.awaitTrue(() -> Integer.valueOf(perNode * Galera.NODES).equals(total(node)), 10,
                    "the total is not " + perNode * Galera.NODES + " everywhere");
        }
    }

    private static Integer total(SessionFactory node) {
        return node.inTransaction(session -> {
            Counter counter = session.get(Counter.class, 1L);
            return counter == null ? null : counter.total;
        });
    }
}
