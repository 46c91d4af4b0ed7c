package dev.retort.sql;

import java.util.List;

/**
 * A named index over columns of one table; {@code unique} makes it a unique index. {@code forForeignKey}
 * marks the index Retort adds on a foreign-key column (which loads by that key need), so that databases
 * that index foreign keys themselves (InnoDB) do not get a second one.
 */
public record Index(String name, List<String> columns, boolean unique, boolean forForeignKey) {
    public Index {
        columns = List.copyOf(columns);
    }

    public Index(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, false);
    }
}
