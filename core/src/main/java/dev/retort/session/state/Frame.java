package dev.retort.session.state;

import java.sql.Savepoint;
import java.util.ArrayList;

import dev.retort.session.persister.EntityPersister;

/**
 * One level of transaction (the outer one, or a SAVEPOINT) and the undo log of what flushes inside it
 * changed in the session's memory, so that a rollback restores objects exactly to their state when the
 * level began: the first change of an entry within the frame records its prior state. Committing a
 * nested frame hands its records to the parent; the parent keeps its own older ones.
 * <p>
 * The log is a list, and an entry holds the serial number of the frame that last recorded it
 * ({@link EntityEntry#rememberedIn}), so a flush of many objects records each without hashing it into a map (W1 on H2,
 * JFR: that map was about a tenth of what Retort allocated for a flush of 100,000 inserts). A record keeps the
 * number it replaced, which tells a parent whether it holds a record of its own, and goes back on the entry when the
 * frame rolls back. Numbers, not frames, so that an entry does not keep an ended frame's log alive.
 */
public final class Frame {
    /** An entry's state before the frame first changed it, and the number of the frame that had recorded it before. */
    record Undo(EntityEntry entry, EntityEntry.Status status, Object[] snapshot, Object id, Object idField,
                Object versionField, int rememberedBefore) {
        /** Puts the entry's status, snapshot and id back; a pending one also gets its id and version fields back. */
        void apply() {
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
    /** Unique among the frames of one session, never 0 (the number of an entry no frame recorded). */
    private final int serial;
    /** Set when a flush failed inside this nested frame and already rolled it back. */
    private boolean failed;
    /** One record per entry changed within this frame, in the order of their first change. */
    private final ArrayList<Undo> undo = new ArrayList<>();

    /** A frame numbered {@code serial}: unique among its session's frames, and not 0. */
    public Frame(Savepoint savepoint, int serial) {
        if (serial == 0) {
            throw new IllegalArgumentException("0 is the number of no frame");
        }
        this.savepoint = savepoint;
        this.serial = serial;
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

    /** About {@code changes} entries are about to be remembered at once (a flush's inserts): the log grows once. */
    public void expectChanges(int changes) {
        undo.ensureCapacity(undo.size() + changes);
    }

    /** Records the entry's state before its first change within this frame. */
    public void remember(EntityEntry entry) {
        if (entry.rememberedIn != serial) {
            EntityPersister persister = entry.persister;
            Object versionField = persister.versionIndex() >= 0
                    ? persister.attribute(persister.versionIndex()).get(entry.instance) : null;
            undo.add(new Undo(entry, entry.status, entry.snapshot, entry.id, persister.attribute(0).get(entry.instance),
                    versionField, entry.rememberedIn));
            entry.rememberedIn = serial;
        }
    }

    boolean changedNothing() {
        return undo.isEmpty();
    }

    /**
     * Hands {@code restore} each entry this frame changed with its state before the frame, then forgets
     * them (the persistence context puts them back, in its maps too). Entries put back to PENDING are left
     * for the reset that follows every rollback, which expunges them.
     */
    void undo(java.util.function.Consumer<Undo> restore) {
        for (Undo record : undo) {
            restore.accept(record);
            record.entry().rememberedIn = record.rememberedBefore();
        }
        undo.clear();
    }

    /** This nested frame committed: its records go to {@code parent}, except for entries the parent has recorded. */
    public void handTo(Frame parent) {
        for (Undo record : undo) {
            if (record.rememberedBefore() != parent.serial) {
                // The parent's record of the entry: the state before this one, and the number before it.
                parent.undo.add(record);
            }
            record.entry().rememberedIn = parent.serial;
        }
        undo.clear();
    }
}
