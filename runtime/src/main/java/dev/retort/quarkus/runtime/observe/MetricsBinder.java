package dev.retort.quarkus.runtime.observe;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import dev.retort.Engine;
import dev.retort.observe.RetortMetrics;

/**
 * Times every Retort unit's statements in the application's {@link MeterRegistry} (the one quarkus-micrometer
 * provides) when the application starts. A bean only when quarkus-micrometer is in the application and
 * {@code quarkus.retort.metrics.enabled} is true: the deployment's RetortObservabilityProcessor adds it then, so this
 * class never loads without Micrometer.
 */
public class MetricsBinder extends EngineBinder {
    @Inject
    MeterRegistry registry;

    @Override
    void bind(Engine engine) {
        RetortMetrics.bind(engine, registry);
    }
}
