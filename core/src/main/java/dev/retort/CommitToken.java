package dev.retort;

import java.util.Objects;

/**
 * Where a commit on the primary is in the database's replication log, so that a later read-only session
 * (in another thread, request or process) reads from a replica only once that replica has applied it:
 * {@code sessions.open(ReadOnly.after(token))}. {@link #toString()} gives text to pass along (an HTTP
 * header, a cookie) and {@link #parse(String)} reads it back. Immutable and thread-safe.
 */
public final class CommitToken {
    /** No commit to wait for: reads may go to any replica in rotation. */
    public static final CommitToken NONE = new CommitToken("");

    private final String position;

    private CommitToken(String position) {
        this.position = position;
    }

    /** The token {@code text} was made from by {@link #toString()}; empty or null text gives {@link #NONE}. */
    public static CommitToken parse(String text) {
        return text == null || text.isBlank() ? NONE : new CommitToken(text.trim());
    }

    /** The position, or null for {@link #NONE} (internal to Retort's layers). */
    String position() {
        return position.isEmpty() ? null : position;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommitToken token && token.position.equals(position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position);
    }

    /** The database's own position text: a PostgreSQL WAL position such as {@code 0/3000148}, a MariaDB GTID such as {@code 0-1-42}. */
    @Override
    public String toString() {
        return position;
    }
}
