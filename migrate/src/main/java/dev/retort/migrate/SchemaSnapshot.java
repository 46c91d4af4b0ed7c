package dev.retort.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shape of a schema as migrations see it: tables with their columns (type in a dialect's canonical
 * spelling, nullability, default), primary key, unique constraints, indexes and foreign keys; and its
 * sequences (on PostgreSQL also those behind identity columns). Read from a
 * live database through JDBC metadata or built from a {@link dev.retort.Metadata}. Names are lower case;
 * column order is not part of the shape (a migration appends the columns it adds). Immutable.
 */
public record SchemaSnapshot(Map<String, TableShape> tables, Set<String> sequences) {
    public SchemaSnapshot {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(sequences));
    }

    /**
     * The snapshot without what the database names or makes on its own: the names of unique and foreign-key
     * constraints, and the indexes over exactly a foreign key's columns (H2 and InnoDB make, name and merge
     * those themselves). For comparing two databases built different ways, such as migrated and created.
     */
    public SchemaSnapshot withoutGeneratedNames() {
        Map<String, TableShape> unnamed = new TreeMap<>();
        tables.forEach((name, table) -> unnamed.put(name, table.withoutGeneratedNames()));
        return new SchemaSnapshot(unnamed, sequences);
    }

    /** One table. */
    public record TableShape(String name, Map<String, ColumnShape> columns, List<String> primaryKey,
                             Set<UniqueShape> uniques, Set<IndexShape> indexes, Set<ForeignKeyShape> foreignKeys) {
        public TableShape {
            columns = java.util.Collections.unmodifiableMap(new TreeMap<>(columns));
            primaryKey = List.copyOf(primaryKey);
            uniques = sorted(uniques, Comparator.comparing(UniqueShape::toString));
            indexes = sorted(indexes, Comparator.comparing(IndexShape::name));
            foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKeyShape::toString));
        }

        TableShape withoutGeneratedNames() {
            Set<UniqueShape> unnamedUniques = new LinkedHashSet<>();
            uniques.forEach(unique -> unnamedUniques.add(new UniqueShape(null, unique.columns())));
            Set<ForeignKeyShape> unnamedKeys = new LinkedHashSet<>();
            foreignKeys.forEach(key -> unnamedKeys.add(key.unnamed()));
            Set<IndexShape> ownIndexes = new LinkedHashSet<>(indexes);
            ownIndexes.removeIf(index -> foreignKeys.stream().anyMatch(key -> key.columns().equals(index.columns())));
            return new TableShape(name, columns, primaryKey, unnamedUniques, ownIndexes, unnamedKeys);
        }

        /** A copy named {@code newName}. */
        public TableShape renamed(String newName) {
            return new TableShape(newName, columns, primaryKey, uniques, indexes, foreignKeys);
        }
    }

    /** A column: {@code type} as {@link dev.retort.migrate.internal.TypeNames#canonical} spells it; {@code defaultValue} null when none. */
    public record ColumnShape(String name, String type, boolean nullable, String defaultValue) {
        public ColumnShape renamed(String newName) {
            return new ColumnShape(newName, type, nullable, defaultValue);
        }
    }

    /** A unique constraint (or unique index); {@code name} is null where the model leaves naming to the database. */
    public record UniqueShape(String name, List<String> columns) {
        public UniqueShape {
            columns = List.copyOf(columns);
        }
    }

    /** A non-unique index. */
    public record IndexShape(String name, List<String> columns) {
        public IndexShape {
            columns = List.copyOf(columns);
        }
    }

    /** A foreign key; {@code name} is null where the model leaves naming to the database. */
    public record ForeignKeyShape(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
        public ForeignKeyShape {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        public ForeignKeyShape unnamed() {
            return new ForeignKeyShape(null, columns, referencedTable, referencedColumns);
        }

        /** {@code books (author_id) -> authors (id)}. */
        public String describe(String table) {
            return table + " (" + String.join(", ", columns) + ") -> " + referencedTable + " ("
                    + String.join(", ", referencedColumns) + ")";
        }
    }

    private static <T> Set<T> sorted(Set<T> items, Comparator<T> order) {
        List<T> list = new ArrayList<>(items);
        list.sort(order);
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }
}
