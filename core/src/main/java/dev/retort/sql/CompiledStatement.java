package dev.retort.sql;

import java.util.List;

/**
 * The SQL text a dialect produced for a {@link Statement}, and its parameters in marker order: each is a
 * {@link Expression.Value} (bound as is) or an {@link Expression.Slot} (taken from a row at execution).
 * Immutable; compiled once per statement shape and reused, unless not {@code reusable}: its text holds
 * {@linkplain Expression.Literal literals} of one run, so a prepared statement of it is not worth keeping.
 */
public record CompiledStatement(String sql, List<Expression> parameters, boolean reusable) {
    public CompiledStatement {
        parameters = List.copyOf(parameters);
    }

    public CompiledStatement(String sql, List<Expression> parameters) {
        this(sql, parameters, true);
    }

    /** This statement marked as for one run. */
    public CompiledStatement once() {
        return new CompiledStatement(sql, parameters, false);
    }

    @Override
    public String toString() {
        return sql;
    }
}
