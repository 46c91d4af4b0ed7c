package dev.retort.session.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.InvalidRequestException;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.persister.EntityPersister;

/**
 * The relationship work of a flush, done in memory before any row is written:
 * <ol>
 * <li>cascade {@code PERSIST}: new objects reachable through cascading relationships are added;</li>
 * <li>collection changes since the last load or flush become owning-side changes: an element added to
 *     {@code user.posts} gets {@code post.author = user}; a removed one gets {@code null}, or is deleted
 *     with {@code orphanRemoval}; many-to-many changes become join-table rows to insert or delete;</li>
 * <li>owning-side changes are mirrored into loaded inverse collections ({@code post.author = bob} moves
 *     the post from alice's loaded {@code posts} to bob's).</li>
 * </ol>
 * A related object that is new and not cascaded is an error naming the relationship and the fix.
 */
public final class Relations {
    /** A join-table row of an owning many-to-many relationship to insert ({@code add}) or delete. */
    public record Link(RelationshipModel owning, Object owner, Object target, boolean add) {
    }

    private final SessionImpl session;
    private final SessionContext context;
    private final List<Link> links = new ArrayList<>();
    /** The entries to work on; cascaded additions are appended as they happen. */
    private final ArrayList<EntityEntry> work = new ArrayList<>();

    public Relations(SessionImpl session, SessionContext context) {
        this.session = session;
        this.context = context;
    }

    /** Runs the three steps; returns the join-table rows to write once the objects have their rows. */
    public List<Link> prepare() {
        // New objects in the order they were added, so cascaded ones are inserted (and numbered) predictably.
        PersistenceContext objects = session.persistenceContext();
        work.ensureCapacity(objects.pending().size() + objects.entries().size());
        work.addAll(objects.pending());
        if (!objects.onlyPending()) {
            for (EntityEntry entry : objects.entries()) {
                if (entry.status != EntityEntry.Status.PENDING) {
                    work.add(entry);
                }
            }
        }
        for (int i = 0; i < work.size(); i++) {
            EntityEntry entry = work.get(i);
            if (entry.status == EntityEntry.Status.PENDING
                    || entry.tracked()) {
                cascadeAndSync(entry);
            }
        }
        for (EntityEntry entry : work) {
            if (entry.status != EntityEntry.Status.DELETED && entry.status != EntityEntry.Status.REMOVED) {
                mirrorReferences(entry);
            }
        }
        return links;
    }

    private void cascadeAndSync(EntityEntry entry) {
        EntityPersister persister = entry.persister;
        for (int index : persister.references()) {
            RelationshipModel relationship = persister.referenceOf(index);
            Object target = relationship.get(entry.instance);
            if (target != null) {
                require(entry, relationship, target);
            }
        }
        for (RelationshipModel relationship : persister.inverseToOne()) {
            Object target = relationship.get(entry.instance);
            if (target != null) {
                require(entry, relationship, target);
                RelationshipModel owning = context.otherSide(relationship).orElseThrow();
                if (owning.get(target) != entry.instance) {
                    owning.set(target, entry.instance);
                }
            }
        }
        List<RelationshipModel> collections = persister.collections();
        for (int c = 0; c < collections.size(); c++) {
            RelationshipModel relationship = collections.get(c);
            Object value = relationship.get(entry.instance);
            if (value instanceof LazyCollection lazy && !lazy.loaded() || entry.collectionUnchanged(c, value)) {
                continue;
            }
            Collection<Object> current = RelationshipModel.elements(value);
            List<Object> before = entry.collections == null || entry.collections[c] == null
                    ? (entry.status == EntityEntry.Status.PENDING ? List.of() : session.loadForDiff(entry, relationship))
                    : entry.collections[c];
            if (sameElements(before, current)) {
                continue;
            }
            Set<Object> old = identitySet(before);
            Set<Object> now = identitySet(current);
            for (Object element : current) {
                if (element == null) {
                    throw new InvalidRequestException(relationship + " of " + entry.describe() + " holds null. To fix this, "
                            + "remove the null element.");
                }
                if (!old.contains(element)) {
                    require(entry, relationship, element);
                    added(entry, relationship, element);
                }
            }
            for (Object element : before) {
                if (!now.contains(element)) {
                    removed(entry, relationship, element);
                }
            }
        }
    }

    private void added(EntityEntry entry, RelationshipModel relationship, Object element) {
        if (relationship.kind() == RelationshipModel.Kind.ONE_TO_MANY) {
            RelationshipModel owning = context.otherSide(relationship).orElseThrow();
            if (owning.get(element) != entry.instance) {
                owning.set(element, entry.instance);
            }
        } else {
            links.add(link(relationship, entry.instance, element, true));
        }
    }

    private void removed(EntityEntry entry, RelationshipModel relationship, Object element) {
        if (relationship.kind() == RelationshipModel.Kind.ONE_TO_MANY) {
            RelationshipModel owning = context.otherSide(relationship).orElseThrow();
            if (relationship.cascades().orphanRemoval()) {
                session.deleteCascading(element);
            } else if (owning.get(element) == entry.instance) {
                owning.set(element, null);
            }
        } else {
            links.add(link(relationship, entry.instance, element, false));
        }
    }

    /** A many-to-many change as a row of the owning side's join table. */
    private Link link(RelationshipModel relationship, Object owner, Object element, boolean add) {
        if (relationship.owning()) {
            return new Link(relationship, owner, element, add);
        }
        return new Link(context.otherSide(relationship).orElseThrow(), element, owner, add);
    }

    /** The related object must be in the session: added by cascade, or an error. */
    private void require(EntityEntry entry, RelationshipModel relationship, Object target) {
        EntityEntry targetEntry = session.persistenceContext().entryOf(target, context.persister(relationship.target()));
        if (targetEntry != null && targetEntry.status != EntityEntry.Status.REMOVED) {
            return;
        }
        if (relationship.cascades().persist()) {
            // Worked on in turn: its own relationships may cascade further.
            work.add(session.cascadeAdd(target));
            return;
        }
        String targetName = target.getClass().getSimpleName();
        throw new InvalidRequestException(relationship + " of " + entry.describe() + " refers to " + session.describeObject(target)
                + ", which is not in the session. To fix this, session.add(" + targetName.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + targetName.substring(1) + ") before flushing, or declare cascade = CascadeType.PERSIST on " + relationship + ".");
    }

    /** Mirrors a changed to-one reference into the loaded inverse collections of the old and new target. */
    private void mirrorReferences(EntityEntry entry) {
        EntityPersister persister = entry.persister;
        for (int index : persister.references()) {
            Object current = persister.attribute(index).get(entry.instance);
            Object before = entry.snapshot == null ? null : entry.snapshot[index];
            if (current == before) {
                continue;
            }
            RelationshipModel inverse = context.otherSide(persister.referenceOf(index)).orElse(null);
            if (inverse == null || !inverse.toMany()) {
                continue;
            }
            if (before != null && inverse.get(before) instanceof Collection<?> collection
                    && (!(collection instanceof LazyCollection lazy) || lazy.loaded())) {
                collection.removeIf(element -> element == entry.instance);
            }
            if (current != null && inverse.get(current) instanceof Collection<?> collection
                    && (!(collection instanceof LazyCollection lazy) || lazy.loaded())
                    && collection.stream().noneMatch(element -> element == entry.instance)) {
                @SuppressWarnings("unchecked")
                Collection<Object> elements = (Collection<Object>) collection;
                elements.add(entry.instance);
            }
        }
    }

    /** After a successful flush: the collections as they are now become the snapshots to compare with next time. */
    public static void remember(java.util.Collection<EntityEntry> entries) {
        for (EntityEntry entry : entries) {
            List<RelationshipModel> collections = entry.persister.collections();
            if (collections.isEmpty() || entry.snapshot == null) {
                continue;
            }
            if (entry.collections == null) {
                @SuppressWarnings("unchecked")
                List<Object>[] snapshots = new List[collections.size()];
                entry.collections = snapshots;
            }
            for (int c = 0; c < collections.size(); c++) {
                Object value = collections.get(c).get(entry.instance);
                if ((!(value instanceof LazyCollection lazy) || lazy.loaded()) && !entry.collectionUnchanged(c, value)) {
                    entry.recordCollection(c, RelationshipModel.elements(value), value);
                }
            }
        }
    }

    /** Deleted objects leave the loaded collections that held them through their to-one references. */
    public static void forgetRemoved(List<EntityEntry> removed, SessionContext context) {
        for (EntityEntry entry : removed) {
            EntityPersister persister = entry.persister;
            for (int index : persister.references()) {
                Object target = entry.snapshot == null ? null : entry.snapshot[index];
                RelationshipModel inverse = target == null ? null : context.otherSide(persister.referenceOf(index)).orElse(null);
                if (inverse != null && inverse.toMany() && inverse.get(target) instanceof Collection<?> collection
                        && (!(collection instanceof LazyCollection lazy) || lazy.loaded())) {
                    collection.removeIf(element -> element == entry.instance);
                }
            }
        }
    }

    /** Whether a collection holds the same objects in the same order (the usual case: nothing to compare further). */
    public static boolean sameElements(List<Object> before, Collection<Object> current) {
        if (before.size() != current.size()) {
            return false;
        }
        int index = 0;
        for (Object element : current) {
            if (element != before.get(index++)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Object> identitySet(Collection<Object> elements) {
        Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(elements);
        return set;
    }
}
