package dev.retort.shard;

import dev.retort.session.JoinedSession;

/**
 * A sharded session whose transaction a JTA transaction manager runs ({@link ShardedSessionFactory#openJoined}):
 * every shard's session is joined to that transaction, so one unit of work may write to several shards and the
 * transaction manager commits them together (two-phase when the shards' pools are XA). What
 * {@link JtaShardedSessions} tells it at the two ends of the transaction: {@link #beforeCompletion()} flushes
 * every shard, {@link #completed(boolean)} ends every shard's session.
 */
public interface JoinedShardedSession extends ShardedSession, JoinedSession {
}
