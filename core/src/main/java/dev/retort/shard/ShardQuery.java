package dev.retort.shard;

import java.util.Optional;
import java.util.Set;

import dev.retort.Attribute;

/**
 * What a {@link QueryChooser} sees of a query of a sharded session: its entity, and the values its filters
 * allow an attribute to take. Read from {@code filterBy(attribute, value)} and from {@code filter} conditions
 * {@code attribute.eq(value)} and {@code attribute.in(...)}, combined with AND (each narrows the set) and OR
 * (only when every branch names the attribute: the union). Not thread-safe, as the query.
 */
public interface ShardQuery {
    /** The entity the query loads; for {@code select(...)}, the entity whose table it reads, or null when it names none. */
    Class<?> entityType();

    /**
     * The values the query's filters restrict {@code attribute} to (as the entity's field holds them), or
     * empty when the filters allow any value (then the query usually goes to every shard).
     */
    Optional<Set<Object>> values(Attribute<?, ?> attribute);

    /** {@link #values(Attribute)} for an attribute of the query's entity, by name. */
    Optional<Set<Object>> values(String attribute);
}
