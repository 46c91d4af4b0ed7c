package dev.retort.session.flush;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.InvalidRequestException;
import dev.retort.mapping.IdGeneration;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.PersistenceContext;
import dev.retort.session.state.Relations;

/**
 * What one flush writes, in the order it writes it, decided from the persistence context before any SQL
 * runs (SQLAlchemy's unit-of-work sort, Hibernate's action queue): INSERTs table by table in foreign-key
 * order (the metadata orders tables parents first; a self-referencing table a level at a time, parents
 * first), each table's UPDATEs grouped by the set of changed columns, the rows to insert with a null
 * foreign key because they refer to a row not written yet (a cycle; a second UPDATE completes them), and
 * the DELETEs in reverse table order, children first. Join-table rows come from {@link Relations}.
 * Building a plan runs no SQL and changes nothing; {@link Flush} runs it.
 */
public final class FlushPlan {
    /** A step of the first phase: inserts and updates, table by table. */
    sealed interface Write permits Insert, Update {
        EntityPersister persister();
    }

    /** The INSERT of these pending objects of one table (one level of a self-referencing table). */
    record Insert(EntityPersister persister, List<EntityEntry> entries) implements Write {
    }

    /** The UPDATE of these changed objects of one table, which all changed the {@code columns} (attribute indexes). */
    record Update(EntityPersister persister, BitSet columns, List<Change> changes) implements Write {
    }

    /** A changed object: its entry and its field values now. */
    record Change(EntityEntry entry, Object[] values) {
    }

    /** The DELETE of these objects of one table (one level of a self-referencing table, children first). */
    record Delete(EntityPersister persister, List<EntityEntry> entries) {
    }

    private final List<Write> writes;
    private final Map<EntityEntry, BitSet> deferred;
    private final List<Delete> deletes;

    private FlushPlan(List<Write> writes, Map<EntityEntry, BitSet> deferred, List<Delete> deletes) {
        this.writes = writes;
        this.deferred = deferred;
        this.deletes = deletes;
    }

    /**
     * The plan for the objects of a session: its pending objects become inserts, tracked objects whose
     * fields differ from their snapshot updates, deleted objects deletes, the tables taken in
     * {@code flushOrder}. Refuses (before anything is written) an object without the id it needs, an
     * object whose id was changed, and a cycle through a NOT NULL foreign key.
     */
    static FlushPlan of(PersistenceContext objects, List<EntityPersister> flushOrder) {
        Map<EntityPersister, List<EntityEntry>> inserts = new LinkedHashMap<>();
        Map<EntityPersister, Map<BitSet, List<Change>>> updates = new LinkedHashMap<>();
        Map<EntityPersister, List<EntityEntry>> deletes = new LinkedHashMap<>();
        EntityPersister last = null;
        List<EntityEntry> sameClass = null;
        for (EntityEntry entry : objects.pending()) {
            requireId(entry);
            // Objects of one class usually come together (an addAll): their list is looked up once per run.
            if (entry.persister() != last) {
                last = entry.persister();
                sameClass = inserts.computeIfAbsent(last, key -> new ArrayList<>());
            }
            sameClass.add(entry);
        }
        if (!objects.onlyPending()) {
            for (EntityEntry entry : objects.entries()) {
                if (entry.status() == EntityEntry.Status.DELETED) {
                    deletes.computeIfAbsent(entry.persister(), key -> new ArrayList<>()).add(entry);
                } else if (entry.tracked()) {
                    collectChange(entry, updates);
                }
            }
        }
        List<Write> writes = new ArrayList<>();
        Map<EntityEntry, BitSet> deferred = new IdentityHashMap<>();
        // Which pending objects are written before a given insert matters only to inserts with references; without
        // any, the set would be 100,000 identity hashes per 100,000 inserts for nothing (sized once when needed).
        boolean referencesPending = inserts.keySet().stream().anyMatch(persister -> persister.references().length > 0);
        Set<EntityEntry> written = referencesPending
                ? Collections.newSetFromMap(new IdentityHashMap<>(objects.pending().size())) : Set.of();
        for (EntityPersister persister : flushOrder) {
            List<EntityEntry> toInsert = inserts.get(persister);
            if (toInsert != null) {
                List<List<EntityEntry>> levels = SelfReferences.present(persister)
                        ? SelfReferences.parentsFirst(persister, toInsert) : List.of(toInsert);
                for (List<EntityEntry> level : levels) {
                    if (referencesPending) {
                        for (EntityEntry entry : level) {
                            deferReferencesToUnwritten(objects, entry, written, deferred);
                        }
                        written.addAll(level);
                    }
                    writes.add(new Insert(persister, level));
                }
            }
            Map<BitSet, List<Change>> groups = updates.get(persister);
            if (groups != null) {
                groups.forEach((columns, changes) -> writes.add(new Update(persister, columns, changes)));
            }
        }
        List<Delete> deleteSteps = new ArrayList<>();
        for (int i = flushOrder.size() - 1; i >= 0; i--) {
            EntityPersister persister = flushOrder.get(i);
            List<EntityEntry> toDelete = deletes.get(persister);
            if (toDelete != null) {
                for (List<EntityEntry> level : SelfReferences.childrenFirst(persister, toDelete)) {
                    deleteSteps.add(new Delete(persister, level));
                }
            }
        }
        return new FlushPlan(writes, deferred, deleteSteps);
    }

    /** The inserts and updates, in the order they run. */
    List<Write> writes() {
        return writes;
    }

    /** The deletes, in the order they run (reverse table order, children first). */
    List<Delete> deletes() {
        return deletes;
    }

    /** Objects inserted with some foreign keys null, set by a second UPDATE once every row exists. */
    Set<EntityEntry> postUpdates() {
        return new LinkedHashSet<>(deferred.keySet());
    }

    /** The reference attributes of a pending object to insert as null now (their targets are not written yet). */
    BitSet deferredReferences(EntityEntry entry) {
        return deferred.get(entry);
    }

    /** How many objects the plan writes (inserts, updates and deletes; post-updates are among the inserts). */
    int objectCount() {
        int count = 0;
        for (Write write : writes) {
            count += write instanceof Insert insert ? insert.entries().size() : ((Update) write).changes().size();
        }
        for (Delete delete : deletes) {
            count += delete.entries().size();
        }
        return count;
    }

    boolean isEmpty() {
        return writes.isEmpty() && deletes.isEmpty();
    }

    /**
     * Records which references of {@code entry} point at objects whose rows no earlier step writes (they
     * come in this step or later: a cycle); their columns are inserted as null, which must be allowed.
     */
    private static void deferReferencesToUnwritten(PersistenceContext objects, EntityEntry entry, Set<EntityEntry> written,
                                                   Map<EntityEntry, BitSet> deferred) {
        EntityPersister persister = entry.persister();
        for (int index : persister.references()) {
            Object target = persister.attribute(index).get(entry.instance());
            if (target == null) {
                continue;
            }
            // Relations.prepare has added every related object to the session (by cascade) or refused the flush.
            EntityEntry targetEntry = objects.entryOf(target);
            if (targetEntry == null || targetEntry.status() != EntityEntry.Status.PENDING || written.contains(targetEntry)) {
                continue;
            }
            if (!persister.attribute(index).column().nullable()) {
                throw new InvalidRequestException("Cannot insert " + entry.describe() + ": " + persister.referenceOf(index)
                        + " refers to " + targetEntry.describe() + ", which cannot be inserted first (the objects refer to "
                        + "each other in a cycle), and its column " + persister.attribute(index).column().name()
                        + " is NOT NULL. To fix this, make the column nullable (@JoinColumn(nullable = true)) so that "
                        + "Retort can set it after both rows exist, or flush the objects in two steps.");
            }
            deferred.computeIfAbsent(entry, key -> new BitSet()).set(index);
        }
    }

    /** Adds the object's update to its table's group for the columns that changed, if any did. */
    static void collectChange(EntityEntry entry, Map<EntityPersister, Map<BitSet, List<Change>>> updates) {
        EntityPersister persister = entry.persister();
        int first = persister.nextChanged(entry.instance(), entry.snapshot(), 0);
        if (first < 0) {
            return;
        }
        BitSet changed = new BitSet(persister.attributeCount());
        for (int i = first; i >= 0; i = persister.nextChanged(entry.instance(), entry.snapshot(), i + 1)) {
            changed.set(i);
        }
        Object[] values = persister.read(entry.instance());
        if (changed.get(0)) {
            throw new InvalidRequestException("The id of " + entry.describe() + " was changed to " + values[0]
                    + "; Retort does not change primary keys. To fix this, set it back, and add a new object "
                    + "(deleting the old one) if a new key is needed.");
        }
        updates.computeIfAbsent(persister, key -> new LinkedHashMap<>())
                .computeIfAbsent(changed, key -> new ArrayList<>()).add(new Change(entry, values));
    }

    private static void requireId(EntityEntry entry) {
        EntityPersister persister = entry.persister();
        if (persister.idGeneration() == IdGeneration.ASSIGNED
                && Ids.assigned(persister.attribute(0), persister.attribute(0).get(entry.instance())) == null) {
            throw new InvalidRequestException("Cannot insert " + entry.describe() + ": its @Id "
                    + persister.attribute(0) + " is not set, and it has no @GeneratedValue. To fix this, assign "
                    + "the id before flushing, or annotate the id field with @GeneratedValue.");
        }
    }
}
