package dev.retort;

import java.util.Objects;

/**
 * An entity's table under another name, for self-joins and for reading one table twice:
 * {@code Alias<Employee> manager = Alias.of(Employee.class, "manager")}, then
 * {@code query.join(manager, Employee_.managerId.eq(manager.get(Employee_.id)))}. Immutable and thread-safe.
 *
 * @param <E> the entity type
 */
public final class Alias<E> {
    private final Class<E> entityType;
    private final String name;

    private Alias(Class<E> entityType, String name) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The alias {@code name} (an SQL identifier, quoted where needed) for the table of {@code entityType}. */
    public static <E> Alias<E> of(Class<E> entityType, String name) {
        dev.retort.mapping.EntityMappings.of(entityType);
        if (name.isBlank()) {
            throw new InvalidRequestException("Alias.of(" + entityType.getSimpleName() + ".class, \"" + name + "\"): an alias needs "
                    + "a name. To fix this, pass one such as \"" + entityType.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "2\".");
        }
        return new Alias<>(entityType, name);
    }

    /** The attribute read from this alias instead of the entity's table. */
    public <V> Attribute<E, V> get(Attribute<E, V> attribute) {
        return attribute.qualifiedBy(name);
    }

    public Class<E> entityType() {
        return entityType;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + " AS " + name;
    }
}
