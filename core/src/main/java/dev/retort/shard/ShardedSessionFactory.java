package dev.retort.shard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.session.SessionContext;

/**
 * Opens {@link ShardedSession}s over named engines, one per shard, that hold the same tables (SQLAlchemy's
 * {@code horizontal_shard} extension): a {@link ShardChooser} places new objects, an {@link IdChooser} finds
 * rows by id, a {@link QueryChooser} picks the shards a query runs on. Statements are compiled once per shard
 * and shared by all sessions. Thread-safe: share one per application.
 */
public final class ShardedSessionFactory {
    /** Each shard's compiled statements and engine, in the order the shards were given. */
    private final Map<String, SessionContext> shards;
    private final Metadata metadata;
    private final ShardChooser shardChooser;
    private final IdChooser idChooser;
    private final QueryChooser queryChooser;

    private ShardedSessionFactory(Map<String, SessionContext> shards, Metadata metadata, ShardChooser shardChooser,
                                  IdChooser idChooser, QueryChooser queryChooser) {
        this.shards = shards;
        this.metadata = metadata;
        this.shardChooser = shardChooser;
        this.idChooser = idChooser;
        this.queryChooser = queryChooser;
    }

    /**
     * A factory over {@code shards} (name to engine; iteration order is the shards' order, in which fan-out
     * results without an ordering are concatenated) for the entities of {@code metadata}.
     */
    public static ShardedSessionFactory of(Map<String, Engine> shards, Metadata metadata, ShardChooser shardChooser,
                                           IdChooser idChooser, QueryChooser queryChooser) {
        Objects.requireNonNull(metadata, "metadata");
        if (shards == null || shards.isEmpty()) {
            throw new ConfigurationException("A sharded session factory needs at least one shard. To fix this, pass the "
                    + "shards' engines by name: ShardedSessionFactory.of(Map.of(\"eu\", euEngine, \"us\", usEngine), ...).");
        }
        requireChooser(shardChooser, "a shard chooser", "entity -> ...");
        requireChooser(idChooser, "an id chooser", "(type, id) -> List.of(...)");
        requireChooser(queryChooser, "a query chooser", "query -> List.of(...)");
        Map<String, SessionContext> contexts = new LinkedHashMap<>();
        shards.forEach((name, engine) -> {
            if (name == null || name.isBlank() || engine == null) {
                throw new ConfigurationException("Shard '" + name + "' has " + (engine == null ? "no engine" : "no name")
                        + ". To fix this, name every shard and give it an engine.");
            }
            contexts.put(name, new SessionContext(engine, metadata.models()));
        });
        return new ShardedSessionFactory(contexts, metadata, shardChooser, idChooser, queryChooser);
    }

    private static void requireChooser(Object chooser, String what, String example) {
        if (chooser == null) {
            throw new ConfigurationException("A sharded session factory needs " + what + ". To fix this, pass one ("
                    + example + ").");
        }
    }

    /** A new session; each shard's connection is taken when that shard is first used. */
    public ShardedSession open() {
        return new ShardedSessionImpl(this);
    }

    /**
     * A session for the calling thread's JTA transaction (see {@link JtaShardedSessions}, which opens and ends it
     * with the transaction): each shard's session is joined to it (its connections enlisted by the shard's pool,
     * flushed when told, never committing on its own), so one unit of work may write to several shards and the
     * transaction manager commits them together. That is atomic when the shards' pools are XA; a pool that is
     * not cannot enlist beside another one, and the write that needs it fails saying so.
     * {@code markRollbackOnly} is called when a flush fails.
     */
    public JoinedShardedSession openJoined(Runnable markRollbackOnly) {
        Objects.requireNonNull(markRollbackOnly, "markRollbackOnly");
        return new ShardedSessionImpl(this, markRollbackOnly);
    }

    /** The shards' names, in their order. */
    public List<String> shardNames() {
        return List.copyOf(shards.keySet());
    }

    /** The engine of shard {@code name}. */
    public Engine engine(String name) {
        SessionContext context = shards.get(name);
        if (context == null) {
            throw ShardedSessionImpl.unknownShard(name, "engine(\"" + name + "\")", shardNames());
        }
        return context.engine();
    }

    public Metadata metadata() {
        return metadata;
    }

    Map<String, SessionContext> contexts() {
        return shards;
    }

    ShardChooser shardChooser() {
        return shardChooser;
    }

    IdChooser idChooser() {
        return idChooser;
    }

    QueryChooser queryChooser() {
        return queryChooser;
    }
}
