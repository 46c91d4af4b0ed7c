package dev.retort.sql;

import java.util.List;

/**
 * A foreign-key constraint of a {@link Table}: its columns reference the {@code referencedColumns} of
 * {@code referencedTable} (its primary key). Immutable.
 */
public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
