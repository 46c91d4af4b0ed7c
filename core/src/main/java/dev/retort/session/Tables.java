package dev.retort.session;

import dev.retort.sql.Expression;

/** Finds the tables an expression reads, so that a tuple query knows its FROM without being told. */
final class Tables {
    private Tables() {
    }

    /** The table of the first qualified column in the expression, depth first; {@code null} if none. */
    static String first(Expression expression) {
        if (expression instanceof Expression.ColumnRef column) {
            return column.table();
        }
        if (expression instanceof Expression.Function function) {
            return firstOf(function.arguments());
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return firstOf(java.util.List.of(arithmetic.left(), arithmetic.right()));
        }
        if (expression instanceof Expression.Concat concat) {
            return firstOf(concat.operands());
        }
        if (expression instanceof Expression.Comparison comparison) {
            return firstOf(java.util.List.of(comparison.left(), comparison.right()));
        }
        if (expression instanceof Expression.Case caseExpression) {
            for (Expression.When when : caseExpression.whens()) {
                String table = firstOf(java.util.List.of(when.condition(), when.result()));
                if (table != null) {
                    return table;
                }
            }
            return caseExpression.otherwise() == null ? null : first(caseExpression.otherwise());
        }
        return null;
    }

    private static String firstOf(java.util.List<Expression> expressions) {
        for (Expression expression : expressions) {
            String table = first(expression);
            if (table != null) {
                return table;
            }
        }
        return null;
    }
}
