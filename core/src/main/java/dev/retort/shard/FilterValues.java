package dev.retort.shard;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.retort.mapping.AttributeModel;
import dev.retort.sql.Expression;

/**
 * Reads from a query's conditions (taken together, with AND) the values they allow one column to take:
 * {@code column = value}, {@code column IN (values)}, narrowed by AND, joined by OR when every branch names
 * the column. Anything else leaves the column unrestricted. Values come back as the field holds them.
 */
final class FilterValues {
    private final Expression.ColumnRef column;
    private final AttributeModel attribute;

    FilterValues(Expression.ColumnRef column, AttributeModel attribute) {
        this.column = column;
        this.attribute = attribute;
    }

    Optional<Set<Object>> allowedBy(List<Expression> conditions) {
        return all(conditions);
    }

    private Optional<Set<Object>> of(Expression condition) {
        if (condition instanceof Expression.Comparison comparison && comparison.operator() == Expression.Operator.EQ) {
            if (column.equals(comparison.left()) && comparison.right() instanceof Expression.Value value) {
                return Optional.of(one(value));
            }
            if (column.equals(comparison.right()) && comparison.left() instanceof Expression.Value value) {
                return Optional.of(one(value));
            }
        } else if (condition instanceof Expression.In in && !in.negated() && column.equals(in.operand())) {
            Set<Object> values = new LinkedHashSet<>();
            for (Expression element : in.values()) {
                if (!(element instanceof Expression.Value value)) {
                    return Optional.empty();
                }
                values.add(attribute.fromStored(value.value()));
            }
            return Optional.of(values);
        } else if (condition instanceof Expression.And and) {
            return all(and.operands());
        } else if (condition instanceof Expression.Or or) {
            Set<Object> union = new LinkedHashSet<>();
            for (Expression operand : or.operands()) {
                Optional<Set<Object>> branch = of(operand);
                if (branch.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(branch.get());
            }
            return Optional.of(union);
        }
        return Optional.empty();
    }

    /** Conditions that all hold: the values every restricting one allows. */
    private Optional<Set<Object>> all(List<Expression> conditions) {
        Set<Object> allowed = null;
        for (Expression condition : conditions) {
            Optional<Set<Object>> values = of(condition);
            if (values.isPresent()) {
                if (allowed == null) {
                    allowed = new LinkedHashSet<>(values.get());
                } else {
                    allowed.retainAll(new HashSet<>(values.get()));
                }
            }
        }
        return Optional.ofNullable(allowed);
    }

    private Set<Object> one(Expression.Value value) {
        Set<Object> values = new LinkedHashSet<>();
        values.add(attribute.fromStored(value.value()));
        return values;
    }
}
