package dev.retort.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.Engine;
import dev.retort.LazyLoadGuard;
import dev.retort.MappingException;
import dev.retort.dialect.Dialect;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.load.PolymorphicLoader;
import dev.retort.session.load.ShapeCache;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.LazyProxies;
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
    private final Map<Statement, CompiledStatement> writes;
    private final LazyLoadGuard lazyLoadGuard;
    private final boolean hasRelationships;
    private final boolean expireOnCommit;
    private final Map<Class<?>, PolymorphicLoader> polymorphicLoaders = new java.util.concurrent.ConcurrentHashMap<>();
    /** The statistics of this factory's closed sessions (a factory made with {@code with...} counts its own). */
    private final FactoryStatistics statistics = new FactoryStatistics();

    public SessionContext(Engine engine, List<EntityModel> models) {
        this.engine = engine;
        Map<Class<?>, Hierarchy> hierarchies = Hierarchy.of(models);
        for (EntityModel model : models) {
            persisters.put(model.javaType(), new EntityPersister(model, engine.dialect(), hierarchies.get(model.javaType())));
        }
        this.flushOrder = List.copyOf(persisters.values());
        this.queryShapes = new ShapeCache(engine.dialect());
        this.writes = new java.util.concurrent.ConcurrentHashMap<>();
        this.lazyLoadGuard = LazyLoadGuard.DEFAULT;
        this.hasRelationships = models.stream().anyMatch(model -> !model.relationships().isEmpty());
        this.expireOnCommit = engine.expireOnCommit();
    }

    private SessionContext(SessionContext original, LazyLoadGuard guard, boolean expireOnCommit) {
        this.engine = original.engine;
        this.persisters.putAll(original.persisters);
        this.flushOrder = original.flushOrder;
        this.queryShapes = original.queryShapes;
        this.writes = original.writes;
        this.lazyLoadGuard = guard;
        this.hasRelationships = original.hasRelationships;
        this.expireOnCommit = expireOnCommit;
    }

    /** Whether any entity has relationships (else flushes skip the relationship work). */
    public boolean hasRelationships() {
        return hasRelationships;
    }

    /** This context with another N+1 guard; statements and persisters are shared. */
    public SessionContext withLazyLoadGuard(LazyLoadGuard guard) {
        return new SessionContext(this, java.util.Objects.requireNonNull(guard, "guard"), expireOnCommit);
    }

    /** This context with sessions that do (or do not) expire their objects at commit and rollback. */
    public SessionContext withExpireOnCommit(boolean expire) {
        return new SessionContext(this, lazyLoadGuard, expire);
    }

    /** Whether sessions expire their objects at commit and rollback, so that the next load reads the database's state. */
    boolean expireOnCommit() {
        return expireOnCommit;
    }

    /**
     * The other side of a relationship, if mapped: the inverse collection or one-to-one of an owning
     * side, or the owning side of an inverse one.
     */
    public java.util.Optional<RelationshipModel> otherSide(RelationshipModel relationship) {
        EntityPersister target = persisters.get(relationship.target());
        if (target == null) {
            return java.util.Optional.empty();
        }
        if (!relationship.owning()) {
            return target.model().relationship(relationship.mappedBy().orElseThrow());
        }
        for (RelationshipModel candidate : target.model().relationships()) {
            if (candidate.mappedBy().filter(relationship.name()::equals).isPresent()
                    && candidate.target().isAssignableFrom(relationship.owner())) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    public FactoryStatistics statistics() {
        return statistics;
    }

    LazyLoadGuard lazyLoadGuard() {
        return lazyLoadGuard;
    }

    public Engine engine() {
        return engine;
    }

    public Dialect dialect() {
        return engine.dialect();
    }

    /** A query statement compiled through the cache of query shapes (its SQL rendered once per shape). */
    public CompiledStatement compileQuery(Statement statement) {
        return queryShapes.compile(statement);
    }

    /**
     * A write statement without values of its own (slots only, as join-table rows are written), compiled
     * once per factory: there are a few per many-to-many relationship.
     */
    public CompiledStatement compileWrite(Statement statement) {
        return writes.computeIfAbsent(statement, key -> engine.dialect().compile(key));
    }

    /** How queries of a hierarchy entity read and tell apart the rows of its classes; built on first use. */
    public PolymorphicLoader polymorphicLoader(EntityPersister persister) {
        return polymorphicLoaders.computeIfAbsent(persister.entityType(), type -> new PolymorphicLoader(this, persister));
    }

    public List<EntityPersister> flushOrder() {
        return flushOrder;
    }

    /** The persister of an entity class, or a {@link MappingException} saying why there is none. */
    public EntityPersister persister(Class<?> type) {
        EntityPersister persister = persisters.get(type);
        if (persister != null) {
            return persister;
        }
        if (LazyProxies.isStandIn(type) && persisters.containsKey(type.getSuperclass())) {
            return persisters.get(type.getSuperclass());
        }
        EntityModel model = EntityMappings.of(type);
        throw new MappingException("Entity " + model.javaType().getName() + " is not in this session factory's Metadata. "
                + "To fix this, list it when building the metadata: Metadata.of(..., " + type.getSimpleName() + ".class).");
    }
}
