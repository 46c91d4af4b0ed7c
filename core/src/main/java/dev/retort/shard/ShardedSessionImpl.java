package dev.retort.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.DeleteQuery;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Query;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.SqlQuery;
import dev.retort.Transaction;
import dev.retort.UnsupportedFeatureException;
import dev.retort.UpdateQuery;
import dev.retort.mapping.EntityMappings;
import dev.retort.session.SessionImpl;
import dev.retort.session.TransactionMode;
import dev.retort.session.WriteGuard;

/**
 * The {@link ShardedSession}: one ordinary session per shard, each with its own identity map and its own
 * transaction, so that the shard is part of every object's identity. Objects are routed by the factory's
 * choosers; each shard's session asks a shared {@link ShardWrites} before it writes, unless the shards' sessions
 * are joined to one JTA transaction ({@link JoinedShardedSession}). Not thread-safe.
 */
final class ShardedSessionImpl implements JoinedShardedSession {
    private final ShardedSessionFactory factory;
    private final Map<String, SessionImpl> shards = new LinkedHashMap<>();
    /** Whether the shards' sessions are joined to a JTA transaction (and may then all write), or run their own. */
    private final boolean joined;
    /** What keeps a unit of work on one shard when the shards run their own transactions; null when joined. */
    private final ShardWrites writes;
    private boolean closed;

    /** A session whose shards run their own transactions: one unit of work writes to one shard. */
    ShardedSessionImpl(ShardedSessionFactory factory) {
        this.factory = factory;
        this.joined = false;
        this.writes = new ShardWrites();
        factory.contexts().forEach((name, context) -> {
            SessionImpl session = new SessionImpl(context, null);
            session.guardWrites(writes.guardFor(name));
            shards.put(name, session);
        });
    }

    /**
     * A session whose shards' sessions are all joined to the calling thread's JTA transaction: the transaction
     * manager commits their writes together, so no shard guard; {@code markRollbackOnly} when a flush fails.
     */
    ShardedSessionImpl(ShardedSessionFactory factory, Runnable markRollbackOnly) {
        this.factory = factory;
        this.joined = true;
        this.writes = null;
        factory.contexts().forEach((name, context) ->
                shards.put(name, new SessionImpl(context, null, TransactionMode.joined(markRollbackOnly))));
    }

    /** Every shard's session asks {@code guard} before each write, then the one-shard rule when it applies. */
    @Override
    public void guardWrites(WriteGuard guard) {
        shards.forEach((name, session) -> session.guardWrites(writes == null ? guard : guard.then(writes.guardFor(name))));
    }

    /** Flushes every shard's session before the JTA transaction commits (each marks it rollback-only if its flush fails). */
    @Override
    public void beforeCompletion() {
        requireJoined("beforeCompletion()");
        onEveryShard(SessionImpl::beforeCompletion);
    }

    /** Ends every shard's session with the JTA transaction, and this session with them. */
    @Override
    public void completed(boolean committed) {
        requireJoined("completed(...)");
        closed = true;
        onEveryShard(session -> session.completed(committed));
    }

    private void requireJoined(String call) {
        if (!joined) {
            throw new InvalidRequestException(call + " is for a sharded session joined to a JTA transaction "
                    + "(shardedSessionFactory.openJoined(...)), which this one is not: it runs its own transactions. To fix "
                    + "this, end it with commit() or rollback(), and close().");
        }
    }

    @Override
    public Session shard(String name) {
        checkOpen();
        return session(name, "session.shard(\"" + name + "\")");
    }

    /** What the session did on all its shards: the sum of each shard's session statistics. */
    @Override
    public dev.retort.Statistics statistics() {
        dev.retort.Statistics total = dev.retort.Statistics.NONE;
        for (SessionImpl session : shards.values()) {
            total = total.plus(session.statistics());
        }
        return total;
    }

    @Override
    public String shardOf(Object entity) {
        for (Map.Entry<String, SessionImpl> shard : shards.entrySet()) {
            if (shard.getValue().contains(entity)) {
                return shard.getKey();
            }
        }
        return null;
    }

    /** The session of shard {@code name}; {@code source} says who named it, for the message when no shard has that name. */
    SessionImpl session(String name, String source) {
        SessionImpl session = shards.get(name);
        if (session == null) {
            throw unknownShard(name, source, List.copyOf(shards.keySet()));
        }
        return session;
    }

    static InvalidRequestException unknownShard(String name, String source, List<String> shards) {
        if (name == null) {
            return new InvalidRequestException(source + " named no shard (null). To fix this, return one of the factory's "
                    + "shards: " + String.join(", ", shards) + ".");
        }
        return new InvalidRequestException(source + " named shard '" + name + "', which this sharded session factory does "
                + "not have (its shards: " + String.join(", ", shards) + "). To fix this, name one of those, or add the shard "
                + "to ShardedSessionFactory.of(...).");
    }

    /** The sessions of the shards {@code names} (at least one), as a chooser gave them. */
    List<SessionImpl> sessions(List<String> names, String source) {
        if (names == null || names.isEmpty()) {
            throw new InvalidRequestException(source + " named no shard. To fix this, return at least one of "
                    + String.join(", ", shards.keySet()) + " (all of them when the shard cannot be told).");
        }
        List<SessionImpl> sessions = new ArrayList<>(names.size());
        for (String name : names) {
            sessions.add(session(name, source));
        }
        return sessions;
    }

    /** "City#9", or "a new City" when it has no id yet, for messages. */
    static String describe(Object entity) {
        Object id = EntityMappings.of(entity.getClass()).id().get(entity);
        return id == null ? "a new " + entity.getClass().getSimpleName() : entity.getClass().getSimpleName() + "#" + id;
    }

    /** The shard session holding {@code entity}, or null. */
    private SessionImpl holder(Object entity) {
        String name = entity == null ? null : shardOf(entity);
        return name == null ? null : shards.get(name);
    }

    /** The shard session the shard chooser names for a new object. */
    private SessionImpl chosen(Object entity) {
        String name = factory.shardChooser().shardFor(entity);
        return session(name, "The shard chooser (for " + describe(entity) + ")");
    }

    /** The session that answers for an object: the shard's holding it, else the first (whose error says it is not held). */
    private Session answering(Object entity) {
        SessionImpl holder = holder(entity);
        return holder != null ? holder : shards.values().iterator().next();
    }

    // ---- objects ------------------------------------------------------------------------------------

    @Override
    public void add(Object entity) {
        checkOpen();
        SessionImpl holder = holder(entity);
        if (holder != null) {
            holder.add(entity);
        } else if (entity == null) {
            shards.values().iterator().next().add(null);
        } else {
            chosen(entity).add(entity);
        }
    }

    @Override
    public void addAll(Collection<?> entities) {
        for (Object entity : entities) {
            add(entity);
        }
    }

    @Override
    public void addAll(Object... entities) {
        addAll(Arrays.asList(entities));
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        checkOpen();
        for (SessionImpl session : sessions(factory.idChooser().shardsFor(entityType, id),
                "The id chooser (for " + entityType.getSimpleName() + "#" + id + ")")) {
            T found = session.get(entityType, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public void delete(Object entity) {
        checkOpen();
        answering(entity).delete(entity);
    }

    @Override
    public void refresh(Object entity) {
        checkOpen();
        answering(entity).refresh(entity);
    }

    @Override
    public void expire(Object entity) {
        checkOpen();
        answering(entity).expire(entity);
    }

    @Override
    public void expunge(Object entity) {
        checkOpen();
        answering(entity).expunge(entity);
    }

    @Override
    public <T> T merge(T entity) {
        checkOpen();
        SessionImpl holder = holder(entity);
        if (holder != null || entity == null) {
            return answering(entity).merge(entity);
        }
        return chosen(entity).merge(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return shardOf(entity) != null;
    }

    // ---- queries ------------------------------------------------------------------------------------

    @Override
    public <T> Query<T> query(Class<T> entityType) {
        checkOpen();
        Map<String, Query<T>> queries = new LinkedHashMap<>();
        shards.forEach((name, session) -> queries.put(name, session.query(entityType)));
        return new ShardedQuery<>(this, entityType, queries);
    }

    ShardedSessionFactory factory() {
        return factory;
    }

    @Override
    public SelectQuery select(Expr<?>... columns) {
        checkOpen();
        Map<String, SelectQuery> queries = new LinkedHashMap<>();
        shards.forEach((name, session) -> queries.put(name, session.select(columns)));
        return new ShardedSelectQuery(this, List.of(columns), queries);
    }

    @Override
    public <T> UpdateQuery<T> update(Class<T> entityType) {
        throw oneShardOnly("update(" + entityType.getSimpleName() + ".class)",
                "session.shard(\"" + firstShard() + "\").update(" + entityType.getSimpleName() + ".class)");
    }

    @Override
    public <T> DeleteQuery<T> delete(Class<T> entityType) {
        throw oneShardOnly("delete(" + entityType.getSimpleName() + ".class)",
                "session.shard(\"" + firstShard() + "\").delete(" + entityType.getSimpleName() + ".class)");
    }

    @Override
    public SqlQuery sql(String sql) {
        throw oneShardOnly("sql(...)", "session.shard(\"" + firstShard() + "\").sql(...)");
    }

    private String firstShard() {
        return shards.keySet().iterator().next();
    }

    private UnsupportedFeatureException oneShardOnly(String call, String instead) {
        return new UnsupportedFeatureException("session." + call + " on a sharded session: Retort runs it on one shard, "
                + "not across shards. To fix this, name the shard: " + instead + ".");
    }

    // ---- transactions -------------------------------------------------------------------------------

    @Override
    public void flush() {
        checkOpen();
        shards.values().forEach(SessionImpl::flush);
    }

    /**
     * Flushes every shard first (so that a unit of work spanning shards is refused before anything commits),
     * then commits each shard's transaction; at most one of them wrote.
     */
    @Override
    public void commit() {
        flush();
        shards.values().forEach(SessionImpl::commit);
    }

    @Override
    public void rollback() {
        checkOpen();
        onEveryShard(SessionImpl::rollback);
    }

    /** Runs {@code action} on every shard's session even if one fails (see {@link EachShard}). */
    private void onEveryShard(java.util.function.Consumer<SessionImpl> action) {
        EachShard.run(shards.values(), action);
    }

    @Override
    public Transaction begin() {
        checkOpen();
        if (joined) {
            // As every session a container hands out: the JTA transaction is the container's.
            throw TransactionMode.containerOwnsTheTransaction("begin()");
        }
        if (inTransaction()) {
            throw new InvalidRequestException("A transaction is already active on this sharded session (it began on first "
                    + "use). To fix this, commit or roll it back first, or use session.shard(name).beginNested() for a SAVEPOINT.");
        }
        return new Transaction() {
            private boolean active = true;

            @Override
            public void commit() {
                requireActive();
                ShardedSessionImpl.this.commit();
                active = false;
            }

            @Override
            public void rollback() {
                requireActive();
                active = false;
                ShardedSessionImpl.this.rollback();
            }

            private void requireActive() {
                if (!active) {
                    throw new InvalidRequestException("This transaction has already ended. To fix this, begin a new one "
                            + "with session.begin().");
                }
            }

            @Override
            public boolean isActive() {
                return active;
            }

            @Override
            public void close() {
                if (active && !closed) {
                    rollback();
                }
            }
        };
    }

    @Override
    public Transaction beginNested() {
        throw oneShardOnly("beginNested()", "session.shard(\"" + firstShard() + "\").beginNested()");
    }

    @Override
    public boolean inTransaction() {
        return shards.values().stream().anyMatch(Session::inTransaction);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onEveryShard(SessionImpl::close);
    }

    void checkOpen() {
        if (closed) {
            throw new InvalidRequestException("This sharded session is closed. To fix this, open a new one with "
                    + "shardedSessionFactory.open().");
        }
    }
}
