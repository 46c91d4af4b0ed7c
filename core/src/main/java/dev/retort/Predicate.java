package dev.retort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.retort.sql.Expression;

/**
 * A condition: {@code User_.age.ge(25)}, combined with {@link #and}, {@link #or} and {@link #not}.
 * Passed to {@code Query.filter}, {@code where} and {@code having}. Immutable and thread-safe.
 */
public final class Predicate extends Expr<Boolean> {
    private final Expression node;
    private final String description;

    Predicate(Expression node, String description) {
        super(Boolean.class);
        this.node = node;
        this.description = description;
    }

    @Override
    public Expression node() {
        return node;
    }

    public Predicate and(Predicate other) {
        return and(this, other);
    }

    public Predicate or(Predicate other) {
        return or(this, other);
    }

    public Predicate not() {
        return new Predicate(new Expression.Not(node), "NOT (" + description + ")");
    }

    /** All of the conditions (SQL AND); at least one is required. */
    public static Predicate and(Predicate... predicates) {
        return junction(predicates, " AND ");
    }

    /** Any of the conditions (SQL OR); at least one is required. */
    public static Predicate or(Predicate... predicates) {
        return junction(predicates, " OR ");
    }

    public static Predicate not(Predicate predicate) {
        return predicate.not();
    }

    private static Predicate junction(Predicate[] predicates, String separator) {
        if (predicates.length == 0) {
            throw new InvalidRequestException("Predicate." + separator.trim().toLowerCase(java.util.Locale.ROOT)
                    + "() needs at least one condition. To fix this, pass the conditions to combine.");
        }
        if (predicates.length == 1) {
            return predicates[0];
        }
        boolean and = separator.equals(" AND ");
        List<Expression> nodes = new ArrayList<>();
        for (Predicate predicate : predicates) {
            // a.and(b).and(c) is one flat AND of three, as written.
            if (and && predicate.node instanceof Expression.And inner) {
                nodes.addAll(inner.operands());
            } else if (!and && predicate.node instanceof Expression.Or inner) {
                nodes.addAll(inner.operands());
            } else {
                nodes.add(predicate.node);
            }
        }
        Expression node = and ? new Expression.And(nodes) : new Expression.Or(nodes);
        return new Predicate(node, Arrays.stream(predicates).map(predicate -> "(" + predicate.description + ")")
                .collect(Collectors.joining(separator)));
    }

    @Override
    public String toString() {
        return description;
    }
}
