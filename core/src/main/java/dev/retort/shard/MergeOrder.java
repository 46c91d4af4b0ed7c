package dev.retort.shard;

import java.util.Comparator;
import java.util.List;

import dev.retort.Attribute;
import dev.retort.Order;
import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityModel;
import dev.retort.sql.Expression;

/**
 * Orders the objects of several shards as one query's ORDER BY would: by attributes of the query's entity,
 * comparing the values as their columns store them, nulls where each {@link Order} says (each shard is
 * asked to sort the same way, {@link #onEveryShard}). Strings compare by their UTF-16 units, as a binary
 * ("C") collation does.
 */
final class MergeOrder {
    private MergeOrder() {
    }

    /**
     * {@code order} with its null placement spelled out (last ascending, first descending, as PostgreSQL's
     * default), so that every shard's database sorts as the merge does.
     */
    static Order onEveryShard(Order order) {
        if (order.nulls() != Order.Nulls.DEFAULT) {
            return order;
        }
        return order.descending() ? order.nullsFirst() : order.nullsLast();
    }

    /** The comparator of {@code orders} (already spelled out by {@link #onEveryShard}) on objects of {@code model}. */
    static Comparator<Object> of(EntityModel model, List<Order> orders, String query) {
        Comparator<Object> comparator = (left, right) -> 0;
        for (Order order : orders) {
            comparator = comparator.thenComparing(term(model, order, query));
        }
        return comparator;
    }

    private static Comparator<Object> term(EntityModel model, Order order, String query) {
        AttributeModel attribute = attributeOf(model, order, query);
        Comparator<Object> values = values(order);
        return (left, right) -> values.compare(attribute.toStored(attribute.get(left)), attribute.toStored(attribute.get(right)));
    }

    /**
     * Compares two values as a column stores them, in the direction of {@code order} (spelled out by
     * {@link #onEveryShard}), nulls where it says.
     */
    static Comparator<Object> values(Order order) {
        boolean nullsFirst = order.nulls() == Order.Nulls.FIRST;
        return (a, b) -> {
            if (a == null || b == null) {
                return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
            }
            int compared = compare(a, b);
            return order.descending() ? -compared : compared;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
        }
        return ((Comparable) a).compareTo(b);
    }

    private static AttributeModel attributeOf(EntityModel model, Order order, String query) {
        if (order.attribute() != null) {
            return model.requireAttribute(order.attribute());
        }
        if (order.expression() instanceof Attribute<?, ?> attribute
                && attribute.entityType().isAssignableFrom(model.javaType())) {
            AttributeModel named = model.attribute(attribute.name()).orElse(null);
            if (named != null && attribute.node().equals(new Expression.ColumnRef(model.tableOf(named), named.column().name()))) {
                return named;
            }
        }
        throw new UnsupportedFeatureException(query + " orders by " + order.expression() + ", which Retort cannot compute "
                + "in memory to merge the results of several shards: it merges by attributes of " + model.entityName()
                + " only. To fix this, order by attributes of " + model.entityName() + ", or let the query chooser send "
                + "the query to one shard.");
    }
}
