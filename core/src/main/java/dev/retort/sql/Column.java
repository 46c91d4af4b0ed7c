package dev.retort.sql;

/** One column of a {@link Table}. */
public record Column(String name, ColumnType type, boolean nullable, boolean unique, Generation generation) {
}
