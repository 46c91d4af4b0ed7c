package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.observe.RetortMetrics;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import dev.retort.quarkus.runtime.observe.MetricsBinder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** With quarkus-micrometer in the application, the unit's statements are timed in its registry, with nothing to configure. */
class MicrometerObservabilityTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class, SimpleRegistry.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:micrometer;DB_CLOSE_DELAY=-1");

    /** A registry the application adds (quarkus-micrometer puts it under its composite), to read the meters back. */
    @Singleton
    public static class SimpleRegistry {
        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Inject
    SimpleMeterRegistry registry;
    @Inject
    Engine engine;
    @Inject
    Library library;

    @Test
    void theUnitsStatementsAreTimedInTheApplicationsRegistry() {
        library.addBooks(List.of("Dune", "Emma"));
        assertThat(library.titles()).containsExactly("Dune", "Emma");

        Timer inserts = registry.get(RetortMetrics.STATEMENTS).tags("operation", "INSERT", "db.system", "h2").timer();
        Timer selects = registry.get(RetortMetrics.STATEMENTS).tags("operation", "SELECT", "db.system", "h2").timer();
        assertThat(inserts.count()).isEqualTo(1);
        assertThat(selects.count()).isEqualTo(1);
        assertThat(Arc.container().select(MetricsBinder.class).isResolvable()).isTrue();
        assertThat(engine.observers().all()).filteredOn(observer -> observer.getClass().getSimpleName().equals("Timings"))
                .hasSize(1);
    }
}
