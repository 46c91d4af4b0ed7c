package dev.retort.session;

import java.sql.Savepoint;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One level of transaction (the outer one, or a SAVEPOINT) and the undo log of what flushes inside it
 * changed in the session's memory, so that a rollback restores objects exactly to their state when the
 * level began: the first change of an entry within the frame records its prior state. Committing a
 * nested frame hands its records to the parent; the parent keeps its own older ones.
 */
final class Frame {
    /** An entry's state before the frame first changed it. */
    record Undo(EntityEntry.Status status, Object[] snapshot, Object id, Object idField, Object versionField) {
    }

    final Savepoint savepoint;
    /** Set when a flush failed inside this nested frame and already rolled it back. */
    boolean failed;
    final Map<EntityEntry, Undo> undo = new IdentityHashMap<>();

    Frame(Savepoint savepoint) {
        this.savepoint = savepoint;
    }

    boolean nested() {
        return savepoint != null;
    }

    /** Records the entry's state before its first change within this frame. */
    void remember(EntityEntry entry) {
        if (!undo.containsKey(entry)) {
            EntityPersister persister = entry.persister;
            Object versionField = persister.versionIndex() >= 0
                    ? persister.attribute(persister.versionIndex()).get(entry.instance) : null;
            undo.put(entry, new Undo(entry.status, entry.snapshot, entry.id, persister.attribute(0).get(entry.instance),
                    versionField));
        }
    }

    /**
     * Puts every entry this frame changed back as it was when the frame began, in the session's maps too.
     * Entries put back to PENDING are left for the reset that follows every rollback, which expunges them.
     */
    void undo(Map<EntityKey, EntityEntry> identityMap, Map<Object, EntityEntry> entries) {
        for (Map.Entry<EntityEntry, Undo> record : undo.entrySet()) {
            EntityEntry entry = record.getKey();
            Undo before = record.getValue();
            if (entry.id != null && identityMap.get(entry.key()) == entry) {
                identityMap.remove(entry.key());
            }
            entry.status = before.status();
            entry.snapshot = before.snapshot();
            entry.id = before.id();
            if (before.status() == EntityEntry.Status.PENDING) {
                entry.persister.attribute(0).set(entry.instance, before.idField());
                int version = entry.persister.versionIndex();
                if (version >= 0) {
                    entry.persister.attribute(version).set(entry.instance, before.versionField());
                }
            } else {
                identityMap.put(entry.key(), entry);
            }
            entries.put(entry.instance, entry);
        }
        undo.clear();
    }

    void handTo(Frame parent) {
        undo.forEach(parent.undo::putIfAbsent);
    }
}
