package dev.retort;

/**
 * Attributes by name, for code that does not use the generated metamodel: the name is checked against
 * the entity's mapping at once, with the same message as {@link Query#filterBy}. Thread-safe.
 */
public final class Attr {
    private Attr() {
    }

    /**
     * The attribute {@code name} of {@code entityType}, its value type unchecked at compile time: values
     * given to it are checked when the query is built.
     */
    public static <E> Attribute<E, Object> of(Class<E> entityType, String name) {
        return Attribute.checked(entityType, name);
    }

    /** The attribute {@code name} of {@code entityType}, which must hold {@code javaType} values (boxed). */
    public static <E, V> Attribute<E, V> of(Class<E> entityType, String name, Class<V> javaType) {
        return Attribute.checked(entityType, name, javaType);
    }
}
