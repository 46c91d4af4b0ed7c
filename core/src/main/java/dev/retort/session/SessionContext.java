package dev.retort.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.Engine;
import dev.retort.MappingException;
import dev.retort.dialect.Dialect;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Statement;

/**
 * What every session of one factory shares: the engine and a persister per mapped entity, in the order
 * their tables are created (the order flushes insert in). Immutable and thread-safe.
 */
public final class SessionContext {
    private final Engine engine;
    private final Map<Class<?>, EntityPersister> persisters = new LinkedHashMap<>();
    private final List<EntityPersister> flushOrder;
    private final ShapeCache queryShapes;
    private final Map<Class<?>, PolymorphicLoader> polymorphicLoaders = new java.util.concurrent.ConcurrentHashMap<>();

    public SessionContext(Engine engine, List<EntityModel> models) {
        this.engine = engine;
        Map<Class<?>, Hierarchy> hierarchies = Hierarchy.of(models);
        for (EntityModel model : models) {
            persisters.put(model.javaType(), new EntityPersister(model, engine.dialect(), hierarchies.get(model.javaType())));
        }
        this.flushOrder = List.copyOf(persisters.values());
        this.queryShapes = new ShapeCache(engine.dialect());
    }

    public Engine engine() {
        return engine;
    }

    public Dialect dialect() {
        return engine.dialect();
    }

    /** A query statement compiled through the cache of query shapes (its SQL rendered once per shape). */
    CompiledStatement compileQuery(Statement statement) {
        return queryShapes.compile(statement);
    }

    /** How many query shapes are compiled and cached. */
    int cachedQueryShapes() {
        return queryShapes.size();
    }

    /** How queries of a hierarchy entity read and tell apart the rows of its classes; built on first use. */
    PolymorphicLoader polymorphicLoader(EntityPersister persister) {
        return polymorphicLoaders.computeIfAbsent(persister.entityType(), type -> new PolymorphicLoader(this, persister));
    }

    List<EntityPersister> flushOrder() {
        return flushOrder;
    }

    /** The persister of an entity class, or a {@link MappingException} saying why there is none. */
    public EntityPersister persister(Class<?> type) {
        EntityPersister persister = persisters.get(type);
        if (persister != null) {
            return persister;
        }
        EntityModel model = EntityMappings.of(type);
        throw new MappingException("Entity " + model.javaType().getName() + " is not in this session factory's Metadata. "
                + "To fix this, list it when building the metadata: Metadata.of(..., " + type.getSimpleName() + ".class).");
    }
}
