package dev.retort.sql;

/** One {@code ORDER BY} term; {@code nulls} places null values first or last where asked. */
public record OrderItem(Expression expression, boolean descending, Nulls nulls) {

    public OrderItem(Expression expression, boolean descending) {
        this(expression, descending, Nulls.DEFAULT);
    }

    /** Where nulls go: the database's default, or explicitly first or last. */
    public enum Nulls { DEFAULT, FIRST, LAST }
}
