package dev.retort.session.load;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.retort.InvalidRequestException;
import dev.retort.session.SessionContext;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * Finds the tables an expression reads: so that a tuple query knows its FROM without being told, and so
 * that a query using a table it does not read fails with a message saying to join it.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * The tables (or aliases) whose columns the select uses outside its subqueries, which it must read
     * itself; subqueries may refer to this select's tables (correlation), not the other way round.
     */
    static Set<String> used(Statement.Select select) {
        Set<String> tables = new LinkedHashSet<>();
        select.columns().forEach(column -> collect(column, tables));
        select.joins().forEach(join -> collect(join.on(), tables));
        select.where().ifPresent(where -> collect(where, tables));
        select.groupBy().forEach(group -> collect(group, tables));
        select.having().ifPresent(having -> collect(having, tables));
        select.orderBy().forEach(item -> collect(item.expression(), tables));
        return tables;
    }

    /**
     * Fails with the fix when the select uses a table it does not read (the database would only say
     * "missing FROM-clause entry" or "unknown column").
     */
    public static void requireRead(Statement.Select select, SessionContext context, String query) {
        Set<String> read = read(select);
        for (String table : used(select)) {
            if (!read.contains(table)) {
                String entity = context.flushOrder().stream().filter(persister -> persister.model().table().name().equals(table))
                        .map(EntityPersister::entityName).findFirst().orElse(null);
                throw new InvalidRequestException(query + " uses columns of " + (entity != null ? entity + " (table " + table + ")"
                        : table) + ", which it does not read. To fix this, join it: .join(" + (entity != null ? entity + ".class"
                        : table) + ", condition), or use it in a subquery.");
            }
        }
    }

    /** The tables the select reads: its FROM and its joins, by alias where aliased. */
    static Set<String> read(Statement.Select select) {
        Set<String> tables = new HashSet<>();
        tables.add(select.tableAlias() != null ? select.tableAlias() : select.table());
        select.joins().forEach(join -> tables.add(join.alias() != null ? join.alias() : join.table()));
        return tables;
    }

    private static void collect(Expression expression, Set<String> tables) {
        if (expression instanceof Expression.ColumnRef column) {
            if (column.table() != null) {
                tables.add(column.table());
            }
        } else if (expression instanceof Expression.Comparison comparison) {
            collect(comparison.left(), tables);
            collect(comparison.right(), tables);
        } else if (expression instanceof Expression.IsNull isNull) {
            collect(isNull.operand(), tables);
        } else if (expression instanceof Expression.And and) {
            and.operands().forEach(operand -> collect(operand, tables));
        } else if (expression instanceof Expression.Or or) {
            or.operands().forEach(operand -> collect(operand, tables));
        } else if (expression instanceof Expression.Not not) {
            collect(not.operand(), tables);
        } else if (expression instanceof Expression.Like like) {
            collect(like.operand(), tables);
            collect(like.pattern(), tables);
        } else if (expression instanceof Expression.Between between) {
            collect(between.operand(), tables);
            collect(between.low(), tables);
            collect(between.high(), tables);
        } else if (expression instanceof Expression.In in) {
            collect(in.operand(), tables);
            in.values().forEach(value -> collect(value, tables));
        } else if (expression instanceof Expression.InSubquery in) {
            collect(in.operand(), tables);
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            collect(arithmetic.left(), tables);
            collect(arithmetic.right(), tables);
        } else if (expression instanceof Expression.Concat concat) {
            concat.operands().forEach(operand -> collect(operand, tables));
        } else if (expression instanceof Expression.Function function) {
            function.arguments().forEach(argument -> collect(argument, tables));
        } else if (expression instanceof Expression.Case caseExpression) {
            caseExpression.whens().forEach(when -> {
                collect(when.condition(), tables);
                collect(when.result(), tables);
            });
            if (caseExpression.otherwise() != null) {
                collect(caseExpression.otherwise(), tables);
            }
        } else if (expression instanceof Expression.Window window) {
            collect(window.function(), tables);
            window.partitionBy().forEach(partition -> collect(partition, tables));
            window.orderBy().forEach(item -> collect(item.expression(), tables));
        }
    }

    /** The table of the first qualified column in the expression, depth first; {@code null} if none. */
    public static String first(Expression expression) {
        if (expression instanceof Expression.ColumnRef column) {
            return column.table();
        }
        if (expression instanceof Expression.Function function) {
            return firstOf(function.arguments());
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return firstOf(List.of(arithmetic.left(), arithmetic.right()));
        }
        if (expression instanceof Expression.Concat concat) {
            return firstOf(concat.operands());
        }
        if (expression instanceof Expression.Comparison comparison) {
            return firstOf(List.of(comparison.left(), comparison.right()));
        }
        if (expression instanceof Expression.Case caseExpression) {
            for (Expression.When when : caseExpression.whens()) {
                String table = firstOf(List.of(when.condition(), when.result()));
                if (table != null) {
                    return table;
                }
            }
            return caseExpression.otherwise() == null ? null : first(caseExpression.otherwise());
        }
        return null;
    }

    private static String firstOf(List<Expression> expressions) {
        for (Expression expression : expressions) {
            String table = first(expression);
            if (table != null) {
                return table;
            }
        }
        return null;
    }
}
