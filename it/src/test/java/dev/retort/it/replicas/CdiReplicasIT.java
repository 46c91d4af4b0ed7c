package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ServiceLoader;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;

/**
 * Replicas in a CDI application (Weld + Narayana + Agroal) over the suite's PostgreSQL cluster: {@code retort.replicas}
 * names the replicas' DataSource beans, {@code @ReadOnlyTransaction} methods read from them (and see the thread's own
 * commits, from the primary when every replica lags), other transactions run on the primary, and every write in a
 * read-only transaction is refused with the container's fix.
 */
@EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
class CdiReplicasIT {
    private static WeldContainer container;

    @BeforeAll
    static void start() {
        Cluster.POSTGRESQL.ensureStarted();
        System.setProperty("retort.datasource", "primary");
        System.setProperty("retort.replicas", "replica1,replica2");
        System.setProperty("retort.entities", Note.class.getName());
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        try {
            Weld weld = new Weld("cdi-replicas").disableDiscovery().addBeanClasses(ReplicaPools.class, ReplicaNotes.class);
            ServiceLoader.load(Extension.class).forEach(weld::addExtension);
            container = weld.initialize();
        } finally {
            System.clearProperty("retort.datasource");
            System.clearProperty("retort.replicas");
            System.clearProperty("retort.entities");
            System.clearProperty("retort.schema-management.strategy");
        }
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void readOnlyTransactionsReadFromAReplicaAndSeeTheThreadsCommits() {
        ReplicaNotes notes = container.select(ReplicaNotes.class).get();
        Engine engine = container.select(Engine.class).get();
        assertThat(engine.replicasInRotation()).containsExactly("the DataSource bean 'replica1'", "the DataSource bean 'replica2'");

        notes.write("cdi");

        assertThat(notes.whoWrites()).isEqualTo("primary");
        assertThat(notes.countAndWho("cdi")).isEqualTo("1@replica");
        notes.write("cdi");
        assertThat(notes.countAndWho("cdi")).as("read-your-writes on a replica").isEqualTo("2@replica");
    }

    @Test
    void everyWriteInAReadOnlyTransactionIsRefusedWithTheContainersFix() {
        ReplicaNotes notes = container.select(ReplicaNotes.class).get();
        notes.write("kept");

        assertThat(catchThrowable(() -> notes.writeInReadOnly("refused"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage(refusal("add Note"));
        assertThat(catchThrowable(() -> notes.bulkUpdateInReadOnly())).isInstanceOf(InvalidRequestException.class)
                .hasMessage(refusal("update Note rows"));
        assertThat(catchThrowable(() -> notes.sqlUpdateInReadOnly("refused"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage(refusal("run session.sql(...).execute()"));
        assertThat(catchThrowable(() -> notes.renameThenCountInReadOnly("kept", "renamed on a replica")))
                .as("the autoflush of a changed object").isInstanceOf(InvalidRequestException.class)
                .hasMessage(refusal("flush changes"));
        assertThat(notes.countAndWho("refused")).isEqualTo("0@replica");
    }

    @Test
    void whenEveryReplicaLagsAReadOnlyTransactionReadsItsWriteFromThePrimaryAndStillRefusesWrites() {
        ReplicaNotes notes = container.select(ReplicaNotes.class).get();
        Engine engine = container.select(Engine.class).get();
        Cluster.POSTGRESQL.delayReplicas(5);
        try {
            awaitBothInRotation(engine);
            notes.write("lagging");

            long start = System.nanoTime();
            String read = notes.countAndWho("lagging");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(read).as("read-your-writes: no replica has the note within replicas.wait").isEqualTo("1@primary");
            assertThat(took).as("the wait for a replica is bounded by replicas.wait (1 s)").isLessThan(Duration.ofSeconds(4));
            assertThat(catchThrowable(() -> notes.writeInReadOnly("refused"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage(refusal("add Note"));
            assertThat(catchThrowable(() -> notes.renameThenCountInReadOnly("lagging", "renamed")))
                    .isInstanceOf(InvalidRequestException.class).hasMessage(refusal("flush changes"));
            assertThat(notes.countAndWho("renamed")).isEqualTo("0@primary");
        } finally {
            Cluster.POSTGRESQL.delayReplicas(0);
        }
        awaitBothInRotation(engine);
        assertThat(notes.countAndWho("lagging")).as("once caught up, reads are back on a replica").isEqualTo("1@replica");
    }

    @Test
    void commitAndRollbackInAReadOnlyTransactionAreRefusedAsInAnyContainerTransaction() {
        ReplicaNotes notes = container.select(ReplicaNotes.class).get();
        Engine engine = container.select(Engine.class).get();
        awaitBothInRotation(engine);
        notes.write("before");
        assertThat(notes.countAndWho("before")).as("the read-only transactions below run on a replica").isEqualTo("1@replica");

        assertThat(catchThrowable(() -> notes.endByHand(true))).as("the ordinary injected session")
                .isInstanceOf(InvalidRequestException.class).hasMessage(containerOwns("commit()"));
        assertThat(catchThrowable(() -> notes.endReadOnlyByHand(true))).isInstanceOf(InvalidRequestException.class)
                .hasMessage(containerOwns("commit()"));
        assertThat(catchThrowable(() -> notes.endReadOnlyByHand(false))).isInstanceOf(InvalidRequestException.class)
                .hasMessage(containerOwns("rollback()"));
        assertThat(catchThrowable(notes::beginInReadOnly)).isInstanceOf(InvalidRequestException.class)
                .hasMessage(containerOwns("begin()"));
        assertThat(notes.countAndWho("ended by hand")).isEqualTo("0@replica");

        Cluster.POSTGRESQL.delayReplicas(5);
        try {
            awaitBothInRotation(engine);
            notes.write("lagging, ended by hand");
            assertThat(notes.countAndWho("lagging, ended by hand"))
                    .as("now on the primary, joined to the transaction").isEqualTo("1@primary");
            // A write before each keeps every replica behind the thread's last commit for the next 5 s.
            notes.write("lagging, ended by hand");
            assertThat(catchThrowable(() -> notes.endReadOnlyByHand(true))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage(containerOwns("commit()"));
            notes.write("lagging, ended by hand");
            assertThat(catchThrowable(() -> notes.endReadOnlyByHand(false))).isInstanceOf(InvalidRequestException.class)
                    .hasMessage(containerOwns("rollback()"));
        } finally {
            Cluster.POSTGRESQL.delayReplicas(0);
        }
        awaitBothInRotation(engine);
    }

    private static String containerOwns(String call) {
        return "session." + call + " is not allowed on a container-managed session: the container owns the transaction. "
                + "To fix this, remove the call and let @jakarta.transaction.Transactional commit when the method returns "
                + "(throw an exception or call setRollbackOnly() to roll back).";
    }

    private static String refusal(String action) {
        return "Cannot " + action + ": the transaction runs a method annotated @ReadOnlyTransaction, whose session only "
                + "reads (from a replica, or from the primary while every replica lags) and takes no writes. To fix this, "
                + "remove @ReadOnlyTransaction from the method, or move the write to a method without it.";
    }

    /** A changed setting reloads the replicas; the engine's check may take one out for a moment. */
    private static void awaitBothInRotation(Engine engine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        engine.checkReplicas();
        while (engine.replicasInRotation().size() < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            engine.checkReplicas();
        }
        assertThat(engine.replicasInRotation()).hasSize(2);
    }
}
