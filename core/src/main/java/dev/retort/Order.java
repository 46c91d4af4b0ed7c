package dev.retort;

/**
 * One ordering term of a query: an attribute by name ({@code Order.desc("age")}) or an expression
 * ({@code User_.age.desc()}), ascending or descending, with nulls where the database puts them or
 * explicitly first or last ({@link #nullsFirst()}, emulated where the database lacks NULLS FIRST/LAST).
 * Immutable.
 */
public final class Order {
    /** Where null values are placed. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    private final String attribute;
    private final Expr<?> expression;
    private final boolean descending;
    private final Nulls nulls;

    private Order(String attribute, Expr<?> expression, boolean descending, Nulls nulls) {
        this.attribute = attribute;
        this.expression = expression;
        this.descending = descending;
        this.nulls = nulls;
    }

    public static Order asc(String attribute) {
        return new Order(attribute, null, false, Nulls.DEFAULT);
    }

    public static Order desc(String attribute) {
        return new Order(attribute, null, true, Nulls.DEFAULT);
    }

    static Order of(Expr<?> expression, boolean descending) {
        return new Order(null, expression, descending, Nulls.DEFAULT);
    }

    /** This order with null values first. */
    public Order nullsFirst() {
        return new Order(attribute, expression, descending, Nulls.FIRST);
    }

    /** This order with null values last. */
    public Order nullsLast() {
        return new Order(attribute, expression, descending, Nulls.LAST);
    }

    /** The attribute name, for orders by name; {@code null} for orders by expression. */
    public String attribute() {
        return attribute;
    }

    /** The expression, for orders by expression; {@code null} for orders by name. */
    public Expr<?> expression() {
        return expression;
    }

    public boolean descending() {
        return descending;
    }

    public Nulls nulls() {
        return nulls;
    }

    @Override
    public String toString() {
        return (attribute != null ? attribute : expression.toString()) + (descending ? " DESC" : " ASC")
                + (nulls == Nulls.DEFAULT ? "" : nulls == Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
}
