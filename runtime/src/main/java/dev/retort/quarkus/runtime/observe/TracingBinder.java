package dev.retort.quarkus.runtime.observe;

import jakarta.inject.Inject;

import io.opentelemetry.api.OpenTelemetry;

import dev.retort.Engine;
import dev.retort.observe.RetortTracing;

/**
 * Sends every Retort unit's statements as CLIENT spans to the application's {@link OpenTelemetry} (the one
 * quarkus-opentelemetry provides, which Quarkus does not install as the global instance) when the application
 * starts; each span is a child of the span current on the calling thread. A bean only when quarkus-opentelemetry
 * is in the application and {@code quarkus.retort.tracing.enabled} is true: the deployment's
 * RetortObservabilityProcessor adds it then, so this class never loads without it.
 */
public class TracingBinder extends EngineBinder {
    @Inject
    OpenTelemetry openTelemetry;

    @Override
    void bind(Engine engine) {
        RetortTracing.bind(engine, openTelemetry);
    }
}
