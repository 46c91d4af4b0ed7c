package dev.retort.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import dev.retort.Engine;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.testing.NotesOnH2;
import dev.retort.testing.NotesOnH2.Note;

/** Micrometer timings and OpenTelemetry spans of an engine's statements, read from a SimpleMeterRegistry and an in-memory exporter. */
class MetricsAndTracingTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private NotesOnH2 notes;
    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void createTable() {
        notes = NotesOnH2.create("observed", Map.of());
        engine = notes.engine();
        sessions = notes.sessions();
    }

    @AfterEach
    void close() {
        notes.close();
        openTelemetry.close();
        GlobalOpenTelemetry.resetForTest();
    }

    /** One INSERT (a batch of two rows), then two SELECTs: a get and a count. */
    private void writeAndRead() {
        long first = sessions.inTransaction(session -> session.query(Note.class).count()) + 1;
        sessions.useTransaction(session -> {
            session.add(new Note(first, "one"));
            session.add(new Note(first + 1, "two"));
        });
        try (Session session = sessions.open()) {
            assertThat(session.get(Note.class, first).text).isEqualTo("one");
            assertThat(session.query(Note.class).count()).isEqualTo(first + 1);
        }
    }

    @Test
    void statementsAreTimedByOperationAndThePoolIsGauged() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RetortMetrics.bind(engine, registry);

        writeAndRead();

        Timer selects = registry.get(RetortMetrics.STATEMENTS).tags("operation", "SELECT", "db.system", "h2").timer();
        Timer inserts = registry.get(RetortMetrics.STATEMENTS).tags("operation", "INSERT", "db.system", "h2").timer();
        assertThat(selects.count()).isEqualTo(3);
        assertThat(inserts.count()).isEqualTo(1);
        assertThat(selects.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(RetortMetrics.STATEMENTS).timers()).hasSize(2);
        double idle = registry.get(RetortMetrics.POOL_AVAILABLE).gauge().value();
        assertThat(idle).isGreaterThanOrEqualTo(1.0);   // an in-memory H2 engine keeps a connection open
        try (Session session = sessions.open()) {
            session.get(Note.class, 1L);   // the session's transaction holds a connection until it ends
            assertThat(registry.get(RetortMetrics.POOL_ACTIVE).gauge().value()).isEqualTo(1.0);
            assertThat(registry.get(RetortMetrics.POOL_AVAILABLE).gauge().value()).isEqualTo(idle - 1);
        }
        assertThat(registry.get(RetortMetrics.POOL_ACTIVE).gauge().value()).isEqualTo(0.0);
        assertThat(registry.get(RetortMetrics.POOL_AWAITING).gauge().value()).isEqualTo(0.0);
    }

    @Test
    void twoPoolsOnOneKindOfDatabaseAreTwoGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NotesOnH2 other = NotesOnH2.create("observed_too", Map.of());
        try {
            RetortMetrics.bind(engine, registry);
            RetortMetrics.bind(other.engine(), registry);

            assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).extracting(gauge -> gauge.getId().getTag("pool"))
                    .containsExactlyInAnyOrder(engine.location(), other.engine().location());
            try (Session session = other.sessions().open()) {
                session.query(Note.class).count();   // holds one connection of the second pool only
                assertThat(registry.get(RetortMetrics.POOL_ACTIVE).tag("pool", other.engine().location()).gauge().value())
                        .isEqualTo(1.0);
                assertThat(registry.get(RetortMetrics.POOL_ACTIVE).tag("pool", engine.location()).gauge().value())
                        .isEqualTo(0.0);
            }
        } finally {
            other.close();
        }
    }

    @Test
    void twoEnginesOnOneDatabaseEachKeepTheirPoolsGaugesUntilTheyClose() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String url = "h2:mem:one_location_" + System.nanoTime();
        try (Engine first = Engine.create(url, Map.of("metrics", false));
             Engine second = Engine.create(url, Map.of("metrics", false))) {
            RetortMetrics.bind(first, registry);
            RetortMetrics.bind(second, registry);
            assertThat(first.location()).isEqualTo(second.location());

            assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).extracting(gauge -> gauge.getId().getTag("pool"))
                    .containsExactlyInAnyOrder(first.location(), first.location() + " #2");
            try (Connection held = second.connect()) {
                assertThat(registry.get(RetortMetrics.POOL_ACTIVE).tag("pool", first.location() + " #2").gauge().value())
                        .isEqualTo(1.0);
                assertThat(registry.get(RetortMetrics.POOL_ACTIVE).tag("pool", first.location()).gauge().value())
                        .isEqualTo(0.0);
            }

            first.close();
            assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).extracting(gauge -> gauge.getId().getTag("pool"))
                    .containsExactly(first.location() + " #2");
            second.close();
            assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).isEmpty();
            assertThat(registry.find(RetortMetrics.POOL_AVAILABLE).gauges()).isEmpty();
            assertThat(registry.find(RetortMetrics.POOL_AWAITING).gauges()).isEmpty();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void engineAfterEngineOnOneDatabaseIsGaugedUnderTheSameName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String url = "h2:mem:one_after_another_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        for (int run = 0; run < 2; run++) {
            try (Engine engine = Engine.create(url, Map.of("metrics", false))) {
                RetortMetrics.bind(engine, registry);
                assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).extracting(gauge -> gauge.getId().getTag("pool"))
                        .containsExactly(engine.location());
            }
        }
        assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).isEmpty();
    }

    @Test
    void twoEnginesOnOnePoolShareItsGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Engine other = Engine.of(engine.dataSource(), engine.dialect());
        RetortMetrics.bind(engine, registry);
        RetortMetrics.bind(other, registry);
        assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).hasSize(1);

        other.close();
        other.close();
        assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).hasSize(1);   // the engine still uses the pool
        engine.close();
        assertThat(registry.find(RetortMetrics.POOL_ACTIVE).gauges()).isEmpty();
    }

    @Test
    void anEngineTimesIntoTheGlobalRegistryWhenMicrometerIsPresent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            writeAndRead();
            assertThat(registry.get(RetortMetrics.STATEMENTS).tag("operation", "SELECT").timer().count()).isEqualTo(3);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void bindingAnotherRegistryMovesTheTimings() {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        RetortMetrics.bind(engine, first);
        RetortMetrics.bind(engine, second);

        writeAndRead();

        assertThat(first.find(RetortMetrics.STATEMENTS).timers()).isEmpty();
        assertThat(first.find(RetortMetrics.POOL_ACTIVE).gauges()).isEmpty();
        assertThat(second.get(RetortMetrics.POOL_ACTIVE).gauge().value()).isEqualTo(0.0);
        assertThat(second.get(RetortMetrics.STATEMENTS).tag("operation", "SELECT").timer().count()).isEqualTo(3);
        assertThat(engine.observers().all()).hasSize(2);   // the timings and the global spans, once each
    }

    @Test
    void eachStatementIsAClientSpanWithTheDatabaseConventionsUnderTheCurrentSpan() {
        RetortTracing.bind(engine, openTelemetry);
        Span parent = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            writeAndRead();
        } finally {
            parent.end();
        }

        List<SpanData> finished = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(finished).extracting(SpanData::getName).containsExactly("SELECT", "INSERT", "SELECT", "SELECT");
        SpanData get = finished.get(2);
        assertThat(get.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(get.getInstrumentationScopeInfo().getName()).isEqualTo(RetortTracing.SCOPE);
        String sql = get.getAttributes().get(AttributeKey.stringKey("db.query.text"));
        assertThat(sql).startsWith("SELECT ").contains("FROM notes").contains("?");
        assertThat(get.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("db.system.name"), "h2")
                .containsEntry(AttributeKey.stringKey("db.system"), "h2")
                .containsEntry(AttributeKey.stringKey("db.statement"), sql)
                .containsEntry(AttributeKey.stringKey("db.operation.name"), "SELECT")
                .containsEntry(AttributeKey.stringKey("db.operation"), "SELECT")
                .doesNotContainKey(AttributeKey.stringKey("server.address"));
        assertThat(get.getEndEpochNanos()).isGreaterThan(get.getStartEpochNanos());
    }

    @Test
    void theGlobalOpenTelemetryIsUsedOnceItIsInstalledAndNothingBefore() {
        writeAndRead();
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        GlobalOpenTelemetry.set(openTelemetry);

        writeAndRead();

        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                .containsExactly("SELECT", "INSERT", "SELECT", "SELECT");
    }

    @Test
    void aServerEngineNamesItsServerInTheSpans() {
        // The URL is only parsed and bound here: a statement is reported as if it ran, without a server.
        Engine server = Engine.of(engine.dataSource(), engine.dialect(), "H2 for the test", false);
        dev.retort.engine.EngineUrl url = dev.retort.engine.EngineUrl.parse("postgresql://app:secret@db.example:6432/app");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.port()).isEqualTo(6432);
        Observability.bindAvailable(server, url.host(), url.port(), false, true);
        GlobalOpenTelemetry.set(openTelemetry);

        server.observers().executed("DELETE FROM notes", 1_000_000);

        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("server.address"), "db.example")
                .containsEntry(AttributeKey.longKey("server.port"), 6432L);
        assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isEqualTo(1_000_000L);
    }

    @Test
    void bindingNothingIsRefusedWithTheFix() {
        assertThatThrownBy(() -> RetortMetrics.bind(engine, null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("RetortMetrics.bind(engine, null): there is no registry. To fix this, pass the application's "
                        + "MeterRegistry.");
        assertThatThrownBy(() -> RetortTracing.bind(engine, null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("RetortTracing.bind(engine, null): there is no OpenTelemetry. To fix this, pass the "
                        + "application's instance.");
    }
}
