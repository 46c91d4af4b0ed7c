package dev.retort.sql;

/** One {@code ORDER BY} term. */
public record OrderItem(Expression expression, boolean descending) {
}
