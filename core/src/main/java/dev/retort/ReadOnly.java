package dev.retort;

import java.util.Objects;

/**
 * The choice of a read-only session, {@code sessions.open(ReadOnly.readYourWrites())}: it reads from one of
 * the engine's replicas in rotation (the primary when the engine has none) and refuses every write. What it
 * waits for before reading from a replica: {@link #readYourWrites()} the last commit of the calling thread
 * through the same engine, {@link #after(CommitToken)} a commit made elsewhere, {@link #maybeStale()}
 * nothing. A replica that has not applied that commit within the engine's {@code replicas.wait} leaves
 * the read to the primary. Immutable and thread-safe.
 */
public final class ReadOnly {
    private static final ReadOnly OWN_WRITES = new ReadOnly(null, false);
    private static final ReadOnly STALE = new ReadOnly(null, true);

    private final CommitToken after;
    private final boolean stale;

    private ReadOnly(CommitToken after, boolean stale) {
        this.after = after;
        this.stale = stale;
    }

    /** Reads that see every commit the calling thread made through the same engine before (the default choice). */
    public static ReadOnly readYourWrites() {
        return OWN_WRITES;
    }

    /** Reads that see the commit {@code token} stands for ({@link SessionFactory#lastCommit()}, passed along). */
    public static ReadOnly after(CommitToken token) {
        return new ReadOnly(Objects.requireNonNull(token, "token"), false);
    }

    /** Reads from any replica in rotation, however far behind within the engine's {@code replicas.max-lag}. */
    public static ReadOnly maybeStale() {
        return STALE;
    }

    /** The position to wait for, or null for none; {@code ownLast} is the calling thread's last commit (internal). */
    String position(String ownLast) {
        if (stale) {
            return null;
        }
        return after != null ? after.position() : ownLast;
    }

    @Override
    public String toString() {
        return stale ? "ReadOnly.maybeStale()" : after != null ? "ReadOnly.after(" + after + ")" : "ReadOnly.readYourWrites()";
    }
}
