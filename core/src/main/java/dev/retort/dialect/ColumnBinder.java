package dev.retort.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one Java value (never null: nulls go through {@link Dialect#bindNull}) to a parameter marker. */
@FunctionalInterface
public interface ColumnBinder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
}
