package dev.retort.observe;

import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import dev.retort.Engine;
import dev.retort.engine.SqlOperation;
import dev.retort.engine.StatementObserver;

/**
 * OpenTelemetry spans of an engine's statements: one CLIENT span per execution, child of the span current on the
 * session's thread, named by its operation ({@code SELECT}), with the database semantic conventions:
 * {@code db.system.name} and {@code db.system} (the dialect's name), {@code db.query.text} and
 * {@code db.statement} (the SQL with its {@code ?} placeholders, never the values), {@code db.operation.name}
 * and {@code db.operation}, and {@code server.address} / {@code server.port} when the engine's URL names a
 * server. A statement that failed has status ERROR, {@code error.type} (the SQLState, else the exception's class)
 * and the exception as an event. The span starts when the statement did and ends when the driver returned. An engine uses
 * {@code GlobalOpenTelemetry} when the API is on the class path (only once something installed it);
 * {@link #bind} gives it another instance.
 */
public final class RetortTracing {
    /** The instrumentation scope of the spans. */
    public static final String SCOPE = "dev.retort";

    private RetortTracing() {
    }

    /** Sends {@code engine}'s spans to {@code openTelemetry} instead of where they went before. */
    public static void bind(Engine engine, OpenTelemetry openTelemetry) {
        if (openTelemetry == null) {
            throw new IllegalArgumentException("RetortTracing.bind(engine, null): there is no OpenTelemetry. To fix this, "
                    + "pass the application's instance.");
        }
        Tracer tracer = openTelemetry.getTracer(SCOPE);
        Spans previous = existing(engine);
        rebind(engine, new Spans(() -> tracer, engine.dialect().name(),
                previous == null ? null : previous.host, previous == null ? -1 : previous.port));
    }

    static void bindGlobal(Engine engine, String host, int port) {
        rebind(engine, new Spans(() -> GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.getTracer(SCOPE) : null,
                engine.dialect().name(), host, port));
    }

    private static Spans existing(Engine engine) {
        for (StatementObserver observer : engine.observers().all()) {
            if (observer instanceof Spans spans) {
                return spans;
            }
        }
        return null;
    }

    private static void rebind(Engine engine, Spans spans) {
        engine.observers().removeIf(observer -> observer instanceof Spans);
        engine.observers().add(spans);
    }

    static final class Spans implements StatementObserver {
        private final Supplier<Tracer> tracer;
        private final String system;
        private final String host;
        private final int port;

        Spans(Supplier<Tracer> tracer, String system, String host, int port) {
            this.tracer = tracer;
            this.system = system;
            this.host = host;
            this.port = port;
        }

        @Override
        public void executed(String sql, long elapsedNanos) {
            span(sql, elapsedNanos, null);
        }

        @Override
        public void failed(String sql, long elapsedNanos, SQLException failure) {
            span(sql, elapsedNanos, failure);
        }

        private void span(String sql, long elapsedNanos, SQLException failure) {
            Tracer current = tracer.get();
            if (current == null) {
                return;
            }
            Instant end = Instant.now();
            String operation = SqlOperation.of(sql);
            SpanBuilder builder = current.spanBuilder(operation).setSpanKind(SpanKind.CLIENT)
                    .setStartTimestamp(end.minusNanos(elapsedNanos))
                    .setAttribute("db.system.name", system).setAttribute("db.system", system)
                    .setAttribute("db.query.text", sql).setAttribute("db.statement", sql)
                    .setAttribute("db.operation.name", operation).setAttribute("db.operation", operation);
            if (host != null) {
                builder.setAttribute("server.address", host);
                if (port > 0) {
                    builder.setAttribute("server.port", (long) port);
                }
            }
            Span span = builder.startSpan();
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
