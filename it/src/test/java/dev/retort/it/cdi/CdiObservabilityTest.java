package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.it.cdi.model.Item;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * A CDI application with Micrometer and OpenTelemetry on its class path: the unit's statements are timed in the
 * global registry and become spans of the global OpenTelemetry, unless {@code retort.metrics.enabled} and
 * {@code retort.tracing.enabled} are false.
 */
class CdiObservabilityTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private OpenTelemetrySdk openTelemetry;
    private WeldContainer container;

    @BeforeEach
    void installTheGlobalInstances() {
        Metrics.addRegistry(registry);
        openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .buildAndRegisterGlobal();
    }

    @AfterEach
    void removeThem() {
        if (container != null) {
            container.shutdown();
        }
        Metrics.removeRegistry(registry);
        openTelemetry.close();
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void statementsAreTimedAndTracedByDefault() {
        start(false);
        long before = inserts();

        container.select(ItemService.class).get().add("observed");

        assertThat(inserts()).isEqualTo(before + 1);
        Engine engine = container.select(Engine.class).get();
        assertThat(poolGauges(engine)).containsExactlyInAnyOrder("retort.pool.active", "retort.pool.available",
                "retort.pool.awaiting");
        assertThat(retortSpans()).extracting(SpanData::getName).contains("INSERT");
        assertThat(engine.observers().all()).hasSize(2);
    }

    @Test
    void theSwitchesKeepBothAway() {
        start(true);
        long before = inserts();

        container.select(ItemService.class).get().add("unobserved");

        // The global registry holds the meters of the suite's earlier engines: this unit's adds none and times nothing.
        assertThat(inserts()).isEqualTo(before);
        Engine engine = container.select(Engine.class).get();
        assertThat(poolGauges(engine)).isEmpty();
        assertThat(retortSpans()).isEmpty();
        assertThat(engine.observers().all()).isEmpty();
    }

    private void start(boolean switchedOff) {
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        if (switchedOff) {
            System.setProperty("retort.metrics.enabled", "false");
            System.setProperty("retort.tracing.enabled", "false");
        }
        try {
            container = WeldContainers.start("retort-observability-" + switchedOff, H2Pool.class, ItemService.class,
                    ItemAuditor.class, Item.class);
        } finally {
            System.clearProperty("retort.schema-management.strategy");
            System.clearProperty("retort.metrics.enabled");
            System.clearProperty("retort.tracing.enabled");
        }
    }

    /**
     * The INSERTs on H2 that succeeded, timed so far by every engine of the suite (the timer is shared by its tags). The
     * outcome tag matters: an earlier suite's failed INSERT left an {@code outcome=error} timer in the global registry,
     * which a search without it could find first (it did when only the Cdi* tests ran).
     */
    private long inserts() {
        Timer timer = registry.find("retort.statements").tags("operation", "INSERT", "db.system", "h2", "outcome", "success")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** The names of the gauges of {@code engine}'s pool. */
    private List<String> poolGauges(Engine engine) {
        return registry.getMeters().stream().map(Meter::getId).filter(id -> engine.location().equals(id.getTag("pool")))
                .map(Meter.Id::getName).toList();
    }

    private List<SpanData> retortSpans() {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getInstrumentationScopeInfo().getName().equals("dev.retort")).toList();
    }
}
