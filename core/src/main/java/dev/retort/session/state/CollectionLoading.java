package dev.retort.session.state;

import java.util.Collection;
import java.util.List;

import dev.retort.DetachedInstanceException;
import dev.retort.InvalidRequestException;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionImpl;

/**
 * The state shared by {@link PersistentList} and {@link PersistentSet}: the owning object, its session,
 * whether the elements are loaded and whether loading is forbidden ({@code Load.raise}). Loading goes
 * through the session, which counts lazy loads for its N+1 warning.
 */
public final class CollectionLoading {
    private final SessionImpl session;
    private final Object owner;
    private final RelationshipModel relationship;
    private final boolean raise;
    /** The collection's elements, in the List or Set that holds them. */
    private final Collection<Object> elements;
    boolean loaded;
    /** The session's epoch when the elements were loaded: a later one (a commit, a rollback) makes them stale. */
    private long loadedIn;
    /**
     * The owner's entry's snapshot of these elements (the list it compares with at flush), as long as the
     * collection has not been changed since it was recorded; null once it has (or before any record).
     */
    private List<Object> recordedAs;

    CollectionLoading(SessionImpl session, Object owner, RelationshipModel relationship, boolean raise,
                      Collection<Object> elements) {
        this.session = session;
        this.owner = owner;
        this.relationship = relationship;
        this.raise = raise;
        this.elements = elements;
    }

    /** The elements, loaded first if need be. */
    Collection<Object> elements() {
        ensureLoaded(elements);
        return elements;
    }

    void fill(Collection<?> loadedElements) {
        elements.clear();
        elements.addAll(loadedElements);
        loaded = true;
        loadedIn = session.epoch();
    }

    /** The collection was changed through one of its methods: a flush must compare it with its snapshot. */
    void changed() {
        recordedAs = null;
    }

    /** The owner's entry now holds {@code snapshot} as these elements, which are unchanged since. */
    void recordedAs(List<Object> snapshot) {
        recordedAs = snapshot;
    }

    /**
     * Whether the elements are loaded and are still {@code snapshot}, the owner's entry's record of them: not
     * changed since, so a flush has nothing to compare (and need not load them again after a commit).
     */
    boolean unchangedSince(List<Object> snapshot) {
        return loaded && snapshot != null && recordedAs == snapshot;
    }

    /** The elements when loaded; else says which relationship is not (toString() must not load). */
    String describe() {
        return loaded ? elements.toString() : "[not loaded: " + relationship + "]";
    }

    RelationshipModel relationship() {
        return relationship;
    }

    /**
     * Loads the elements into {@code target} unless loaded in the session's current epoch. Elements loaded
     * before a commit or rollback load again while the session is open; once it is closed they stay what
     * they were (as an expired object's fields do).
     */
    private void ensureLoaded(Collection<Object> target) {
        if (loaded && (loadedIn == session.epoch() || !session.holds(owner))) {
            return;
        }
        String described = session.describeObject(owner) + "." + relationship.name();
        if (raise) {
            throw new InvalidRequestException("Cannot read " + described + ": the query that loaded it said "
                    + "Load.raise(" + relationship + "), so it is not loaded and may not be. To fix this, load it with "
                    + "the query (Load.selectIn(" + relationship.owner().getSimpleName() + "_." + relationship.name()
                    + ")), or drop the raise option.");
        }
        if (!session.holds(owner)) {
            throw new DetachedInstanceException("Cannot load " + described + ": its session is closed (or the object "
                    + "was removed from it), and the collection was never loaded. To fix this, load it with the query "
                    + "that reads the " + relationship.owner().getSimpleName() + " objects: .options(Load.selectIn("
                    + relationship.owner().getSimpleName() + "_." + relationship.name() + ")), or read it while the "
                    + "session is open.");
        }
        List<Object> reloaded = session.loadLazily(owner, relationship);
        target.clear();
        target.addAll(reloaded);
        loaded = true;
        loadedIn = session.epoch();
    }
}
