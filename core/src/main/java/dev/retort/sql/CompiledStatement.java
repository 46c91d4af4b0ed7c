package dev.retort.sql;

import java.util.List;

/**
 * The SQL text a dialect produced for a {@link Statement}, and its parameters in marker order: each is a
 * {@link Expression.Value} (bound as is) or an {@link Expression.Slot} (taken from a row at execution).
 * Immutable; compiled once per statement shape and reused.
 */
public record CompiledStatement(String sql, List<Expression> parameters) {
    public CompiledStatement {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String toString() {
        return sql;
    }
}
