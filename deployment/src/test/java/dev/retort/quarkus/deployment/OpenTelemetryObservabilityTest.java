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
import dev.retort.quarkus.runtime.observe.TracingBinder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-opentelemetry in the application, the unit's statements become CLIENT spans with the database
 * conventions, children of the application's current span, with nothing to configure.
 */
class OpenTelemetryObservabilityTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class, Exporter.class, ExportedSpans.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:opentelemetry;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.otel.simple", "true");

    /** The SDK's in-memory exporter as a bean: quarkus-opentelemetry exports to every SpanExporter bean. */
    @Singleton
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter exporter;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    Engine engine;
    @Inject
    Library library;

    @Test
    void theUnitsStatementsAreClientSpansUnderTheApplicationsSpan() {
        exporter.reset();
        Span request = openTelemetry.getTracer("test").spanBuilder("add books").startSpan();
        try (Scope scope = request.makeCurrent()) {
            library.addBooks(List.of("Dune", "Emma"));
            assertThat(library.titles()).containsExactly("Dune", "Emma");
        } finally {
            request.end();
        }

        List<SpanData> statements = retortSpans(2);
        assertThat(statements).extracting(SpanData::getName).containsExactly("INSERT", "SELECT");
        SpanData insert = statements.get(0);
        assertThat(insert.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(insert.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(insert.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.system.name"))).isEqualTo("h2");
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("INSERT");
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.query.text")))
                .isEqualTo("INSERT INTO book (title) VALUES (?)");
        SpanData select = statements.get(1);
        assertThat(select.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(select.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(select.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("SELECT");
        assertThat(Arc.container().select(TracingBinder.class).isResolvable()).isTrue();
        assertThat(engine.observers().all()).filteredOn(observer -> observer.getClass().getSimpleName().equals("Spans"))
                .hasSize(1);
    }

    /** Retort's spans once {@code expected} of them arrived, or what arrived in 10 seconds. */
    private List<SpanData> retortSpans(int expected) {
        return retort(ExportedSpans.once(exporter, spans -> retort(spans).size() >= expected));
    }

    private static List<SpanData> retort(List<SpanData> spans) {
        return spans.stream().filter(span -> span.getInstrumentationScopeInfo().getName().equals("dev.retort")).toList();
    }
}
