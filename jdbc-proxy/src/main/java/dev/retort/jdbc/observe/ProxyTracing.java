package dev.retort.jdbc.observe;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlEvent;
import dev.retort.jdbc.SqlListener;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One OpenTelemetry CLIENT span per statement, commit and rollback of the proxy's connections, child of the span
 * current on the thread that ran it, named by its operation ({@code SELECT}, {@code COMMIT}), with
 * {@code db.query.text} and {@code db.statement} (the SQL with its {@code ?} placeholders), {@code db.operation.name}
 * and {@code db.operation}, and for a batch {@code db.operation.batch.size}; a failed one has status ERROR,
 * {@code error.type} (the SQLState, else the exception's class) and the exception as an event. The span ends when
 * the proxy records the statement (a query's when its result set closes) and starts its driver time before.
 * The proxy uses {@code GlobalOpenTelemetry} when the API is on the class path (once something installed it);
 * {@link #bind} gives it another instance. Thread-safe.
 */
public final class ProxyTracing {

    /** The instrumentation scope of the spans. */
    public static final String SCOPE = "dev.retort.jdbc";

    private static Spans global;
    private static Spans bound;

    private ProxyTracing() {
    }

    /** Sends every proxy connection's spans to {@code openTelemetry} instead of where they went before. */
    public static synchronized void bind(OpenTelemetry openTelemetry) {
        if (openTelemetry == null) {
            throw new IllegalArgumentException("ProxyTracing.bind(null): there is no OpenTelemetry. To fix this, pass "
                    + "the application's instance.");
        }
        RetortDriver.removeListener(global());
        if (bound != null) {
            RetortDriver.removeListener(bound);
        }
        Tracer tracer = openTelemetry.getTracer(SCOPE);
        bound = new Spans(() -> tracer);
        RetortDriver.addListener(bound);
    }

    static synchronized SqlListener global() {
        if (global == null) {
            global = new Spans(() -> GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.getTracer(SCOPE) : null);
        }
        return global;
    }

    static final class Spans implements SqlListener {
        private final Supplier<Tracer> tracer;

        Spans(Supplier<Tracer> tracer) {
            this.tracer = tracer;
        }

        @Override
        public void onEvent(SqlEvent event) {
            Tracer current = tracer.get();
            if (current == null) {
                return;
            }
            Instant end = Instant.now();
            String operation = Operations.of(event.sql());
            Span span = current.spanBuilder(operation).setSpanKind(SpanKind.CLIENT)
                    .setStartTimestamp(end.minusNanos(Math.max(0, event.elapsedNanos())))
                    .setAttribute("db.query.text", event.sql()).setAttribute("db.statement", event.sql())
                    .setAttribute("db.operation.name", operation).setAttribute("db.operation", operation)
                    .startSpan();
            if (event.batchSize() > 0) {
                span.setAttribute("db.operation.batch.size", (long) event.batchSize());
            }
            SQLException failure = event.failure();
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getMessage());
                span.setAttribute("error.type", failure.getSQLState() != null ? failure.getSQLState()
                        : failure.getClass().getName());
                span.recordException(failure);
            }
            span.end(end);
        }
    }
}
