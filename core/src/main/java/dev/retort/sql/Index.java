package dev.retort.sql;

import java.util.List;

/** A named index over columns of one table; {@code unique} makes it a unique index. */
public record Index(String name, List<String> columns, boolean unique) {
    public Index {
        columns = List.copyOf(columns);
    }
}
