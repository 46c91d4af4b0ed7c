package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import dev.retort.quarkus.runtime.observe.MetricsBinder;
import dev.retort.quarkus.runtime.observe.TracingBinder;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.retort.metrics.enabled=false and quarkus.retort.tracing.enabled=false, with quarkus-micrometer and
 * quarkus-opentelemetry in the application: no binder bean, and the statements give no meter and no span, neither
 * through the application's instances nor through the global ones.
 */
class ObservabilitySwitchedOffTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class, Instruments.class, ExportedSpans.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:observability-off;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.otel.simple", "true")
            .overrideConfigKey("quarkus.retort.metrics.enabled", "false")
            .overrideConfigKey("quarkus.retort.tracing.enabled", "false");

    /** A registry and an in-memory span exporter of the application's, to read back what was published. */
    @Singleton
    public static class Instruments {
        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }

        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    SimpleMeterRegistry registry;
    @Inject
    InMemorySpanExporter exporter;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    Engine engine;
    @Inject
    Library library;

    @Test
    void theUnitsStatementsGiveNoMeterAndNoSpan() {
        exporter.reset();
        Span request = openTelemetry.getTracer("test").spanBuilder("add books").startSpan();
        try (Scope scope = request.makeCurrent()) {
            library.addBooks(List.of("Dune", "Emma"));
            assertThat(library.titles()).containsExactly("Dune", "Emma");
        } finally {
            request.end();
        }

        // The application's own span arrives, so the exporter works; the statements, which ended before it, sent none.
        assertThat(spansOnceArrived("add books")).extracting(SpanData::getName).containsExactly("add books");
        assertThat(retortMeters(registry.getMeters())).isEmpty();
        assertThat(retortMeters(Metrics.globalRegistry.getMeters())).isEmpty();
        assertThat(Arc.container().select(MetricsBinder.class).isResolvable()).isFalse();
        assertThat(Arc.container().select(TracingBinder.class).isResolvable()).isFalse();
        assertThat(engine.observers().all()).isEmpty();
    }

    private static List<String> retortMeters(List<Meter> meters) {
        return meters.stream().map(meter -> meter.getId().getName()).filter(name -> name.startsWith("retort.")).toList();
    }

    private List<SpanData> spansOnceArrived(String name) {
        return ExportedSpans.once(exporter, spans -> spans.stream().anyMatch(span -> span.getName().equals(name)));
    }
}
