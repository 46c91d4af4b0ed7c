package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.retort.ConfigurationException;
import dev.retort.Engine;

/**
 * The engine's replica options as CDI keys ({@code retort.replicas.wait}, {@code .max-lag}, {@code .check-interval}),
 * on Weld + Narayana + Agroal over the suite's PostgreSQL cluster: a value reaches the engine, and one that is not a
 * duration fails the deployment naming its key.
 */
class CdiReplicaSettingsIT {
    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    @Test
    @EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
    void aLongWaitReadsTheThreadsWriteFromADelayedReplica() {
        Cluster.POSTGRESQL.ensureStarted();
        try (WeldContainer container = start(Map.of("retort.replicas.wait", "30s", "retort.replicas.check-interval", "0"))) {
            ReplicaNotes notes = container.select(ReplicaNotes.class).get();
            notes.write("before the delay");
            assertThat(notes.countAndWho("before the delay")).isEqualTo("1@replica");
            Cluster.POSTGRESQL.delayReplicas(2);
            try {
                notes.write("waited for");
                long start = System.nanoTime();
                String read = notes.countAndWho("waited for");
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(read).as("with the default wait (1 s) this read would go to the primary").isEqualTo("1@replica");
                assertThat(took).as("the replica applies the commit 2 s after it").isGreaterThan(Duration.ofMillis(1000));
            } finally {
                Cluster.POSTGRESQL.delayReplicas(0);
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
    void aWaitOfZeroReadsFromThePrimaryAtOnceWhileTheReplicasLag() {
        Cluster.POSTGRESQL.ensureStarted();
        try (WeldContainer container = start(Map.of("retort.replicas.wait", "0", "retort.replicas.max-lag", "1h"))) {
            ReplicaNotes notes = container.select(ReplicaNotes.class).get();
            Engine engine = container.select(Engine.class).get();
            notes.write("before the delay");
            assertThat(notes.countAndWho("before the delay")).isEqualTo("1@replica");
            Cluster.POSTGRESQL.delayReplicas(5);
            try {
                notes.write("not waited for");
                long start = System.nanoTime();
                String read = notes.countAndWho("not waited for");
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(engine.replicasInRotation()).as("max-lag 1h keeps them in rotation").hasSize(2);
                assertThat(read).isEqualTo("1@primary");
                assertThat(took).as("the default wait (1 s) would pass first").isLessThan(Duration.ofMillis(1000));
            } finally {
                Cluster.POSTGRESQL.delayReplicas(0);
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
    void closingTheContainerStopsItsEnginesReplicaCheck() throws InterruptedException {
        Cluster.POSTGRESQL.ensureStarted();
        long before = replicaChecks();
        WeldContainer container = start(Map.of("retort.replicas.check-interval", "200ms"));
        container.select(ReplicaNotes.class).get().write("checked");
        assertThat(replicaChecks()).isEqualTo(before + 1);

        container.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (replicaChecks() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(replicaChecks()).as("the engine's background check ends with the container").isEqualTo(before);
    }

    /** The live threads of replica checks in this JVM (one per engine with replicas and a check interval). */
    private static long replicaChecks() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("retort-replica-check"))
                .filter(Thread::isAlive).count();
    }

    @Test
    void aReplicaOptionThatIsNotADurationFailsTheDeploymentNamingItsKey() {
        // The settings are checked before anything connects: no cluster is needed.
        Throwable failure = catchThrowable(() -> start(Map.of("retort.replicas.max-lag", "a while")).close());

        String message = "retort.replicas.max-lag is 'a while', which is not a duration. To fix this, set it to a whole number "
                + "with the unit ms, s, m or h (such as 500ms or 2s), or remove it for the default of 30s.";
        assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    /** A Weld container over the cluster's primary and both replicas, with {@code settings} besides the suite's own. */
    private static WeldContainer start(Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("retort.datasource", "primary");
        properties.put("retort.replicas", "replica1,replica2");
        properties.put("retort.entities", Note.class.getName());
        properties.put("retort.schema-management.strategy", "drop-and-create");
        properties.putAll(settings);
        properties.forEach(System::setProperty);
        try {
            Weld weld = new Weld("cdi-replica-settings-" + CONTAINERS.incrementAndGet()).disableDiscovery()
                    .addBeanClasses(ReplicaPools.class, ReplicaNotes.class);
            ServiceLoader.load(Extension.class).forEach(weld::addExtension);
            return weld.initialize();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
