package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Literals;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code SELECT DISTINCT ON (k, …) list FROM … [ORDER BY …] [LIMIT/OFFSET]}, the first row of each group, for
 * targets without DISTINCT ON (MySQL/MariaDB, SQLite). Rewritten, still as PostgreSQL, into
 * <pre>
 * SELECT names FROM (SELECT retort_ordered.*, ROW_NUMBER() OVER (PARTITION BY retort_key_1, …
 *                                   ORDER BY the rest of retort_order_1, …) AS retort_row
 *                    FROM (SELECT list, k1 AS retort_key_1, …, o1 AS retort_order_1, … FROM …) AS retort_ordered
 *                   ) AS retort_distinct
 * WHERE retort_row = 1 ORDER BY retort_order_1, … [LIMIT/OFFSET]
 * </pre>
 * and that text is translated for the target like any other. Each key and ORDER BY expression is computed
 * once, in the innermost query. The outer query must name the columns, so every
 * item of the select list must be a column or carry an alias; {@code *} is refused. A name in DISTINCT ON or
 * ORDER BY that is an output alias, and an ORDER BY column number, stand for the select item's expression, as
 * PostgreSQL reads them. {@code ?} markers keep their order: none may stand in DISTINCT ON or ORDER BY.
 */
final class PostgresDistinctOn {

    private final PostgresRewriter rewriter;
    private final Tokens t;

    PostgresDistinctOn(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
    }

    /** One select item: its text as written, the expression's text and the name the outer query selects. */
    private record Item(String text, String expression, String name, String key) {
    }

    /**
     * Rewrites the query whose DISTINCT is at {@code distinct} (ON follows); returns the index after the query:
     * the statement's end or the parenthesis that closes the subquery.
     */
    int write(int distinct, int floor, int limit, StringBuilder out) throws SQLException {
        int select = t.previous(distinct, floor);
        if (!t.word(select, "SELECT")) {
            throw refuse("it does not follow SELECT", "write SELECT DISTINCT ON (…)");
        }
        int before = t.previous(select, 0);
        if (t.word(before, "UNION") || t.word(before, "ALL") || t.word(before, "EXCEPT")
                || t.word(before, "INTERSECT") || t.word(before, "DISTINCT")) {
            throw refuse("it is a branch of UNION, EXCEPT or INTERSECT",
                    "select from the DISTINCT ON query in parentheses");
        }
        int end = queryEnd(distinct, limit);
        int on = t.next(distinct, end);
        int keysOpen = t.next(on, end);
        int keysClose = t.partner[keysOpen];
        int from = t.findWord(keysClose + 1, end, "FROM");
        int order = orderAt(keysClose + 1, end);
        int tail = tailAt(order < 0 ? keysClose + 1 : order, end);
        for (String word : new String[] {"UNION", "EXCEPT", "INTERSECT"}) {
            if (t.findWord(keysClose + 1, end, word) >= 0) {
                throw refuse("the query has " + word, "select from the DISTINCT ON query in parentheses");
            }
        }
        if (t.findWord(keysClose + 1, end, "FOR") >= 0) {
            throw refuse("it has a locking clause (FOR UPDATE/SHARE)", "lock the rows in a separate statement");
        }
        int listEnd = from >= 0 ? from : order >= 0 ? order : tail;
        int bodyEnd = order >= 0 ? order : tail;
        if (t.hasParameter(keysOpen, keysClose) || order >= 0 && t.hasParameter(order, tail)) {
            throw refuse("a ? marker stands in DISTINCT ON or ORDER BY, and the rewritten query moves those"
                    + " clauses before the others", "bind the values elsewhere or write them as literals");
        }
        List<Item> items = items(keysClose + 1, listEnd);
        List<String> keys = new ArrayList<>();
        for (int[] range : t.topLevelParts(keysOpen + 1, keysClose)) {
            keys.add(expression(range[0], range[1], items));
        }
        List<String> orderValues = new ArrayList<>();
        List<String> orderModifiers = new ArrayList<>();
        if (order >= 0) {
            for (int[] range : t.topLevelParts(t.next(order, end) + 1, tail)) {
                orderItem(range[0], range[1], items, orderValues, orderModifiers);
            }
        }
        StringBuilder query = new StringBuilder(rewriter.sql.length() + 160).append("SELECT ");
        for (int k = 0; k < items.size(); k++) {
            query.append(k == 0 ? "" : ", ").append(items.get(k).name());
        }
        // each key and ORDER BY expression is computed once, in the innermost query; the window reads its columns
        query.append(" FROM (SELECT retort_ordered.*, ROW_NUMBER() OVER (PARTITION BY ");
        for (int k = 0; k < keys.size(); k++) {
            query.append(k == 0 ? "" : ", ").append("retort_key_").append(k + 1);
        }
        Set<String> keyTexts = new HashSet<>();
        for (String key : keys) {
            keyTexts.add(normal(key));
        }
        int rest = 0;
        while (rest < orderValues.size() && keyTexts.contains(normal(orderValues.get(rest)))) {
            rest++;
        }
        for (int k = rest; k < orderValues.size(); k++) {
            query.append(k == rest ? " ORDER BY " : ", ").append("retort_order_").append(k + 1)
                    .append(orderModifiers.get(k));
        }
        query.append(") AS retort_row FROM (SELECT ").append(text(keysClose + 1, listEnd));
        for (int k = 0; k < keys.size(); k++) {
            query.append(", ").append(keys.get(k)).append(" AS retort_key_").append(k + 1);
        }
        for (int k = 0; k < orderValues.size(); k++) {
            query.append(", ").append(orderValues.get(k)).append(" AS retort_order_").append(k + 1);
        }
        if (listEnd < bodyEnd) {
            query.append(' ').append(text(listEnd, bodyEnd));
        }
        query.append(") AS retort_ordered) AS retort_distinct WHERE retort_row = 1");
        for (int k = 0; k < orderValues.size(); k++) {
            query.append(k == 0 ? " ORDER BY " : ", ").append("retort_order_").append(k + 1)
                    .append(orderModifiers.get(k));
        }
        if (tail < end) {
            query.append(' ').append(text(tail, end));
        }
        rewriter.cut(select, distinct, out, "SELECT DISTINCT ON");
        rewriter.fire("DISTINCT ON");
        rewriter.translateRewritten(query.toString(), out);
        return end;
    }

    /** Where the query ends: the close of its enclosing parenthesis, or {@code limit}. */
    private int queryEnd(int from, int limit) {
        for (int k = from; k < limit; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.kind[k] == Tokens.CLOSE) {
                return k;
            }
        }
        return limit;
    }

    /** The ORDER of a top-level ORDER BY in [from, to), or -1. */
    private int orderAt(int from, int to) {
        int order = t.findWord(from, to, "ORDER");
        return order >= 0 && t.word(t.next(order, to), "BY") ? order : -1;
    }

    /** The first top-level LIMIT, OFFSET or FETCH in [from, to), or {@code to}. */
    private int tailAt(int from, int to) {
        int tail = to;
        for (String word : new String[] {"LIMIT", "OFFSET", "FETCH"}) {
            int at = t.findWord(from, to, word);
            if (at >= 0 && at < tail) {
                tail = at;
            }
        }
        return tail;
    }

    /** The select list [from, to), each item with the name the outer query selects it by. */
    private List<Item> items(int from, int to) throws SQLException {
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int[] range : t.topLevelParts(from, to)) {
            int first = t.skip(range[0], range[1]);
            int last = t.last(first, range[1]);
            String itemText = text(first, last + 1);
            if (t.op(last, "*")) {
                throw refuse("its select list has " + itemText + ", and the rewritten query must name every"
                        + " column", "list the columns instead of " + itemText);
            }
            boolean name = t.kind[last] == Tokens.WORD || t.kind[last] == Tokens.QUOTED_NAME;
            int beforeLast = t.previous(last, first);
            Item item;
            if (name && t.word(beforeLast, "AS")) {
                item = new Item(itemText, text(first, beforeLast), t.text(last), key(last));
            } else if (name && (last == first || beforeLast > first && t.kind[beforeLast] == Tokens.DOT
                    && qualifiedName(first, beforeLast))) {
                item = new Item(itemText, itemText, t.text(last), key(last));
            } else {
                throw refuse("the select item " + itemText + " has no name the rewritten query can select it by",
                        "give it an alias: " + itemText + " AS some_name");
            }
            if (!names.add(item.key())) {
                throw refuse("two select items are named " + item.name(), "give one of them another alias");
            }
            items.add(item);
        }
        return items;
    }

    /** Whether [first, dot) is names joined by dots: the qualifier of a column. */
    private boolean qualifiedName(int first, int dot) {
        for (int k = first; k < dot; k = t.next(k, dot)) {
            boolean part = t.kind[k] == Tokens.WORD || t.kind[k] == Tokens.QUOTED_NAME;
            if (!(part || t.kind[k] == Tokens.DOT)) {
                return false;
            }
        }
        return true;
    }

    /** A name as PostgreSQL compares it: unquoted folds to lower case. */
    private String key(int name) {
        return t.kind[name] == Tokens.QUOTED_NAME ? Literals.value(t, name, Dialect.POSTGRESQL)
                : t.text(name).toLowerCase(Locale.ROOT);
    }

    /** An expression of DISTINCT ON or ORDER BY: an output alias or a column number stands for the item's expression. */
    private String expression(int from, int to, List<Item> items) throws SQLException {
        int first = t.skip(from, to);
        int last = t.last(first, to);
        if (first == last && t.kind[first] == Tokens.NUMBER) {
            int position;
            try {
                position = Integer.parseInt(t.text(first));
            } catch (NumberFormatException notAPosition) {
                position = 0;
            }
            if (position < 1 || position > items.size()) {
                throw refuse("column number " + t.text(first) + " is not in the select list",
                        "order by a column of the select list");
            }
            return "(" + items.get(position - 1).expression() + ")";
        }
        if (first == last && (t.kind[first] == Tokens.WORD || t.kind[first] == Tokens.QUOTED_NAME)) {
            String key = key(first);
            for (Item item : items) {
                if (item.key().equals(key) && !item.expression().equals(item.text())) {
                    return "(" + item.expression() + ")";
                }
            }
        }
        return text(first, last + 1);
    }

    /** One ORDER BY item: its value and its direction and NULL order as written. */
    private void orderItem(int from, int to, List<Item> items, List<String> values, List<String> modifiers)
            throws SQLException {
        int first = t.skip(from, to);
        int valueEnd = t.last(first, to) + 1;
        if (t.findWord(first, valueEnd, "USING") >= 0) {
            throw refuse("ORDER BY … USING has no equivalent in a window", "order with ASC or DESC");
        }
        int last = valueEnd - 1;
        if ((t.word(last, "FIRST") || t.word(last, "LAST")) && t.word(t.previous(last, first), "NULLS")) {
            valueEnd = t.previous(last, first);
        }
        int direction = t.last(first, valueEnd);
        if (t.word(direction, "ASC") || t.word(direction, "DESC")) {
            valueEnd = direction;
        }
        int modifierFrom = t.skip(valueEnd, to);
        values.add(expression(first, valueEnd, items));
        modifiers.add(modifierFrom < to ? " " + text(modifierFrom, t.last(modifierFrom, to) + 1) : "");
    }

    /** The source text of tokens [from, to), trimmed. */
    private String text(int from, int to) {
        int first = t.skip(from, to);
        int last = t.last(first, to);
        return last < first ? "" : rewriter.sql.substring(t.start[first], t.end[last]);
    }

    private static String normal(String expression) {
        return expression.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private SQLException refuse(String why, String alternative) {
        return rewriter.refuse("SELECT DISTINCT ON", why, alternative);
    }
}
