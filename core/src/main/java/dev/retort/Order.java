package dev.retort;

/** One ordering term of a {@link Query}: an attribute, ascending or descending. Immutable. */
public final class Order {
    private final String attribute;
    private final boolean descending;

    private Order(String attribute, boolean descending) {
        this.attribute = attribute;
        this.descending = descending;
    }

    public static Order asc(String attribute) {
        return new Order(attribute, false);
    }

    public static Order desc(String attribute) {
        return new Order(attribute, true);
    }

    public String attribute() {
        return attribute;
    }

    public boolean descending() {
        return descending;
    }

    @Override
    public String toString() {
        return attribute + (descending ? " DESC" : " ASC");
    }
}
