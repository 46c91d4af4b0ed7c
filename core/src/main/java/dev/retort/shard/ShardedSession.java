package dev.retort.shard;

import dev.retort.Session;

/**
 * A session over several shards, as SQLAlchemy's {@code ShardedSession}: one identity map per shard, so an
 * object is known by its shard, class and id (equal ids on two shards are two objects). New objects go to
 * the shard the {@link ShardChooser} names, {@code get} asks the shards the {@link IdChooser} names, and a
 * query runs on the shards the {@link QueryChooser} names, its results merged (ordering, limit and offset
 * applied after the merge). One unit of work writes to one shard: a flush, bulk statement or SQL
 * {@code execute} that would write to a second shard before the first one's transaction ended is refused;
 * unless the session is joined to a JTA transaction over XA pools ({@link JtaShardedSessions}), whose
 * transaction manager commits the shards together.
 * {@code select(...)} fans out the same way (rows merged, ordered by selected columns, made distinct and cut after
 * the merge; grouping and aggregates only on one shard), and {@code stream()} merges the shards' ordered streams.
 * <p>
 * Bulk {@code update}/{@code delete}, {@code sql} and {@code beginNested} work on one shard:
 * {@code session.shard("eu").update(...)}. Not thread-safe, as every session.
 */
public interface ShardedSession extends Session {

    /**
     * The session of one shard: its objects are this session's objects of that shard, its writes count as
     * this session's. For what runs on one shard only (tuple queries, bulk statements, SQL, savepoints).
     */
    Session shard(String name);

    /** The shard that holds {@code entity} (its identity token), or {@code null} when the session does not hold it. */
    String shardOf(Object entity);
}
