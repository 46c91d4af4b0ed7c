package dev.retort.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as the Java type it was made for; SQL NULL gives {@code null}. */
@FunctionalInterface
public interface ColumnReader {
    Object read(ResultSet resultSet, int index) throws SQLException;
}
