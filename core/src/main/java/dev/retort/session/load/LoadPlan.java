package dev.retort.session.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.Relation;
import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.RelationshipModel;

/**
 * The loader options of one query as a tree: for each relationship of the loaded entity, how to load it
 * and the plan for the objects it loads. Relationships the options do not name load as mapped: to-one
 * as mapped: to-one eagerly (select-in) and to-many lazily, as Jakarta Persistence's defaults, or as
 * their {@code fetch} says (a lazy to-one is a generated stand-in until first used; the inverse side of a
 * one-to-one is always loaded).
 * Immutable.
 */
public final class LoadPlan {
    public static final LoadPlan DEFAULT = new LoadPlan(Map.of(), false);

    private record Node(Load.Strategy strategy, LoadPlan children) {
    }

    private final Map<RelationshipModel, Node> nodes;
    /** The query's own objects are loaded read-only (Hibernate's read-only queries): no snapshot, never flushed. */
    private final boolean readOnly;
    /**
     * This plan bound to each member of a hierarchy it was asked for ({@link #boundTo}), so that a polymorphic stream,
     * which hydrates a row at a time, binds once per class rather than once per row. At most one per member.
     */
    private final Map<EntityModel, LoadPlan> boundPlans = new java.util.concurrent.ConcurrentHashMap<>(4);

    private LoadPlan(Map<RelationshipModel, Node> nodes, boolean readOnly) {
        this.nodes = nodes;
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** This plan, its objects loaded read-only. */
    public LoadPlan asReadOnly() {
        return readOnly ? this : new LoadPlan(nodes, true);
    }

    /** The plan for {@code loads} on a query of {@code entityType}; each path must start at that entity. */
    public static LoadPlan of(Class<?> entityType, List<Load> loads) {
        LoadPlan plan = DEFAULT;
        for (Load load : loads) {
            if (load == null) {
                throw new InvalidRequestException("options(null): there is no loader option. To fix this, pass one such as "
                        + "Load.selectIn(" + entityType.getSimpleName() + "_.items).");
            }
            Relation<?, ?> first = load.path().get(0);
            if (!first.owner().isAssignableFrom(entityType)) {
                throw new InvalidRequestException(load + " does not apply to query(" + entityType.getSimpleName() + "): "
                        + first + " is a relationship of " + first.owner().getSimpleName() + ". To fix this, start the path "
                        + "with a relationship of " + entityType.getSimpleName() + ".");
            }
            plan = plan.with(load.path(), 0, load.strategy(), load);
        }
        return plan;
    }

    private LoadPlan with(List<Relation<?, ?>> path, int index, Load.Strategy strategy, Load load) {
        RelationshipModel relationship = path.get(index).model();
        if (!relationship.toMany() && !relationship.owning() && (strategy == Load.Strategy.LAZY || strategy == Load.Strategy.RAISE)) {
            throw new UnsupportedFeatureException(load + ": " + relationship + " is the inverse side of a one-to-one, which "
                    + "Retort loads with its object (whether there is one is only known by querying). To fix this, use "
                    + "Load.selectIn or Load.joined for it, or leave it out of the options.");
        }
        if (!relationship.toMany() && (strategy == Load.Strategy.LAZY || strategy == Load.Strategy.RAISE)) {
            dev.retort.mapping.EntityMappings.requireLazyLoadable(relationship);
        }
        Map<RelationshipModel, Node> copy = new LinkedHashMap<>(nodes);
        Node existing = copy.get(relationship);
        LoadPlan children = existing != null ? existing.children() : DEFAULT;
        if (index + 1 < path.size()) {
            children = children.with(path, index + 1, strategy, load);
        }
        copy.put(relationship, new Node(index + 1 == path.size() || existing == null ? strategy : existing.strategy(), children));
        return new LoadPlan(Map.copyOf(copy), readOnly);
    }

    /**
     * This plan for the rows of {@code member}, an entity of the queried entity's hierarchy: each class has its
     * own model of an inherited relationship, so the options are found again by the relationship's name.
     */
    LoadPlan boundTo(EntityModel member) {
        if (nodes.isEmpty()) {
            return this;
        }
        return boundPlans.computeIfAbsent(member, model -> {
            Map<RelationshipModel, Node> bound = new LinkedHashMap<>();
            nodes.forEach((relationship, node) -> model.relationship(relationship.name()).ifPresent(own -> bound.put(own, node)));
            return new LoadPlan(Map.copyOf(bound), readOnly);
        });
    }

    /** How to load {@code relationship} of the objects this plan applies to. */
    Load.Strategy strategy(RelationshipModel relationship) {
        Node node = nodes.get(relationship);
        if (node != null) {
            return node.strategy();
        }
        return relationship.eager() || !relationship.toMany() && !relationship.owning() ? Load.Strategy.SELECT_IN
                : Load.Strategy.LAZY;
    }

    /** The plan for the objects {@code relationship} loads. */
    LoadPlan child(RelationshipModel relationship) {
        Node node = nodes.get(relationship);
        return node == null ? DEFAULT : node.children();
    }

    /** The relationships this level loads with a JOIN. */
    public List<RelationshipModel> joined() {
        return nodes.entrySet().stream().filter(entry -> entry.getValue().strategy() == Load.Strategy.JOINED)
                .map(Map.Entry::getKey).toList();
    }
}
