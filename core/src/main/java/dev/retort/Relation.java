package dev.retort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import java.util.Objects;

import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.RelationshipModel;
import dev.retort.sql.Expression;

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

    /**
     * The related object is {@code target}, as SQLAlchemy's {@code Post.author == bob}: compares the foreign
     * key with the target's id ({@code posts.author_id = ?}); a {@code null} target means IS NULL. Only an
     * owning to-one relationship has the foreign key; the target must have its id (be saved or flushed).
     */
    public Predicate eq(T target) {
        if (target == null) {
            return isNull();
        }
        return new Predicate(new Expression.Comparison(foreignKey(), Expression.Operator.EQ, idValue(target, "eq")),
                this + " = " + describe(target));
    }

    /** The related object is not {@code target} (or there is none): {@code author_id <> ? OR author_id IS NULL}. */
    public Predicate ne(T target) {
        if (target == null) {
            return isNotNull();
        }
        Expression differs = new Expression.Comparison(foreignKey(), Expression.Operator.NE, idValue(target, "ne"));
        return new Predicate(new Expression.Or(List.of(differs, new Expression.IsNull(foreignKey(), false))),
                this + " <> " + describe(target));
    }

    /** The related object is one of {@code targets}: {@code author_id IN (?, ?)}. */
    @SafeVarargs
    public final Predicate in(T... targets) {
        return in(Arrays.asList(targets));
    }

    /** The related object is one of {@code targets}: {@code author_id IN (...)}; an empty collection matches nothing. */
    public Predicate in(Collection<? extends T> targets) {
        List<Expression> ids = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (T target : targets) {
            ids.add(idValue(target, "in"));
            described.add(describe(target));
        }
        return new Predicate(new Expression.In(foreignKey(), ids, false), this + " IN (" + String.join(", ", described) + ")");
    }

    /** There is no related object: {@code author_id IS NULL}. */
    public Predicate isNull() {
        return new Predicate(new Expression.IsNull(foreignKey(), false), this + " IS NULL");
    }

    /** There is a related object: {@code author_id IS NOT NULL}. */
    public Predicate isNotNull() {
        return new Predicate(new Expression.IsNull(foreignKey(), true), this + " IS NOT NULL");
    }

    private AttributeModel requireForeignKey() {
        AttributeModel column = model().joinColumn();
        if (column == null) {
            throw new InvalidRequestException(this + " cannot be compared with an object: only the owning side of a "
                    + "@ManyToOne or @OneToOne holds the foreign key, and " + this + " is a " + model().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " side without one. "
                    + "To fix this, compare from the owning side (" + target.getSimpleName() + "_.<its reference>.eq(...)), or "
                    + "join along the relationship (query.join(" + owner.getSimpleName() + "_." + name + ")) and filter on the "
                    + "other entity's attributes.");
        }
        return column;
    }

    private Expression foreignKey() {
        AttributeModel column = requireForeignKey();
        return new Expression.ColumnRef(EntityMappings.of(owner).tableOf(column), column.column().name());
    }

    private Expression idValue(T target, String method) {
        AttributeModel column = requireForeignKey();
        if (target == null) {
            throw new InvalidRequestException(this + "." + method + "(...) got null among its objects. To fix this, leave "
                    + "null out and add " + this + ".isNull() with or().");
        }
        Object id = column.idOf(target);
        if (id == null) {
            throw new InvalidRequestException(this + "." + method + "(...) got " + describe(target) + ", which has no id "
                    + "yet, so no row can refer to it. To fix this, add it to the session and flush (or commit) first.");
        }
        return new Expression.Value(column.toStored(id), column.column().type().type());
    }

    /** "User#1", or "a new User" before it has an id. */
    private String describe(Object target) {
        Object id = requireForeignKey().idOf(target);
        return id == null ? "a new " + target.getClass().getSimpleName() : target.getClass().getSimpleName() + "#" + id;
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
