package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.Set;

/**
 * PostgreSQL clauses MySQL/MariaDB or SQLite spell differently or lack: an aggregate's
 * {@code FILTER (WHERE …)} and {@code LIMIT ALL}.
 */
final class PostgresClauses {

    /** Aggregates whose FILTER becomes a CASE inside the call: NULL for the rows left out, which they skip. */
    private static final Set<String> FILTERABLE = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

    private final PostgresRewriter rewriter;
    private final Tokens t;
    private final boolean mysql;

    PostgresClauses(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.mysql = rewriter.mysqlTarget();
    }

    /**
     * {@code agg(x) FILTER (WHERE c)} as {@code agg(CASE WHEN c THEN x END)} on MySQL (SQLite has FILTER);
     * {@code COUNT(*)} counts {@code CASE WHEN c THEN 1 END}.
     */
    int filter(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int open = t.next(i, limit);
        int where = open < limit && t.kind[open] == Tokens.OPEN ? t.next(open, limit) : limit;
        int close = where < limit ? t.partner[open] : -1;
        int callClose = t.previous(i, floor);
        if (!t.word(where, "WHERE") || callClose < floor || t.kind[callClose] != Tokens.CLOSE || !mysql) {
            rewriter.copy(i, out);
            return i + 1;
        }
        int callOpen = t.partner[callClose];
        int name = t.previous(callOpen, floor);
        String function = name >= floor ? t.upper(name) : "";
        if (!FILTERABLE.contains(function)) {
            throw rewriter.refuse("FILTER on " + function.toLowerCase(java.util.Locale.ROOT) + "()", rewriter.target
                    + " has no FILTER clause and the translator rewrites it for count, sum, avg, min and max only",
                    "write the aggregate over CASE WHEN condition THEN value END");
        }
        if (t.hasParameter(callOpen, callClose) && t.hasParameter(where, close)) {
            throw rewriter.refuse("FILTER with ? parameters in the aggregate and the condition", "its translation"
                    + " puts the condition first, which would change the order of the parameters",
                    "bind the values in the condition only, or write CASE WHEN yourself");
        }
        int first = t.next(callOpen, callClose);
        boolean distinct = t.word(first, "DISTINCT");
        int valueFrom = distinct ? t.next(first, callClose) : first;
        boolean star = valueFrom == t.previous(callClose, callOpen) && t.op(valueFrom, "*");
        String value = star ? "1" : rewriter.sub(valueFrom, callClose);
        rewriter.cut(name, i, out, "FILTER");
        rewriter.fire("FILTER (WHERE …)");
        out.append(t.text(name)).append('(').append(distinct ? "DISTINCT " : "").append("CASE WHEN ")
                .append(rewriter.sub(t.next(where, close), close)).append(" THEN ").append(value).append(" END)");
        return close + 1;
    }

    /** {@code LIMIT ALL}: no limit; MySQL and SQLite still need a LIMIT before an OFFSET. */
    int limitAll(int i, int limit, StringBuilder out) {
        int all = t.next(i, limit);
        if (!t.word(all, "ALL")) {
            rewriter.copy(i, out);
            return i + 1;
        }
        rewriter.fire("LIMIT ALL");
        out.append(mysql ? "LIMIT 18446744073709551615" : "LIMIT -1");
        return all + 1;
    }
}
