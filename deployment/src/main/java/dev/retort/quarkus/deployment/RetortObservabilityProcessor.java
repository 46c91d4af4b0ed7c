package dev.retort.quarkus.deployment;

import java.util.List;

import dev.retort.quarkus.runtime.RetortBuildTimeConfig;
import dev.retort.quarkus.runtime.observe.MetricsBinder;
import dev.retort.quarkus.runtime.observe.TracingBinder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Wires Retort's statement timings into the application's Micrometer registry when quarkus-micrometer is in the
 * application, and its statements' spans into the application's OpenTelemetry when quarkus-opentelemetry is (their
 * capabilities), unless {@code quarkus.retort.metrics.enabled} or {@code quarkus.retort.tracing.enabled} is false;
 * adds nothing otherwise, so an application without them never loads either library.
 */
class RetortObservabilityProcessor {
    /** Capability.METRICS is what quarkus-micrometer provides; SmallRye Metrics would too, hence the class check. */
    static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    @BuildStep
    void metrics(RetortBuildTimeConfig config, Capabilities capabilities, List<RetortUnitBuildItem> units,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.metrics().enabled() && !units.isEmpty() && capabilities.isPresent(Capability.METRICS)
                && present(MICROMETER_REGISTRY)) {
            beans.produce(binder(MetricsBinder.class));
        }
    }

    @BuildStep
    void tracing(RetortBuildTimeConfig config, Capabilities capabilities, List<RetortUnitBuildItem> units,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.tracing().enabled() && !units.isEmpty() && capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            beans.produce(binder(TracingBinder.class));
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    private static AdditionalBeanBuildItem binder(Class<?> type) {
        return AdditionalBeanBuildItem.builder().addBeanClasses(type).setDefaultScope(BuiltinScope.SINGLETON.getName())
                .setUnremovable().build();
    }
}
