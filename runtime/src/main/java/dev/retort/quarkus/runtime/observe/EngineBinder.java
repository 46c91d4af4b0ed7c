package dev.retort.quarkus.runtime.observe;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import dev.retort.Engine;

/**
 * What the observability binders share: when the application starts, each Retort unit's engine is handed to
 * {@link #bind(Engine)}. A subclass is a bean only when the deployment's RetortObservabilityProcessor adds it.
 */
abstract class EngineBinder {
    @Inject
    @Any
    Instance<Engine> engines;

    void bindAll(@Observes StartupEvent started) {
        for (Engine engine : engines) {
            bind(engine);
        }
    }

    /** Connects one unit's engine to the application's instance of the library. */
    abstract void bind(Engine engine);
}
