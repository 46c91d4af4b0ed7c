package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's arrays for MySQL/MariaDB and SQLite, which have none: {@code x = ANY (ARRAY[…])} and
 * {@code x <> ALL (ARRAY[…])} become IN lists, a quantified subquery becomes IN on SQLite, and every
 * other array value or function is refused.
 */
final class PostgresArrays {

    /** PostgreSQL functions that take or make arrays. */
    static final Set<String> ARRAY_FUNCTIONS = Set.of("ARRAY_AGG", "UNNEST", "ARRAY_LENGTH", "ARRAY_TO_STRING",
            "STRING_TO_ARRAY", "CARDINALITY", "ARRAY_APPEND", "ARRAY_PREPEND", "ARRAY_CAT", "ARRAY_POSITION",
            "ARRAY_REMOVE", "ARRAY_UPPER", "ARRAY_LOWER", "ARRAY_DIMS");

    private final PostgresRewriter rewriter;
    private final Tokens t;

    PostgresArrays(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
    }

    /** {@code ARRAY[…]} or {@code ARRAY(subquery)} outside ANY/ALL: the targets hold no array values. */
    int constructor(int i, int limit, StringBuilder out) throws SQLException {
        int next = t.next(i, limit);
        if (next < limit && (t.op(next, "[") || t.kind[next] == Tokens.OPEN)) {
            throw noArrays("An ARRAY constructor");
        }
        rewriter.copy(i, out);
        return i + 1;
    }

    /** A call of an array function. */
    SQLException function(String name) {
        return noArrays("Array function " + name.toLowerCase(Locale.ROOT) + "()");
    }

    private SQLException noArrays(String construct) {
        return rewriter.refuse(construct, rewriter.target + " has no array values",
                "store the values in a separate table, or pass them one by one as IN (?, ?, …)");
    }

    /**
     * {@code op ANY|SOME|ALL (…)} at {@code i}: over {@code ARRAY[…]}, {@code = ANY} is IN and {@code <> ALL}
     * NOT IN; over a subquery it stays (MySQL has it) or becomes [NOT] IN on SQLite.
     */
    int quantified(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int open = t.next(i, limit);
        int op = t.previous(i, floor);
        if (open >= limit || t.kind[open] != Tokens.OPEN || op < floor || t.kind[op] != Tokens.OPERATOR) {
            rewriter.copy(i, out);
            return i + 1;
        }
        int close = t.partner[open];
        int first = t.next(open, close);
        String quantifier = t.upper(i).equals("SOME") ? "ANY" : t.upper(i);
        String operator = t.text(op).equals("!=") ? "<>" : t.text(op);
        boolean in = operator.equals("=") && quantifier.equals("ANY");
        boolean notIn = operator.equals("<>") && quantifier.equals("ALL");
        String construct = operator + " " + quantifier + " (…)";
        if (t.word(first, "SELECT") || t.word(first, "WITH")) {
            if (rewriter.mysqlTarget()) {
                rewriter.copy(i, out);
                return i + 1;
            }
            if (!in && !notIn) {
                throw rewriter.refuse(construct + " over a subquery", "sqlite has no quantified comparison",
                        "compare with MIN() or MAX() of the subquery, or use [NOT] IN");
            }
            rewriter.cut(op, i, out, construct);
            rewriter.fire(construct + " as IN");
            out.append(in ? "IN " : "NOT IN ");
            rewriter.emit(open, close + 1, out);
            return close + 1;
        }
        if (!t.word(first, "ARRAY")) {
            throw rewriter.refuse(construct + " over " + (t.kind[first] == Tokens.PARAM ? "an array parameter"
                    : "an array value"), rewriter.target + " has no array values", "write IN (?, ?, …) with one"
                    + " marker per value");
        }
        int bracket = t.next(first, close);
        int end = bracketEnd(bracket, close);
        if (end < 0 || t.next(end, close) != close || !(in || notIn)) {
            throw rewriter.refuse(construct + " over an array", rewriter.target + " has no array values",
                    "write IN (…) or NOT IN (…), or compare each value");
        }
        rewriter.cut(op, i, out, construct);
        rewriter.fire(construct + " as IN");
        out.append(in ? "IN (" : "NOT IN (").append(rewriter.sub(bracket + 1, end)).append(')');
        return close + 1;
    }

    /** The "]" that closes the "[" at {@code open}, before {@code limit}; -1 when there is none. */
    private int bracketEnd(int open, int limit) {
        if (open >= limit || !t.op(open, "[")) {
            return -1;
        }
        int depth = 0;
        for (int k = open; k < limit; k++) {
            if (t.op(k, "[")) {
                depth++;
            } else if (t.op(k, "]") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
