package dev.retort.quarkus.runtime.observe;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.retort.Engine;
import dev.retort.observe.RetortMetrics;

/**
 * Times every Retort unit's statements in the application's {@link MeterRegistry} (the one quarkus-micrometer
 * provides) when the application starts. A bean only when quarkus-micrometer is in the application: the
 * deployment's RetortObservabilityProcessor adds it then, so this class never loads without Micrometer.
 */
public class MetricsBinder {
    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<Engine> engines;

    void bind(@Observes StartupEvent started) {
        for (Engine engine : engines) {
            RetortMetrics.bind(engine, registry);
        }
    }
}
