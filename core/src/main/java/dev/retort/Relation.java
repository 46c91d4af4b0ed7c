package dev.retort;

import java.util.Objects;

import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.RelationshipModel;

/**
 * One relationship attribute of an entity, typed by its entity and the related entity: {@code User_.posts}
 * is a {@code Relation<User, Post>}, {@code Post_.author} a {@code Relation<Post, User>}. The generated
 * metamodel declares one per relationship field; {@link #of} finds one by name. Used to choose how a
 * query loads related objects ({@link Load}). Immutable and thread-safe.
 *
 * @param <E> the entity declaring the relationship
 * @param <T> the related entity (the element type of a collection)
 */
public final class Relation<E, T> {
    private final Class<E> owner;
    private final String name;
    private final Class<T> target;
    private volatile RelationshipModel model;

    private Relation(Class<E> owner, String name, Class<T> target) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Declares a relationship without reading the mapping yet (for generated metamodels); checked on first use. */
    public static <E, T> Relation<E, T> declare(Class<E> owner, String name, Class<T> target) {
        return new Relation<>(owner, name, target);
    }

    /** The relationship {@code name} of {@code owner}, checked now against the mapping. */
    @SuppressWarnings("unchecked")
    public static <E> Relation<E, Object> of(Class<E> owner, String name) {
        RelationshipModel model = find(owner, name);
        Relation<E, Object> relation = new Relation<>(owner, name, (Class<Object>) model.target());
        relation.model = model;
        return relation;
    }

    private static RelationshipModel find(Class<?> owner, String name) {
        var entity = EntityMappings.of(owner);
        return entity.relationship(name).orElseThrow(() -> new MappingException(entity.entityName() + " has no relationship '"
                + name + "'. Its relationships are: " + (entity.relationships().isEmpty() ? "(none)"
                : String.join(", ", entity.relationships().stream().map(RelationshipModel::name).toList()))
                + ". To fix this, use the name of a @ManyToOne, @OneToOne, @OneToMany or @ManyToMany field."));
    }

    public Class<E> owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public Class<T> target() {
        return target;
    }

    /** The relationship's mapping (internal to Retort's layers). */
    public RelationshipModel model() {
        RelationshipModel found = model;
        if (found == null) {
            found = find(owner, name);
            model = found;
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relation<?, ?> relation && relation.owner == owner && relation.name.equals(name);
    }

    @Override
    public int hashCode() {
        return owner.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
