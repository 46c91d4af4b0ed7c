package dev.retort.session.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionImpl;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.LazyCollection;
import dev.retort.session.state.Relations;

/**
 * The objects one batch of a stream brought into the session (its rows' objects and the related objects
 * loaded with them), so that they leave the session when the stream moves past the batch. SQLAlchemy's
 * {@code yield_per} relies on a weak identity map to let such objects go; Retort's map is strong, so the
 * stream lets them go itself. As SQLAlchemy holds modified objects strongly until flushed, objects changed
 * or deleted by then stay, with the objects of the batch they reach through relationships in memory (a
 * flush checks those are in the session). Mutable; used by one stream of one session.
 */
public final class StreamBatch {
    private final SessionImpl session;
    private final List<EntityEntry> loaded = new ArrayList<>();

    StreamBatch(SessionImpl session) {
        this.session = session;
    }

    /** Records an entry the stream created while loading this batch. */
    public void add(EntityEntry entry) {
        loaded.add(entry);
    }

    /** Detaches the batch's objects, except those that stay for the next flush; the batch is then empty. */
    void release() {
        if (loaded.isEmpty()) {
            return;
        }
        Set<EntityEntry> kept = kept();
        for (EntityEntry entry : loaded) {
            if (!kept.contains(entry)) {
                session.release(entry);
            }
        }
        loaded.clear();
    }

    /** The changed or deleted entries and the batch's entries they reach; usually none, and then nothing is allocated. */
    private Set<EntityEntry> kept() {
        Set<EntityEntry> kept = null;
        ArrayDeque<EntityEntry> work = null;
        for (EntityEntry entry : loaded) {
            if (changed(entry)) {
                if (kept == null) {
                    kept = Collections.newSetFromMap(new IdentityHashMap<>());
                    work = new ArrayDeque<>();
                }
                kept.add(entry);
                work.add(entry);
            }
        }
        if (kept == null) {
            return Set.of();
        }
        Set<EntityEntry> batch = Collections.newSetFromMap(new IdentityHashMap<>());
        batch.addAll(loaded);
        while (!work.isEmpty()) {
            for (Object related : related(work.poll())) {
                EntityEntry entry = session.persistenceContext().entryOf(related);
                if (entry != null && batch.contains(entry) && kept.add(entry)) {
                    work.add(entry);
                }
            }
        }
        return kept;
    }

    /** Whether the next flush has work for this entry: deleted, a field changed, or a loaded collection changed. */
    private static boolean changed(EntityEntry entry) {
        if (entry.status() != EntityEntry.Status.PERSISTENT) {
            return true;
        }
        if (entry.snapshot() == null) {
            // Flushes leave read-only objects and stand-ins never loaded alone.
            return false;
        }
        EntityPersister persister = entry.persister();
        if (persister.nextChanged(entry.instance(), entry.snapshot(), 0) >= 0) {
            return true;
        }
        List<RelationshipModel> collections = persister.collections();
        for (int c = 0; c < collections.size(); c++) {
            Object value = collections.get(c).get(entry.instance());
            if (value instanceof LazyCollection lazy && !lazy.loaded()) {
                continue;
            }
            List<Object> before = entry.collections() == null ? null : entry.collections()[c];
            if (before == null || !Relations.sameElements(before, RelationshipModel.elements(value))) {
                return true;
            }
        }
        return false;
    }

    /** The objects an entry's object refers to in memory: to-one targets and the elements of loaded collections. */
    private static List<Object> related(EntityEntry entry) {
        EntityPersister persister = entry.persister();
        List<Object> related = new ArrayList<>();
        for (int index : persister.references()) {
            Object target = persister.attribute(index).get(entry.instance());
            if (target != null) {
                related.add(target);
            }
        }
        for (RelationshipModel relationship : persister.inverseToOne()) {
            Object target = relationship.get(entry.instance());
            if (target != null) {
                related.add(target);
            }
        }
        for (RelationshipModel relationship : persister.collections()) {
            Object value = relationship.get(entry.instance());
            if (value != null && !(value instanceof LazyCollection lazy && !lazy.loaded())) {
                related.addAll(RelationshipModel.elements(value));
            }
        }
        return related;
    }
}
