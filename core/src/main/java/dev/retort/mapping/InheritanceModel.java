package dev.retort.mapping;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.InheritanceType;

import dev.retort.sql.Table;

/**
 * Where one entity sits in an entity hierarchy, as read from its own class chain: the hierarchy's root, the
 * strategy the root declares, the nearest entity superclass, and for {@code JOINED} the tables from the
 * root's down to the entity's own, with the table of each attribute. What needs the whole hierarchy
 * (discriminators, subclasses) lives in {@link Hierarchy}. Immutable.
 *
 * @param parent the nearest entity superclass, {@code null} for the root
 * @param joinedTables for {@code JOINED}, the root's table first and the entity's own last; else empty
 * @param attributeTables for {@code JOINED}, the table of each attribute by attribute name; else empty
 */
public record InheritanceModel(Class<?> root, InheritanceType strategy, Class<?> parent, List<Table> joinedTables,
                               Map<String, String> attributeTables) {
    public InheritanceModel {
        joinedTables = List.copyOf(joinedTables);
        // Sorted, so that a recorded description is the same from build to build.
        attributeTables = Collections.unmodifiableSortedMap(new TreeMap<>(attributeTables));
    }

    public boolean joined() {
        return strategy == InheritanceType.JOINED;
    }
}
