package dev.retort.session.state;

import dev.retort.session.persister.EntityPersister;

/**
 * What a session knows of one of its objects: its persister, its id once known, its state, and the
 * snapshot of field values the database holds (as last loaded or written in this session). Mutable;
 * owned by one session.
 */
public final class EntityEntry {
    public enum Status {
        /** Added; INSERT pending. */
        PENDING,
        /** Has a row; changes are found by comparing with the snapshot. */
        PERSISTENT,
        /** DELETE pending. */
        DELETED,
        /** DELETE flushed; no longer in the session's maps (back in them if the transaction rolls back). */
        REMOVED
    }

    final Object instance;
    final EntityPersister persister;
    Object id;
    Status status;
    Object[] snapshot;
    /**
     * The {@link PersistenceContext} epoch in which the object's state was last read or written; any other
     * value (a later epoch began at commit or rollback, or -1 after {@code expire}, a bulk write, or for a
     * stand-in never loaded) means expired: the database may hold another state, and the next load of the
     * row refills the object, keeping fields the code changed since the snapshot.
     */
    long freshIn = -1;
    /** Loaded by a {@code readOnly()} query: no snapshot, never dirty-checked or flushed. */
    boolean readOnly;
    /** For a generated stand-in of a lazy to-one target: its state (loaded or not); else null. */
    LazyReference standIn;
    /** Set while a load is filling this entry (so a row seen twice in one result is filled once). */
    boolean loading;
    /** The serial number of the {@link Frame} whose undo log last recorded this entry, or 0. */
    int rememberedIn;
    /**
     * Per to-many relationship ({@link EntityPersister#collections()} order): the elements as the database
     * holds them after the last load or flush, or null while unknown (never loaded).
     */
    java.util.List<Object>[] collections;

    public EntityEntry(Object instance, EntityPersister persister, Object id, Status status, Object[] snapshot) {
        this.instance = instance;
        this.persister = persister;
        this.id = id;
        this.status = status;
        this.snapshot = snapshot;
    }

    public Object instance() {
        return instance;
    }

    public EntityPersister persister() {
        return persister;
    }

    public Object id() {
        return id;
    }

    public Status status() {
        return status;
    }

    /** The field values as the database holds them (stored form), or null when untracked. Not to be changed. */
    public Object[] snapshot() {
        return snapshot;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public LazyReference standIn() {
        return standIn;
    }

    /** The to-many elements as the database holds them (see the field); the array's slots are the loader's to fill. */
    public java.util.List<Object>[] collections() {
        return collections;
    }

    /**
     * Records the elements of to-many relationship {@code slot} ({@link EntityPersister#collections()} order) as
     * the database holds them; when {@code collection}, the object's field, is Retort's, it is marked unchanged
     * since this record.
     */
    public void recordCollection(int slot, java.util.Collection<Object> elements, Object collection) {
        java.util.List<Object> snapshot = new java.util.ArrayList<>(elements);
        collections[slot] = snapshot;
        if (collection instanceof LazyCollection lazy) {
            lazy.loading().recordedAs(snapshot);
        }
    }

    /** Whether to-many relationship {@code slot}'s field holds Retort's collection, loaded and unchanged since its record. */
    public boolean collectionUnchanged(int slot, Object collection) {
        return collections != null && collection instanceof LazyCollection lazy && lazy.loading().unchangedSince(collections[slot]);
    }

    /** Makes this entry a stand-in for a lazy to-one target, with the proxy's loading state. */
    public void standIn(LazyReference state) {
        this.standIn = state;
    }

    /** Gives the entry fresh to-many slots ({@link EntityPersister#collections()} order) and returns the old ones. */
    @SuppressWarnings("unchecked")
    public java.util.List<Object>[] renewCollections(int count) {
        java.util.List<Object>[] before = collections;
        collections = new java.util.List[count];
        return before;
    }

    /**
     * Claims the entry for the load filling it; false when a load is already filling it (a row seen twice in
     * one result). The claim ends with {@link PersistenceContext#loaded}.
     */
    public boolean claimForLoading() {
        if (loading) {
            return false;
        }
        loading = true;
        return true;
    }

    /**
     * Whether flushes compare this object with its snapshot: it has a row and a known state, which
     * excludes objects read by {@code readOnly()} queries and lazy stand-ins never loaded. Expired objects
     * are compared too, so a change made after a commit is written.
     */
    public boolean tracked() {
        return status == Status.PERSISTENT && snapshot != null;
    }

    /** Puts the snapshot (the database's state as last known) back into the object's fields, discarding changes. */
    public void restore() {
        if (snapshot != null && persister.nextChanged(instance, snapshot, 0) >= 0) {
            persister.write(instance, persister.snapshotOf(snapshot));
        }
    }

    public EntityKey key() {
        return new EntityKey(persister.keyType(), id);
    }

    /** "User#1", or "a new User" before it has an id, for messages. */
    public String describe() {
        return id == null ? "a new " + persister.entityName() : persister.entityName() + "#" + id;
    }
}
