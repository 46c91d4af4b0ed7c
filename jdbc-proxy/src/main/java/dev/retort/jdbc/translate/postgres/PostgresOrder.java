package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/**
 * PostgreSQL's NULL order (last ascending, first descending, or as NULLS FIRST/LAST says) on targets that
 * sort NULLs first ascending: SQLite is told with NULLS FIRST/LAST, MySQL with an {@code x IS NULL} key.
 */
final class PostgresOrder {

    private final Rewriter rewriter;
    private final Tokens t;

    PostgresOrder(Rewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
    }

    int orderBy(int i, int limit, StringBuilder out) throws SQLException {
        int by = t.next(i, limit);
        if (!t.word(by, "BY")) {
            rewriter.copy(i, out);
            return i + 1;
        }
        return rewriter.orderBy(i, by, limit, out, this::item);
    }

    private String item(int from, int to) throws SQLException {
        int first = t.skip(from, to);
        int last = t.last(first, to);
        boolean nullsFirst;
        int expressionEnd = last + 1;
        if (t.word(t.previous(last, first), "NULLS")) {
            nullsFirst = t.word(last, "FIRST");
            expressionEnd = t.previous(last, first);
        } else {
            nullsFirst = t.word(t.last(first, expressionEnd), "DESC");
        }
        int direction = t.last(first, expressionEnd);
        boolean descending = t.word(direction, "DESC");
        int valueEnd = descending || t.word(direction, "ASC") ? direction : expressionEnd;
        String value = rewriter.sub(first, valueEnd);
        String ordered = value + (descending ? " DESC" : t.word(direction, "ASC") ? " ASC" : "");
        if (valueEnd == first + 1 && t.kind[first] == Tokens.NUMBER) {
            rewriter.doubt("ORDER BY a column number", "PostgreSQL sorts NULLs " + (nullsFirst ? "first" : "last")
                    + " there and the translator cannot name the column", "order by the column's name");
            return ordered;
        }
        String nulls = rewriter.spelling.nullsOrder(nullsFirst);
        if (nulls == null && t.hasParameter(first, valueEnd)) {
            throw rewriter.refuse("ORDER BY an expression with a ? marker", "MySQL needs the expression twice to sort"
                    + " NULLs as PostgreSQL does, which would add a parameter", "order by a column or a literal");
        }
        rewriter.fire("NULL order");
        if (nulls != null) {
            return ordered + nulls;
        }
        return value + " IS NULL" + (nullsFirst ? " DESC" : "") + ", " + ordered;
    }
}
