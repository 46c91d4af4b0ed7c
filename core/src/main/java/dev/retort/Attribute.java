package dev.retort;

import java.util.Objects;

import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.JavaTypes;
import dev.retort.sql.Expression;

/**
 * One mapped attribute of an entity, typed by its entity and its value: {@code User_.age} is an
 * {@code Attribute<User, Integer>}. The generated metamodel ({@code User_}) declares one per mapped field;
 * {@link Attr#of} finds one by name, checked against the mapping. As an {@link Expr} it compares, orders
 * and computes; values given to it are checked against its type and bound as its column's type.
 * Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <V> the attribute's value type (boxed for primitive fields)
 */
public final class Attribute<E, V> extends Expr<V> {
    private final Class<E> entityType;
    private final String name;
    private final String alias;
    private volatile AttributeModel model;

    private Attribute(Class<E> entityType, String name, Class<V> javaType, String alias) {
        super(Objects.requireNonNull(javaType, "javaType"));
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = Objects.requireNonNull(name, "name");
        this.alias = alias;
    }

    private Attribute(Class<E> entityType, String name, Class<V> javaType) {
        this(entityType, name, javaType, null);
    }

    /**
     * Declares an attribute without reading the mapping yet: for generated metamodels, whose static
     * initialisers must not fail. The mapping is checked when the attribute is first used.
     */
    public static <E, V> Attribute<E, V> declare(Class<E> entityType, String name, Class<V> javaType) {
        return new Attribute<>(entityType, name, javaType);
    }

    /** An attribute found by name, checked now; see {@link Attr#of}. */
    static <E> Attribute<E, Object> checked(Class<E> entityType, String name) {
        AttributeModel model = EntityMappings.of(entityType).requireAttribute(name);
        Attribute<E, Object> attribute = new Attribute<>(entityType, name, Object.class);
        attribute.model = model;
        return attribute;
    }

    static <E, V> Attribute<E, V> checked(Class<E> entityType, String name, Class<V> javaType) {
        AttributeModel model = EntityMappings.of(entityType).requireAttribute(name);
        if (JavaTypes.boxed(model.javaType()) != javaType) {
            throw new InvalidRequestException("Attr.of(" + entityType.getSimpleName() + ".class, \"" + name + "\", "
                    + javaType.getSimpleName() + ".class): " + model + " holds " + JavaTypes.boxed(model.javaType()).getName()
                    + " values, not " + javaType.getName() + ". To fix this, pass " + JavaTypes.boxed(model.javaType()).getSimpleName()
                    + ".class, or use the generated metamodel (" + entityType.getSimpleName() + "_." + name + ").");
        }
        Attribute<E, V> attribute = new Attribute<>(entityType, name, javaType);
        attribute.model = model;
        return attribute;
    }

    public Class<E> entityType() {
        return entityType;
    }

    /** This attribute of the entity's table under an alias (self-joins); see {@link Alias#get}. */
    Attribute<E, V> qualifiedBy(String tableAlias) {
        Attribute<E, V> attribute = new Attribute<>(entityType, name, javaType(), tableAlias);
        attribute.model = model;
        return attribute;
    }

    /** The alias qualifying this attribute, or {@code null} for the entity's table itself. */
    String alias() {
        return alias;
    }

    /** The column, qualified by its table (or alias) for statements that read several tables. */
    @Override
    public Expression node() {
        return new Expression.ColumnRef(alias != null ? alias : EntityMappings.of(entityType).tableOf(model()), model().column().name());
    }

    /** A value for this attribute: checked against its type (integral numbers widened), enums as stored, its column's SQL type. */
    @Override
    Expression bind(Object value) {
        if (value instanceof Expr<?> expression) {
            return expression.node();
        }
        AttributeModel attribute = model();
        Class<?> target = JavaTypes.boxed(attribute.javaType());
        Object checked = value;
        if (value != null && !target.isInstance(value)) {
            checked = JavaTypes.widenIntegral(value, target);
            if (checked == null) {
                throw new InvalidRequestException(this + " is a " + target.getName() + ", but the value given is "
                        + (value instanceof String ? "the String \"" + value + "\"" : "a " + value.getClass().getName() + " (" + value + ")")
                        + ". To fix this, pass " + JavaTypes.withArticle(target.getSimpleName()) + ".");
            }
        }
        return new Expression.Value(attribute.toStored(checked), attribute.column().type().type());
    }

    /** The Java field name. */
    public String name() {
        return name;
    }

    /** The mapping of this attribute, read (and checked) on first use. */
    AttributeModel model() {
        AttributeModel resolved = model;
        if (resolved == null) {
            resolved = EntityMappings.of(entityType).requireAttribute(name);
            model = resolved;
        }
        return resolved;
    }

    @Override
    public String toString() {
        return (alias != null ? alias : entityType.getSimpleName()) + "." + name;
    }
}
