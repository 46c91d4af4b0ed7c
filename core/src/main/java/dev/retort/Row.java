package dev.retort;

import java.util.List;

/** One row of a {@link SelectQuery}: its values in column order, read by the expressions that selected them. Immutable. */
public interface Row {

    /**
     * The value of a selected expression: {@code row.get(User_.name)}; an equal expression built again
     * ({@code Func.count()}) finds the same column.
     */
    <T> T get(Expr<T> column);

    /** The value of the column with this label (case-insensitive): for rows of {@link SqlQuery#rows()}. */
    Object get(String label);

    /** The value of the column at {@code index} (from 0). */
    Object get(int index);

    int size();

    List<Object> values();
}
