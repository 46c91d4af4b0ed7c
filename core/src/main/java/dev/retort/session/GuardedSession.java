package dev.retort.session;

import dev.retort.Session;

/**
 * A session whose writes container glue ({@code dev.retort.jta}, shards) can guard: each write asks the guard
 * first, so a container refuses it with its own message and fix (a transaction marked read-only) before the
 * session's own checks.
 */
public interface GuardedSession extends Session {
    /** Makes every write of this session ask {@code guard} first, and tells it when a transaction ends. */
    void guardWrites(WriteGuard guard);
}
