package dev.retort.shard;

import java.util.List;

/**
 * Where {@code session.get} looks for a row, as SQLAlchemy's {@code identity_chooser}: the shards that may hold
 * the id, tried in the order given until one has the row. Must be thread-safe: every session of the factory
 * calls it.
 */
@FunctionalInterface
public interface IdChooser {
    /** The names of the shards that may hold the row of {@code entityType} with this id, at least one. */
    List<String> shardsFor(Class<?> entityType, Object id);
}
