package dev.retort.shard;

import java.util.List;

/**
 * Which shards a query runs on, as SQLAlchemy's {@code execute_chooser}: those its filters allow
 * ({@link ShardQuery#values} tells what the filters restrict an attribute to), or all of them. Asked each
 * time a query runs. Must be thread-safe: every session of the factory calls it.
 */
@FunctionalInterface
public interface QueryChooser {
    /** The names of the shards to run {@code query} on, at least one. */
    List<String> shardsFor(ShardQuery query);
}
