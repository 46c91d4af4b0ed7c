package dev.retort.sql;

import java.util.List;

/**
 * A node of the dialect-neutral expression tree. Nodes never know dialects: each dialect's compiler
 * visits them. Values become bind parameters; only a {@link Literal} is written into the SQL text.
 */
public sealed interface Expression {

    /**
     * A column; {@code table} (a table name or alias, or {@code null}) qualifies it where the statement reads
     * several tables. Single-table statements render the bare column.
     */
    record ColumnRef(String table, String column) implements Expression {
        /** A column of the statement's only table. */
        public ColumnRef(String column) {
            this(null, column);
        }
    }

    /** A value bound at execution: the compiler emits a parameter marker. */
    record Value(Object value, SqlType type) implements Expression {
    }

    /**
     * A whole number written into the SQL text instead of bound: the keys of a load's {@code IN} list on a
     * dialect that compares rows with constants far faster than with parameters
     * ({@code Dialect#inlinesKeyLists}). A statement holding one is compiled for that run only.
     */
    record Literal(long value) implements Expression {
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

    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand) implements Expression {
    }

    /** {@code operand [NOT] LIKE pattern}; {@code caseInsensitive} asks for ILIKE or its emulation. */
    record Like(Expression operand, Expression pattern, boolean negated, boolean caseInsensitive) implements Expression {
    }

    record Between(Expression operand, Expression low, Expression high) implements Expression {
    }

    /** {@code operand [NOT] IN (values)}; an empty list is always false (always true when negated). */
    record In(Expression operand, List<Expression> values, boolean negated) implements Expression {
        public In {
            values = List.copyOf(values);
        }
    }

    record Arithmetic(Expression left, ArithmeticOperator operator, Expression right) implements Expression {
    }

    /** String concatenation of the operands, in order. */
    record Concat(List<Expression> operands) implements Expression {
        public Concat {
            operands = List.copyOf(operands);
        }
    }

    /** A standard function applied to its arguments. */
    record Function(FunctionName name, List<Expression> arguments) implements Expression {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** The current date and time as a local timestamp (without time zone), in the database session's zone. */
    record CurrentTimestamp() implements Expression {
    }

    /** {@code CASE WHEN ... THEN ... [ELSE otherwise] END}; {@code otherwise} may be {@code null}. */
    record Case(List<When> whens, Expression otherwise) implements Expression {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(Expression condition, Expression result) {
    }

    /** {@code EXISTS (query)}. */
    record Exists(Statement.Select query) implements Expression {
    }

    /** {@code (SELECT ...)} giving one value. */
    record ScalarSubquery(Statement.Select query) implements Expression {
    }

    /** {@code operand [NOT] IN (SELECT ...)}. */
    record InSubquery(Expression operand, Statement.Select query, boolean negated) implements Expression {
    }

    /** {@code function OVER (PARTITION BY ... ORDER BY ...)}. */
    record Window(Expression function, List<Expression> partitionBy, List<OrderItem> orderBy) implements Expression {
        public Window {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code *}: every column (inside EXISTS). */
    record AllColumns() implements Expression {
    }

    enum ArithmeticOperator {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum FunctionName { COUNT, SUM, AVG, MIN, MAX, LOWER, UPPER, LENGTH, COALESCE, ABS, ROW_NUMBER, RANK, DENSE_RANK }

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
