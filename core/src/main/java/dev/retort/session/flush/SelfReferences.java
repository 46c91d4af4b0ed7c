package dev.retort.session.flush;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.EntityEntry;

/**
 * Orders the rows of a self-referencing table (a tree of categories, employees and their managers) by
 * depth among the rows of one flush: parents before children for inserts, children before parents for
 * deletes. A cycle among the rows is cut where it is found (the insert then writes a null key and a
 * second UPDATE completes it).
 */
public final class SelfReferences {
    private SelfReferences() {
    }

    /** Whether the entity has a to-one relationship to its own type. */
    static boolean present(EntityPersister persister) {
        for (int index : persister.references()) {
            if (persister.referenceOf(index).target() == persister.entityType()) {
                return true;
            }
        }
        return false;
    }

    /** The entries by level: those whose parent is not among them first, then their children, and so on. */
    static List<List<EntityEntry>> parentsFirst(EntityPersister persister, List<EntityEntry> entries) {
        return levels(persister, entries, false);
    }

    /** The entries by level, deepest (children) first, parents read from the snapshot (the rows as stored). */
    static List<List<EntityEntry>> childrenFirst(EntityPersister persister, List<EntityEntry> entries) {
        if (!present(persister)) {
            return List.of(entries);
        }
        List<List<EntityEntry>> levels = levels(persister, entries, true);
        java.util.Collections.reverse(levels);
        return levels;
    }

    private static List<List<EntityEntry>> levels(EntityPersister persister, List<EntityEntry> entries, boolean stored) {
        Map<Object, EntityEntry> byInstance = new IdentityHashMap<>();
        entries.forEach(entry -> byInstance.put(entry.instance(), entry));
        Map<EntityEntry, Integer> depths = new IdentityHashMap<>();
        List<List<EntityEntry>> levels = new ArrayList<>();
        for (EntityEntry entry : entries) {
            int depth = depth(persister, entry, byInstance, depths, stored);
            while (levels.size() <= depth) {
                levels.add(new ArrayList<>());
            }
            levels.get(depth).add(entry);
        }
        return levels;
    }

    /** The number of ancestors among the entries, walking up iteratively (deep chains must not overflow the stack). */
    private static int depth(EntityPersister persister, EntityEntry start, Map<Object, EntityEntry> byInstance,
                             Map<EntityEntry, Integer> depths, boolean stored) {
        List<EntityEntry> chain = new ArrayList<>();
        java.util.Set<EntityEntry> onChain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        EntityEntry current = start;
        int base = 0;
        while (current != null) {
            Integer known = depths.get(current);
            if (known != null) {
                base = known + 1;
                break;
            }
            if (!onChain.add(current)) {
                // A cycle: cut it here.
                break;
            }
            chain.add(current);
            current = parentAmong(persister, current, byInstance, stored);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            depths.put(chain.get(i), base++);
        }
        return depths.get(start);
    }

    private static EntityEntry parentAmong(EntityPersister persister, EntityEntry entry, Map<Object, EntityEntry> byInstance,
                                           boolean stored) {
        for (int index : persister.references()) {
            if (persister.referenceOf(index).target() != persister.entityType()) {
                continue;
            }
            Object parent = stored ? (entry.snapshot() == null ? null : entry.snapshot()[index])
                    : persister.attribute(index).get(entry.instance());
            EntityEntry found = parent == null || parent == entry.instance() ? null : byInstance.get(parent);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
