package dev.retort.quarkus.runtime;

import java.util.Map;

import jakarta.enterprise.context.spi.CreationalContext;

import dev.retort.SessionFactory;
import io.quarkus.arc.BeanDestroyer;

/**
 * Closes a unit's engine when the application stops and its session factory bean is destroyed: the replicas'
 * background check stops, the pool's gauges leave the meter registry, and later use says the engine was closed.
 * The datasources stay Quarkus's to close.
 */
public final class EngineCloser implements BeanDestroyer<SessionFactory> {
    @Override
    public void destroy(SessionFactory instance, CreationalContext<SessionFactory> creationalContext, Map<String, Object> params) {
        instance.engine().close();
    }
}
