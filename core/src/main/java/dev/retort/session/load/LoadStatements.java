package dev.retort.session.load;

import java.util.ArrayList;
import java.util.List;

import dev.retort.dialect.Dialect;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.SqlType;

/** The SQL trees loads are made of: id lists, the entity's columns, a collection's order. Stateless. */
public final class LoadStatements {
    private LoadStatements() {
    }

    /**
     * {@code table.column IN (ids)}: bound and {@linkplain #padded padded}, or written as literals where the
     * dialect {@linkplain Dialect#inlinesKeyLists inlines key lists} and every id is a whole number.
     */
    static Expression in(Dialect dialect, String table, AttributeModel attribute, List<Object> ids) {
        return in(dialect, new Expression.ColumnRef(table, attribute.column().name()), attribute.column().type().type(), ids);
    }

    static Expression in(Dialect dialect, Expression.ColumnRef column, SqlType type, List<Object> ids) {
        List<Expression> values = new ArrayList<>(ids.size());
        boolean literal = dialect.inlinesKeyLists();
        for (Object id : ids) {
            literal &= id instanceof Long || id instanceof Integer || id instanceof Short;
        }
        for (Object id : ids) {
            values.add(literal ? new Expression.Literal(((Number) id).longValue()) : new Expression.Value(id, type));
        }
        return new Expression.In(column, literal ? values : padded(values), false);
    }

    /**
     * The list lengthened to the next power of two by repeating its last value, so that IN lists come in a
     * handful of shapes (1, 2, 4, ... 512 markers): fewer statements to compile, cache and prepare.
     */
    private static List<Expression> padded(List<Expression> values) {
        int size = Integer.highestOneBit(values.size());
        if (size == values.size()) {
            return values;
        }
        List<Expression> longer = new ArrayList<>(size * 2);
        longer.addAll(values);
        while (longer.size() < size * 2) {
            longer.add(values.get(values.size() - 1));
        }
        return longer;
    }

    static List<Expression> qualifiedColumns(EntityPersister persister) {
        String table = persister.model().table().name();
        List<Expression> columns = new ArrayList<>(persister.attributeCount());
        for (int i = 0; i < persister.attributeCount(); i++) {
            columns.add(new Expression.ColumnRef(table, persister.attribute(i).column().name()));
        }
        return columns;
    }

    /** The relationship's {@code @OrderBy} (attribute names of the target, ASC/DESC), else the target's id. */
    static List<OrderItem> orderBy(RelationshipModel relationship, EntityPersister target, String table) {
        List<OrderItem> items = new ArrayList<>();
        for (RelationshipModel.OrderKey key : relationship.orderKeys()) {
            // Metadata.of checked that the attribute exists.
            AttributeModel attribute = target.model().attribute(key.attribute()).orElseThrow();
            items.add(new OrderItem(new Expression.ColumnRef(table, attribute.column().name()), key.descending()));
        }
        Expression id = new Expression.ColumnRef(table, target.attribute(0).column().name());
        if (items.stream().noneMatch(item -> item.expression().equals(id))) {
            items.add(new OrderItem(id, false));
        }
        return items;
    }
}
