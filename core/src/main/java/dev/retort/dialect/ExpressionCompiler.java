package dev.retort.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * The expression half of a compiler: renders every {@link Expression} node in common SQL, with the
 * hooks dialects override where their database differs (case-insensitive LIKE, concatenation, string
 * length, the current timestamp, null ordering). {@link SqlCompiler} adds the statements. One instance
 * per compilation: it accumulates the text and the parameters in marker order.
 */
public abstract class ExpressionCompiler {
    protected final Dialect dialect;
    protected final StringBuilder sql = new StringBuilder(128);
    protected final List<Expression> parameters = new ArrayList<>();
    /** Whether column references carry their table: inside subqueries and where several tables are read. */
    protected boolean qualifyColumns;

    protected ExpressionCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Renders a SELECT (as a statement or a subquery). */
    protected abstract void visitSelect(Statement.Select select);

    protected void visitExpression(Expression expression) {
        if (expression instanceof Expression.ColumnRef column) {
            visitColumn(column);
        } else if (expression instanceof Expression.Value || expression instanceof Expression.Slot) {
            parameters.add(expression);
            sql.append('?');
        } else if (expression instanceof Expression.Comparison comparison) {
            visitOperand(comparison.left());
            sql.append(' ').append(comparison.operator().symbol()).append(' ');
            visitOperand(comparison.right());
        } else if (expression instanceof Expression.IsNull isNull) {
            visitOperand(isNull.operand());
            sql.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (expression instanceof Expression.And and) {
            visitJunction(and.operands(), " AND ");
        } else if (expression instanceof Expression.Or or) {
            visitJunction(or.operands(), " OR ");
        } else if (expression instanceof Expression.Not not) {
            sql.append("NOT ");
            visitOperand(not.operand());
        } else if (expression instanceof Expression.CountAll) {
            sql.append("COUNT(*)");
        } else if (expression instanceof Expression.Like like) {
            visitLike(like);
        } else if (expression instanceof Expression.Between between) {
            visitOperand(between.operand());
            sql.append(" BETWEEN ");
            visitOperand(between.low());
            sql.append(" AND ");
            visitOperand(between.high());
        } else if (expression instanceof Expression.In in) {
            visitIn(in);
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            visitOperand(arithmetic.left());
            sql.append(' ').append(arithmetic.operator().symbol()).append(' ');
            visitOperand(arithmetic.right());
        } else if (expression instanceof Expression.Concat concat) {
            visitConcat(concat);
        } else if (expression instanceof Expression.Function function) {
            visitFunction(function);
        } else if (expression instanceof Expression.CurrentTimestamp) {
            visitCurrentTimestamp();
        } else if (expression instanceof Expression.Case caseExpression) {
            visitCase(caseExpression);
        } else if (expression instanceof Expression.Exists exists) {
            sql.append("EXISTS ");
            visitSubquery(exists.query());
        } else if (expression instanceof Expression.ScalarSubquery scalar) {
            visitSubquery(scalar.query());
        } else if (expression instanceof Expression.InSubquery in) {
            visitOperand(in.operand());
            sql.append(in.negated() ? " NOT IN " : " IN ");
            visitSubquery(in.query());
        } else if (expression instanceof Expression.Window window) {
            visitWindow(window);
        } else if (expression instanceof Expression.AllColumns) {
            sql.append('*');
        } else if (expression instanceof Expression.Literal literal) {
            sql.append(literal.value());
        } else {
            throw new IllegalArgumentException("Unknown expression " + expression);
        }
    }

    protected void visitColumn(Expression.ColumnRef column) {
        if (qualifyColumns && column.table() != null) {
            sql.append(dialect.quote(column.table())).append('.');
        }
        sql.append(dialect.quote(column.column()));
    }

    /** An operand of an operator: parenthesised when it is itself built of operators, so precedence is kept. */
    protected final void visitOperand(Expression operand) {
        boolean compound = operand instanceof Expression.And || operand instanceof Expression.Or
                || operand instanceof Expression.Comparison || operand instanceof Expression.Arithmetic
                || operand instanceof Expression.Like || operand instanceof Expression.Between
                || operand instanceof Expression.In || operand instanceof Expression.IsNull
                || operand instanceof Expression.Not || operand instanceof Expression.Concat && concatIsOperator();
        if (compound) {
            sql.append('(');
        }
        visitExpression(operand);
        if (compound) {
            sql.append(')');
        }
    }

    private void visitJunction(List<Expression> operands, String separator) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            Expression operand = operands.get(i);
            boolean nested = operand instanceof Expression.And || operand instanceof Expression.Or;
            if (nested) {
                sql.append('(');
            }
            visitExpression(operand);
            if (nested) {
                sql.append(')');
            }
        }
    }

    /** {@code LIKE}; case-insensitively as {@code LOWER(x) LIKE LOWER(?)} unless the database has ILIKE. */
    protected void visitLike(Expression.Like like) {
        boolean lower = like.caseInsensitive() && !dialect.supportsIlike();
        if (lower) {
            sql.append("LOWER(");
            visitExpression(like.operand());
            sql.append(')');
        } else {
            visitOperand(like.operand());
        }
        sql.append(like.negated() ? " NOT" : "").append(like.caseInsensitive() && !lower ? " ILIKE " : " LIKE ");
        if (lower) {
            sql.append("LOWER(");
            visitExpression(like.pattern());
            sql.append(')');
        } else {
            visitOperand(like.pattern());
        }
    }

    private void visitIn(Expression.In in) {
        if (in.values().isEmpty()) {
            // IN () is not SQL; nothing is in an empty list.
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        visitOperand(in.operand());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            visitExpression(in.values().get(i));
        }
        sql.append(')');
    }

    /** Whether {@link #visitConcat} renders an infix operator (and so needs parentheses as an operand). */
    protected boolean concatIsOperator() {
        return true;
    }

    /** {@code a || b}, the standard operator; MySQL overrides with {@code CONCAT(a, b)}. */
    protected void visitConcat(Expression.Concat concat) {
        for (int i = 0; i < concat.operands().size(); i++) {
            if (i > 0) {
                sql.append(" || ");
            }
            visitOperand(concat.operands().get(i));
        }
    }

    protected void visitFunction(Expression.Function function) {
        sql.append(functionName(function.name())).append('(');
        for (int i = 0; i < function.arguments().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            visitExpression(function.arguments().get(i));
        }
        sql.append(')');
    }

    /** The SQL name of a function; {@code LENGTH} counts characters everywhere but MySQL (which counts bytes). */
    protected String functionName(Expression.FunctionName name) {
        return name.name();
    }

    /** The local date-time now; standard {@code LOCALTIMESTAMP}. */
    protected void visitCurrentTimestamp() {
        sql.append("LOCALTIMESTAMP");
    }

    private void visitCase(Expression.Case caseExpression) {
        sql.append("CASE");
        for (Expression.When when : caseExpression.whens()) {
            sql.append(" WHEN ");
            visitExpression(when.condition());
            sql.append(" THEN ");
            visitExpression(when.result());
        }
        if (caseExpression.otherwise() != null) {
            sql.append(" ELSE ");
            visitExpression(caseExpression.otherwise());
        }
        sql.append(" END");
    }

    /** {@code f(...) OVER (PARTITION BY ... ORDER BY ...)}; an error naming the database where windows don't exist. */
    protected void visitWindow(Expression.Window window) {
        if (!dialect.supportsWindowFunctions()) {
            throw unsupported("Window functions (OVER) are", "compute the value with a subquery or in Java");
        }
        visitExpression(window.function());
        sql.append(" OVER (");
        if (!window.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            for (int i = 0; i < window.partitionBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                visitExpression(window.partitionBy().get(i));
            }
        }
        if (!window.orderBy().isEmpty()) {
            int start = sql.length();
            visitOrderBy(window.orderBy());
            if (window.partitionBy().isEmpty()) {
                sql.deleteCharAt(start); // no space after "OVER ("
            }
        }
        sql.append(')');
    }

    /** The error for a feature this database lacks ({@code "FULL OUTER JOIN is"}), naming both and a way around it. */
    protected final dev.retort.UnsupportedFeatureException unsupported(String feature, String fix) {
        return new dev.retort.UnsupportedFeatureException(feature + " not supported by " + dialect.displayName()
                + ". To fix this, " + fix + ".");
    }

    /** A parenthesised SELECT whose columns are qualified, so that it can refer to the enclosing query's tables. */
    protected final void visitSubquery(Statement.Select select) {
        boolean outer = qualifyColumns;
        qualifyColumns = true;
        sql.append('(');
        visitSelect(select);
        sql.append(')');
        qualifyColumns = outer;
    }

    protected void visitOrderBy(List<OrderItem> items) {
        if (items.isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            visitOrderItem(items.get(i));
        }
    }

    /**
     * One ORDER BY term. Where the database lacks {@code NULLS FIRST/LAST}, an explicit null placement is
     * emulated by ordering on {@code x IS NULL} first (false sorts before true).
     */
    protected void visitOrderItem(OrderItem item) {
        if (item.nulls() != OrderItem.Nulls.DEFAULT && !dialect.supportsNullsOrdering()) {
            visitOperand(new Expression.IsNull(item.expression(), false));
            sql.append(item.nulls() == OrderItem.Nulls.FIRST ? " DESC, " : ", ");
        }
        visitExpression(item.expression());
        if (item.descending()) {
            sql.append(" DESC");
        }
        if (item.nulls() != OrderItem.Nulls.DEFAULT && dialect.supportsNullsOrdering()) {
            sql.append(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    protected final void bind(Object value, SqlType type) {
        parameters.add(new Expression.Value(value, type));
        sql.append('?');
    }
}
