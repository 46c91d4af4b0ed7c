package dev.retort.sql;

import java.util.List;

/** {@code FOREIGN KEY (columns) REFERENCES table (referencedColumns)}: one constraint of a {@link Table}. */
public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
