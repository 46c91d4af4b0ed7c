package dev.retort;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * A common table expression, a named query that a {@link SelectQuery} reads as a table
 * ({@code WITH name (columns) AS (...)}), as SQLAlchemy's {@code select(...).cte()}:
 * <pre>{@code
 * Cte totals = Cte.of("team_totals", session.select(Score_.team, Func.sum(Score_.points)).groupBy(Score_.team), "team", "total");
 * Expr<Integer> total = totals.column("total", Integer.class);
 * session.select(totals.column("team", String.class), total).with(totals).where(total.gt(10)).all();
 * }</pre>
 * Immutable and thread-safe.
 */
public final class Cte {
    private final String name;
    private final List<String> columns;
    private final Statement.Select query;

    private Cte(String name, List<String> columns, Statement.Select query) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.query = query;
    }

    /** The query under {@code name}, its result columns named {@code columns} in order (one per selected column). */
    public static Cte of(String name, SelectQuery query, String... columns) {
        Objects.requireNonNull(name, "name");
        Statement.Select select = query.statement();
        if (columns.length != select.columns().size()) {
            throw new InvalidRequestException("Cte.of(\"" + name + "\", ...): the query selects " + select.columns().size()
                    + " columns but " + columns.length + " names are given (" + String.join(", ", columns) + "). To fix this, "
                    + "name each selected column once, in order.");
        }
        return new Cte(name, Arrays.asList(columns), select);
    }

    /** A column of this table, to select, compare or order by. */
    public <T> Expr<T> column(String column, Class<T> type) {
        if (!columns.contains(column)) {
            throw new InvalidRequestException("Common table " + name + " has no column '" + column + "'. Its columns are: "
                    + String.join(", ", columns) + ". To fix this, use one of them.");
        }
        return new Expr.Derived<>(type, new Expression.ColumnRef(name, column), name + "." + column, null);
    }

    public String name() {
        return name;
    }

    /** This table's definition as a node of the SQL tree. */
    public Statement.CommonTable definition() {
        return new Statement.CommonTable(name, columns, query);
    }

    @Override
    public String toString() {
        return name + " (" + String.join(", ", columns) + ")";
    }
}
