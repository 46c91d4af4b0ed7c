package dev.retort.shard;

/**
 * Which shard a new object goes to, as SQLAlchemy's {@code shard_chooser}: asked when the object is added (or
 * merged) into a {@link ShardedSession}, with its fields as they are then. Objects reached from it by cascade
 * go with it. Must be thread-safe: every session of the factory calls it.
 */
@FunctionalInterface
public interface ShardChooser {
    /** The name of the shard that stores {@code entity}. */
    String shardFor(Object entity);
}
