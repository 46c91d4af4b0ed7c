package dev.retort.sql;

import java.util.List;
import java.util.Optional;

/**
 * A table as the database sees it: columns, primary key, unique constraints, indexes, the sequence
 * that feeds its key, if any, and its foreign keys. Immutable; built by the mapping layer from annotations, consumed by the
 * schema layer and the compilers.
 */
public record Table(String name, List<Column> columns, List<String> primaryKey,
                    List<List<String>> uniqueConstraints, List<Index> indexes, Optional<Sequence> sequence,
                    List<ForeignKey> foreignKeys) {

    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueConstraints = uniqueConstraints.stream().map(List::copyOf).toList();
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table without foreign keys. */
    public Table(String name, List<Column> columns, List<String> primaryKey, List<List<String>> uniqueConstraints,
                 List<Index> indexes, Optional<Sequence> sequence) {
        this(name, columns, primaryKey, uniqueConstraints, indexes, sequence, List.of());
    }

    public Column column(String columnName) {
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        throw new IllegalArgumentException("Table " + name + " has no column " + columnName);
    }
}
