package dev.retort.sql;

import java.util.List;

/**
 * A node of the dialect-neutral expression tree. Nodes never know dialects: each dialect's compiler
 * visits them. Values are never rendered inline; they become bind parameters.
 */
public sealed interface Expression {

    /** A column of the statement's table. */
    record ColumnRef(String column) implements Expression {
    }

    /** A value bound at execution: the compiler emits a parameter marker. */
    record Value(Object value, SqlType type) implements Expression {
    }

    /**
     * A parameter filled per execution from a row of values (batches, per-entity statements):
     * {@code slot} indexes that row.
     */
    record Slot(int slot, SqlType type) implements Expression {
    }

    record Comparison(Expression left, Operator operator, Expression right) implements Expression {
    }

    record IsNull(Expression operand, boolean negated) implements Expression {
    }

    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** {@code COUNT(*)}. */
    record CountAll() implements Expression {
    }

    enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    static Expression eq(Expression left, Expression right) {
        return new Comparison(left, Operator.EQ, right);
    }
}
