package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
 * commits), other transactions run on the primary, and a write in a read-only transaction is refused.
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
    void aWriteInAReadOnlyTransactionIsRefused() {
        ReplicaNotes notes = container.select(ReplicaNotes.class).get();

        Throwable refused = catchThrowable(() -> notes.writeInReadOnly("refused"));

        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("Cannot add Note: "
                + "this session was opened read-only (ReadOnly.readYourWrites()) and reads from a "
                + "replica, which takes no writes. To fix this, write in a session from sessions.open(), whose transactions "
                + "run on the primary.");
    }
}
