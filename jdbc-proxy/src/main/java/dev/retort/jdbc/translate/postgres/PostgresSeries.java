package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.Set;

/**
 * {@code generate_series(start, stop[, step])} in a FROM clause, as a derived table over a recursive
 * common table expression: MySQL 8, MariaDB and SQLite all have {@code WITH RECURSIVE}. The column keeps
 * PostgreSQL's name: the alias's column, else the alias, else {@code generate_series}.
 */
final class PostgresSeries {

    /** Words that end a FROM item, so they are no alias. */
    private static final Set<String> NOT_ALIASES = Set.of("WHERE", "JOIN", "CROSS", "INNER", "LEFT", "RIGHT", "FULL",
            "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "HAVING",
            "WINDOW", "FETCH", "FOR", "RETURNING");

    private final PostgresRewriter rewriter;
    private final Tokens t;

    PostgresSeries(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
    }

    /** Writes the series called at {@code name} with its alias; returns the index after what it consumed. */
    int write(int name, Call call, StringBuilder out) throws SQLException {
        int before = t.previous(name, 0);
        if (!(t.word(before, "FROM") || t.word(before, "JOIN") || t.word(before, "LATERAL")
                || before >= 0 && t.kind[before] == Tokens.COMMA && inFrom(before))) {
            throw rewriter.refuse("generate_series() outside FROM", rewriter.target + " has no set-returning"
                    + " functions in a select list", "select from generate_series(…) in the FROM clause");
        }
        call.expect(2, 3);
        Long step = call.count() == 3 ? call.integer(2) : Long.valueOf(1);
        if (step == null || step == 0) {
            throw rewriter.refuse("generate_series() with a step other than a whole number", "the series is"
                    + " counted in whole steps written in the statement", "write the step as a non-zero integer literal,"
                    + " or compute dates from the numbers: date + n * step");
        }
        int limit = rewriter.statementTo;
        int end = call.close + 1;
        String alias = "generate_series";
        String column = null;
        int next = t.next(call.close, limit);
        boolean as = t.word(next, "AS");
        int word = as ? t.next(next, limit) : next;
        if (word < limit && (t.kind[word] == Tokens.QUOTED_NAME || t.kind[word] == Tokens.WORD
                && (as || !NOT_ALIASES.contains(t.upper(word))))) {
            alias = rewriter.sub(word, word + 1);
            end = word + 1;
            int open = t.next(word, limit);
            if (open < limit && t.kind[open] == Tokens.OPEN) {
                int columnName = t.next(open, limit);
                column = rewriter.sub(columnName, columnName + 1);
                end = t.partner[open] + 1;
            }
        }
        boolean mysql = rewriter.mysqlTarget();
        String start = mysql ? "CAST(" + call.arg(0) + " AS SIGNED)" : call.arg(0);
        String within = step > 0 ? " <= " : " >= ";
        rewriter.fire("generate_series()");
        // the bounds are written once each, in their order, so ? markers keep theirs
        out.append("(WITH RECURSIVE retort_bounds (retort_from, retort_to) AS (SELECT ").append(start).append(", ")
                .append(call.arg(1)).append("), retort_series (retort_n) AS (SELECT retort_from FROM retort_bounds"
                        + " WHERE retort_from").append(within).append("retort_to UNION ALL SELECT retort_n + ")
                .append(step).append(" FROM retort_series, retort_bounds WHERE retort_n + ").append(step)
                .append(within).append("retort_to) SELECT retort_n AS ").append(column != null ? column : alias)
                .append(" FROM retort_series) AS ").append(alias);
        return end;
    }

    /** Whether the comma at {@code comma} separates FROM items: a FROM comes before it at its own level. */
    private boolean inFrom(int comma) {
        for (int k = comma - 1; k >= 0; k--) {
            if (t.kind[k] == Tokens.CLOSE) {
                k = t.partner[k];
            } else if (t.kind[k] == Tokens.OPEN || t.word(k, "SELECT")) {
                return false;
            } else if (t.word(k, "FROM")) {
                return true;
            }
        }
        return false;
    }
}
