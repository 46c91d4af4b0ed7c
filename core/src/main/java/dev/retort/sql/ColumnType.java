package dev.retort.sql;

/**
 * A column's type with the sizes DDL needs: {@code length} for strings and binaries, {@code precision}
 * and {@code scale} for decimals. Zero means "not given"; dialects choose their defaults.
 */
public record ColumnType(SqlType type, int length, int precision, int scale) {
    /** The length of a string without a limit ({@code @Lob}): the database's largest text type. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public static ColumnType of(SqlType type) {
        return new ColumnType(type, 0, 0, 0);
    }
}
