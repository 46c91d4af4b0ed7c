package dev.retort;

import java.util.Objects;

import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;

/**
 * One mapped attribute of an entity, typed by its entity and its value: {@code User_.age} is an
 * {@code Attribute<User, Integer>}. The generated metamodel ({@code User_}) declares one per mapped field;
 * {@link Attr#of} finds one by name, checked against the mapping. Immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <V> the attribute's value type (boxed for primitive fields)
 */
public final class Attribute<E, V> {
    private final Class<E> entityType;
    private final String name;
    private final Class<V> javaType;
    private volatile AttributeModel model;

    private Attribute(Class<E> entityType, String name, Class<V> javaType) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = Objects.requireNonNull(name, "name");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
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
        if (boxed(model.javaType()) != javaType) {
            throw new InvalidRequestException("Attr.of(" + entityType.getSimpleName() + ".class, \"" + name + "\", "
                    + javaType.getSimpleName() + ".class): " + model + " holds " + boxed(model.javaType()).getName()
                    + " values, not " + javaType.getName() + ". To fix this, pass " + boxed(model.javaType()).getSimpleName()
                    + ".class, or use the generated metamodel (" + entityType.getSimpleName() + "_." + name + ").");
        }
        Attribute<E, V> attribute = new Attribute<>(entityType, name, javaType);
        attribute.model = model;
        return attribute;
    }

    public Class<E> entityType() {
        return entityType;
    }

    /** The Java field name. */
    public String name() {
        return name;
    }

    /** The value type; {@code Object} for attributes found by name without a type. */
    public Class<V> javaType() {
        return javaType;
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

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) return Long.class;
        if (type == int.class) return Integer.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == boolean.class) return Boolean.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        return Character.class;
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "." + name;
    }
}
