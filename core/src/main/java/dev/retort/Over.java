package dev.retort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.retort.sql.OrderItem;

/**
 * The window of a window function: {@code Func.rowNumber().over(Over.partitionBy(Score_.team).orderBy(Score_.points.desc()))}.
 * Immutable and thread-safe.
 */
public final class Over {
    private final List<Expr<?>> partitionBy;
    private final List<Order> orderBy;

    private Over(List<Expr<?>> partitionBy, List<Order> orderBy) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
    }

    /** A window of the rows sharing these values. */
    public static Over partitionBy(Expr<?>... expressions) {
        return new Over(Arrays.asList(expressions), List.of());
    }

    /** A window over all rows, in this order. */
    public static Over ordered(Order... orders) {
        return new Over(List.of(), Arrays.asList(orders));
    }

    /** This window with rows in this order. */
    public Over orderBy(Order... orders) {
        List<Order> all = new ArrayList<>(orderBy);
        all.addAll(Arrays.asList(orders));
        return new Over(partitionBy, all);
    }

    List<dev.retort.sql.Expression> partitionNodes() {
        return partitionBy.stream().map(Expr::node).toList();
    }

    List<OrderItem> orderItems() {
        List<OrderItem> items = new ArrayList<>();
        for (Order order : orderBy) {
            if (order.expression() == null) {
                throw new InvalidRequestException("Over.orderBy(" + order + "): a window orders by expressions. To fix this, "
                        + "use the metamodel: Over.ordered(User_." + order.attribute() + ".asc()).");
            }
            items.add(new OrderItem(order.expression().node(), order.descending(), OrderItem.Nulls.valueOf(order.nulls().name())));
        }
        return items;
    }

    @Override
    public String toString() {
        return "OVER (" + (partitionBy.isEmpty() ? "" : "PARTITION BY " + partitionBy.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("")) + (partitionBy.isEmpty() || orderBy.isEmpty() ? "" : " ")
                + (orderBy.isEmpty() ? "" : "ORDER BY " + orderBy.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
                .orElse("")) + ")";
    }
}
