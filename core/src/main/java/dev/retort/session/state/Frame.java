package dev.retort.session.state;

import java.sql.Savepoint;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.retort.session.persister.EntityPersister;

/**
 * One level of transaction (the outer one, or a SAVEPOINT) and the undo log of what flushes inside it
 * changed in the session's memory, so that a rollback restores objects exactly to their state when the
 * level began: the first change of an entry within the frame records its prior state. Committing a
 * nested frame hands its records to the parent; the parent keeps its own older ones.
 */
public final class Frame {
    /** An entry's state before the frame first changed it. */
    record Undo(EntityEntry.Status status, Object[] snapshot, Object id, Object idField, Object versionField) {
        /** Puts the entry's status, snapshot and id back; a pending one also gets its id and version fields back. */
        void applyTo(EntityEntry entry) {
            entry.status = status;
            entry.snapshot = snapshot;
            entry.id = id;
            if (status == EntityEntry.Status.PENDING) {
                entry.persister.attribute(0).set(entry.instance, idField);
                int version = entry.persister.versionIndex();
                if (version >= 0) {
                    entry.persister.attribute(version).set(entry.instance, versionField);
                }
            }
        }
    }

    public final Savepoint savepoint;
    /** Set when a flush failed inside this nested frame and already rolled it back. */
    private boolean failed;
    private Map<EntityEntry, Undo> undo = new IdentityHashMap<>();

    public Frame(Savepoint savepoint) {
        this.savepoint = savepoint;
    }

    /** Whether a flush failed inside this nested frame and already rolled it back. */
    public boolean failed() {
        return failed;
    }

    /** A flush failed inside this nested frame, which is already rolled back to its savepoint. */
    public void markFailed() {
        failed = true;
    }

    public boolean nested() {
        return savepoint != null;
    }

    /**
     * About {@code changes} entries are about to be remembered at once (a flush's inserts): a frame that holds none
     * yet sizes its undo log for them once instead of doubling it step by step.
     */
    public void expectChanges(int changes) {
        if (changes > 64 && undo.isEmpty()) {
            undo = new IdentityHashMap<>(changes);
        }
    }

    /** Records the entry's state before its first change within this frame. */
    public void remember(EntityEntry entry) {
        if (!undo.containsKey(entry)) {
            EntityPersister persister = entry.persister;
            Object versionField = persister.versionIndex() >= 0
                    ? persister.attribute(persister.versionIndex()).get(entry.instance) : null;
            undo.put(entry, new Undo(entry.status, entry.snapshot, entry.id, persister.attribute(0).get(entry.instance),
                    versionField));
        }
    }

    /**
     * Hands {@code restore} each entry this frame changed with its state before the frame, then forgets
     * them (the persistence context puts them back, in its maps too). Entries put back to PENDING are left
     * for the reset that follows every rollback, which expunges them.
     */
    boolean changedNothing() {
        return undo.isEmpty();
    }

    void undo(java.util.function.BiConsumer<EntityEntry, Undo> restore) {
        undo.forEach(restore);
        undo.clear();
    }

    public void handTo(Frame parent) {
        undo.forEach(parent.undo::putIfAbsent);
    }
}
