package dev.retort.session.state;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.retort.session.persister.EntityPersister;

/**
 * The objects of one session and what it knows of each (SQLAlchemy's identity map and object states,
 * Hibernate's persistence context): an entry per object, the identity map from row keys to entries, and
 * the list of objects waiting for their INSERT. Every change of an entry's {@link EntityEntry.Status}
 * happens here; the loader, the flush and the session ask this class instead of touching the maps.
 * Not thread-safe, as its session.
 */
public final class PersistenceContext {
    /** Entry by instance, for every entry but those still {@link #unindexed}. */
    private Map<Object, EntityEntry> entries = new IdentityHashMap<>();
    /**
     * Entries of loaded rows not yet in {@link #entries}: hashing an object's identity costs about as much as
     * reading its row, and a session that loads and commits never looks an object up, so loads only append
     * here and the first lookup by instance (or removal) indexes them. Loaded instances are always new, so
     * none is both here and in {@code entries}.
     */
    private final ArrayList<EntityEntry> unindexed = new ArrayList<>();
    /**
     * The identity map: entry by row key, as one map of ids per key class (the hierarchy's root), so that a
     * row's key is its id object as read, without a key object per row to allocate, hash and compare.
     */
    private final Map<Class<?>, KeysOf> identityMap = new HashMap<>(8);
    private final ArrayList<EntityEntry> pending = new ArrayList<>();
    private final Collection<EntityEntry> entriesView = new AllEntries();
    private final List<EntityEntry> pendingView = Collections.unmodifiableList(pending);
    /**
     * Which state of the database the session's objects reflect: a commit or rollback begins a new epoch,
     * which expires every object (and loaded collection) read before at once, without visiting them.
     */
    private long epoch;

    // ---- looking up ---------------------------------------------------------------------------------

    /** The entry of an object of this session, or null. */
    public EntityEntry entryOf(Object instance) {
        index();
        return entries.get(instance);
    }

    /**
     * As {@link #entryOf(Object)}, for an object of {@code persister}'s class (or of a subclass): found by the id in its
     * field through the identity map when it holds this very object, else by instance. A session that loads and
     * commits then never hashes its objects' identities (see {@link #unindexed}).
     */
    public EntityEntry entryOf(Object instance, EntityPersister persister) {
        if (persister.entityType().isInstance(instance)) {
            Object id = persister.attribute(0).get(instance);
            EntityEntry entry = id == null ? null : byKey(persister.keyType(), id);
            if (entry != null && entry.instance == instance) {
                return entry;
            }
        }
        return entryOf(instance);
    }

    public boolean contains(Object instance) {
        index();
        return entries.containsKey(instance);
    }

    private void index() {
        if (!unindexed.isEmpty()) {
            expectEntries(unindexed.size());
            for (EntityEntry entry : unindexed) {
                entries.put(entry.instance, entry);
            }
            unindexed.clear();
        }
    }

    /** The entry holding the row with this key, or null. */
    public EntityEntry byKey(EntityKey key) {
        return byKey(key.type(), key.id());
    }

    /** As {@link #byKey(EntityKey)}, without a key object: loads look up every row they read. */
    public EntityEntry byKey(Class<?> keyType, Object id) {
        KeysOf keys = identityMap.get(keyType);
        return keys == null ? null : keys.get(id);
    }

    public boolean holdsKey(Class<?> keyType, Object id) {
        return byKey(keyType, id) != null;
    }

    /** Every entry, in no particular order (a read-only view). */
    public Collection<EntityEntry> entries() {
        return entriesView;
    }

    /** The objects added and not yet inserted, in the order they were added (a read-only view). */
    public List<EntityEntry> pending() {
        return pendingView;
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    // ---- objects coming in --------------------------------------------------------------------------

    /**
     * About {@code more} objects are coming in at once (a load's rows being indexed, an {@code addAll}): the map of
     * entries by instance is grown once for all of them, not doubled (and rehashed) step by step.
     */
    public void expectEntries(int more) {
        if (more > 64) {
            Map<Object, EntityEntry> larger = new IdentityHashMap<>(entries.size() + more);
            larger.putAll(entries);
            entries = larger;
        }
    }

    /** About {@code more} new objects are being added at once ({@code addAll}): the maps and the pending list grow once. */
    public void expectPending(int more) {
        expectEntries(more);
        pending.ensureCapacity(pending.size() + more);
    }

    /** Whether every object of the session is pending: none has a row yet, so there is nothing to update or delete. */
    public boolean onlyPending() {
        return pending.size() == entries.size() + unindexed.size();
    }

    /** A new object for the next flush to insert. */
    public EntityEntry addPending(Object instance, EntityPersister persister) {
        EntityEntry entry = new EntityEntry(instance, persister, null, EntityEntry.Status.PENDING, null);
        entries.put(instance, entry);
        pending.add(entry);
        return entry;
    }

    /** A row read from the database (or a stand-in for one): its entry under its key. */
    public void enterLoaded(EntityEntry entry) {
        keysOf(entry.persister.keyType()).put(entry);
        unindexed.add(entry);
    }

    /** {@code rows} rows are about to be loaded: the identity map grows once for them, not in steps. */
    public void expectLoads(Class<?> keyType, int rows) {
        expectKeys(keyType, rows);
        unindexed.ensureCapacity(unindexed.size() + rows);
    }

    /** {@code count} objects of {@code keyType} are about to get their rows (loaded or inserted): their ids go in at once. */
    public void expectKeys(Class<?> keyType, int count) {
        if (count > 64) {
            keysOf(keyType).expect(count);
        }
    }

    private KeysOf keysOf(Class<?> keyType) {
        KeysOf keys = identityMap.get(keyType);
        if (keys == null) {
            keys = new KeysOf();
            identityMap.put(keyType, keys);
        }
        return keys;
    }

    private void putKey(EntityEntry entry) {
        keysOf(entry.persister.keyType()).put(entry);
    }

    /** Takes the entry's key out of the identity map if the map holds this entry under it. */
    private void removeKey(EntityEntry entry) {
        KeysOf keys = identityMap.get(entry.persister.keyType());
        if (entry.id != null && keys != null) {
            keys.remove(entry);
        }
    }

    /**
     * The entries of one key class by id: an open-addressing table of the entries themselves, each found by the id
     * it holds, with linear probing. Hand-written because {@code HashMap} allocates a node per entry, and a load
     * enters one entry per row (W2 on H2, JFR: the nodes, their puts and lookups were about 7 % of a load's
     * samples). Each slot keeps its id's hash beside it, so that growing the table and passing other ids on a probe
     * read neither the entry nor its id (W6 on PostgreSQL, JFR: re-hashing from the entries while the table grew was
     * 12 % of a polymorphic load's samples, two cache misses per entry). Ids are compared with {@code equals}, as a
     * map would; an entry's id does not change while it is here (the context takes it out before an id changes, and
     * puts it back after).
     */
    private static final class KeysOf {
        private EntityEntry[] slots = new EntityEntry[16];
        private int[] hashes = new int[16];
        private int size;

        /** The entry holding {@code id}, or null. */
        EntityEntry get(Object id) {
            EntityEntry[] table = slots;
            int[] held = hashes;
            int mask = table.length - 1;
            int hash = hash(id);
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                EntityEntry entry = table[i];
                if (entry == null || held[i] == hash && (entry.id == id || entry.id.equals(id))) {
                    return entry;
                }
            }
        }

        /** Puts the entry under its id, in place of an entry holding an equal id. */
        void put(EntityEntry entry) {
            if (size + 1 > slots.length - (slots.length >> 2)) {
                resize(slots.length * 2);
            }
            EntityEntry[] table = slots;
            int mask = table.length - 1;
            int hash = hash(entry.id);
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                EntityEntry held = table[i];
                if (held == null) {
                    table[i] = entry;
                    hashes[i] = hash;
                    size++;
                    return;
                }
                if (hashes[i] == hash && held.id.equals(entry.id)) {
                    table[i] = entry;
                    return;
                }
            }
        }

        /** Takes out this very entry, if the table holds it; the entries after it in its run move back into the gap. */
        void remove(EntityEntry entry) {
            EntityEntry[] table = slots;
            int mask = table.length - 1;
            int hole = hash(entry.id) & mask;
            while (table[hole] != entry) {
                if (table[hole] == null) {
                    return;
                }
                hole = (hole + 1) & mask;
            }
            table[hole] = null;
            size--;
            for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
                int home = hashes[i] & mask;
                // The entry at i may fill the hole unless its home lies cyclically after the hole, up to i.
                boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
                if (!homeBetween) {
                    table[hole] = table[i];
                    hashes[hole] = hashes[i];
                    table[i] = null;
                    hole = i;
                }
            }
        }

        /** {@code rows} more ids are coming: the table grows once for them, not doubling step by step. */
        void expect(int rows) {
            int needed = size + rows;
            if (needed > slots.length - (slots.length >> 2)) {
                resize(Integer.highestOneBit(needed + needed / 3) << 1);
            }
        }

        private void resize(int capacity) {
            EntityEntry[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new EntityEntry[capacity];
            hashes = new int[capacity];
            int mask = capacity - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != null) {
                    int i = oldHashes[j] & mask;
                    while (slots[i] != null) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }

        /**
         * The id's hash with the high half folded into the low, as {@code HashMap} spreads it; its low bits are the
         * id's first slot. Ids counted up from a sequence land in consecutive slots, which keeps a load's writes and
         * lookups in cache (a multiplicative spread scattered them and measured slower than HashMap); ids in
         * power-of-two strides still spread through the folded high bits.
         */
        private static int hash(Object id) {
            int hash = id.hashCode();
            return hash ^ hash >>> 16;
        }
    }

    // ---- status changes -----------------------------------------------------------------------------

    /** {@code session.add} of an object deleted in this session: it stays. */
    public void undelete(EntityEntry entry) {
        if (entry.status == EntityEntry.Status.DELETED) {
            entry.status = EntityEntry.Status.PERSISTENT;
        }
    }

    /** {@code session.delete}: a persistent object's DELETE is due at the next flush; a pending one just leaves. */
    public void markDeleted(EntityEntry entry) {
        if (entry.status == EntityEntry.Status.PENDING) {
            detach(entry);
        } else {
            entry.status = EntityEntry.Status.DELETED;
        }
    }

    /** Its INSERT ran: the object is persistent under its id, with {@code values} as the database's state. */
    public void inserted(EntityEntry entry, Object[] values) {
        entry.id = values[0];
        entry.status = EntityEntry.Status.PERSISTENT;
        entry.snapshot = entry.persister.snapshotOf(values);
        entry.freshIn = epoch;
        putKey(entry);
    }

    /** The flush inserted every pending object. */
    public void insertsDone() {
        pending.clear();
    }

    /** Its DELETE ran: the object leaves the maps (a rollback puts it back). */
    public void removed(EntityEntry entry) {
        index();
        entry.status = EntityEntry.Status.REMOVED;
        removeKey(entry);
        entries.remove(entry.instance);
    }

    /** The object leaves the session (expunge, or a streamed object whose batch passed). */
    public void detach(EntityEntry entry) {
        index();
        entries.remove(entry.instance);
        removeKey(entry);
        if (entry.status == EntityEntry.Status.PENDING) {
            pending.remove(entry);
        }
    }

    /** Marks every object of {@code type} (subclasses included) that has a row as stale, after a bulk statement. */
    public void expireEvery(Class<?> type) {
        for (EntityEntry entry : entriesView) {
            if (type.isAssignableFrom(entry.persister.entityType()) && entry.status == EntityEntry.Status.PERSISTENT) {
                expire(entry);
            }
        }
    }

    /** One object is stale: the next load of its row refills it. */
    public void expire(EntityEntry entry) {
        entry.freshIn = -1;
    }

    /** The object's state was just read from its row. */
    public void refreshed(EntityEntry entry) {
        entry.freshIn = epoch;
    }

    /**
     * A load filled the entry's object from its row: {@code snapshot} is the row's stored values, or null for a
     * {@code readOnly()} load (never dirty-checked); the entry is fresh in this epoch, its load claim ends, and a
     * stand-in proxy learns that it is loaded.
     */
    public void loaded(EntityEntry entry, Object[] snapshot, boolean readOnly) {
        entry.snapshot = snapshot;
        entry.readOnly = readOnly;
        entry.freshIn = epoch;
        entry.loading = false;
        if (entry.standIn != null) {
            entry.standIn.markLoaded();
        }
    }

    /** A flush wrote the entry's row: {@code snapshot} is what the database now holds. */
    public void written(EntityEntry entry, Object[] snapshot) {
        entry.snapshot = snapshot;
    }

    public boolean isExpired(EntityEntry entry) {
        return entry.freshIn != epoch;
    }

    /**
     * After a commit or rollback: every object is stale, and loaded collections of Retort's load again on
     * their next use while the session is open (see {@link CollectionLoading}). Constant time.
     */
    public void expireAll() {
        epoch++;
    }

    public long epoch() {
        return epoch;
    }

    // ---- rollback -----------------------------------------------------------------------------------

    /** Puts every entry {@code frame} changed back as it was when the frame began, in the maps too. */
    public void undo(Frame frame) {
        if (frame.changedNothing()) {
            return;
        }
        index();
        frame.undo(before -> {
            EntityEntry entry = before.entry();
            removeKey(entry);
            before.apply();
            if (entry.status != EntityEntry.Status.PENDING) {
                putKey(entry);
            }
            entries.put(entry.instance, entry);
        });
    }

    /**
     * Memory after a rollback: objects never written leave, deletions are forgotten, and persistent objects
     * get their snapshot (the database's state) back into their fields.
     */
    public void restoreAfterRollback() {
        // Loaded objects not yet indexed are never pending: they only get their snapshot back.
        for (EntityEntry entry : unindexed) {
            entry.restore();
        }
        for (Iterator<EntityEntry> iterator = entries.values().iterator(); iterator.hasNext(); ) {
            EntityEntry entry = iterator.next();
            if (entry.status == EntityEntry.Status.PENDING) {
                iterator.remove();
            } else {
                if (entry.status == EntityEntry.Status.DELETED) {
                    entry.status = EntityEntry.Status.PERSISTENT;
                }
                // (A lazy stand-in never loaded has no state to restore.)
                entry.restore();
            }
        }
        pending.clear();
    }

    /** The session closed: it holds nothing any more. */
    public void clear() {
        entries.clear();
        unindexed.clear();
        identityMap.clear();
        pending.clear();
    }

    /** Every entry: the indexed ones, then those not yet indexed. Read-only. */
    private final class AllEntries extends AbstractCollection<EntityEntry> {
        @Override
        public Iterator<EntityEntry> iterator() {
            Iterator<EntityEntry> indexed = entries.values().iterator();
            Iterator<EntityEntry> loaded = unindexed.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return indexed.hasNext() || loaded.hasNext();
                }

                @Override
                public EntityEntry next() {
                    return indexed.hasNext() ? indexed.next() : loaded.next();
                }
            };
        }

        @Override
        public int size() {
            return entries.size() + unindexed.size();
        }
    }
}
