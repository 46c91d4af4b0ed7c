package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GROUP BY and SELECT DISTINCT over text columns that compare with case (tables the proxy did not create),
 * in case-insensitive mode: one group for {@code 'Davis'} and {@code 'davis'}, as under MySQL's default
 * collation. Where the target has a collation for it (SQLite) the grouped column takes it; elsewhere the
 * group key is {@code LOWER(x)} and the selected column {@code MIN(x) AS x}, one of the group's values. A
 * select item that uses such a column in an expression is refused on those targets, since they accept only
 * grouped expressions and aggregates there.
 */
final class MySqlGrouping {

    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP",
            "VAR_SAMP", "JSON_ARRAYAGG", "JSON_OBJECTAGG");
    private static final Set<String> AFTER_GROUP = Set.of("HAVING", "ORDER", "LIMIT", "WINDOW", "FOR", "LOCK");

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final String collation;

    MySqlGrouping(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.collation = rewriter.spelling.literalWithoutCase();
    }

    /** One select item: its expression [from, to) and its alias token, or -1. */
    private record Item(int from, int to, int alias) {
    }

    /**
     * At the SELECT at {@code select}: writes the query block up to the end of its GROUP BY list (or, for
     * DISTINCT, its WHERE clause) and returns where the token rules go on; -1 when the block needs nothing.
     */
    int select(int select, int limit, StringBuilder out) throws SQLException {
        if (!rewriter.settings.caseInsensitive()) {
            return -1;
        }
        int end = blockEnd(select, limit);
        int from = t.findWord(select + 1, end, "FROM");
        if (from < 0) {
            return -1;
        }
        int group = t.findWord(from, end, "GROUP");
        group = group >= 0 && t.word(t.next(group, end), "BY") ? group : -1;
        int first = t.next(select, from);
        boolean distinct = t.word(first, "DISTINCT") || t.word(first, "DISTINCTROW");
        if (group < 0 && !distinct) {
            return -1;
        }
        int itemsFrom = distinct || t.word(first, "ALL") ? t.next(first, from) : first;
        List<Item> items = items(itemsFrom, from);
        if (group >= 0) {
            return groupBy(distinct, items, from, group, end, out);
        }
        return distinct ? distinct(items, from, end, out) : -1;
    }

    private int groupBy(boolean distinct, List<Item> items, int from, int group, int end, StringBuilder out)
            throws SQLException {
        int by = t.next(group, end);
        int listEnd = clauseEnd(by, end);
        if (t.findWord(by, listEnd, "WITH") >= 0) {
            return -1;
        }
        List<Item> keys = items(t.next(by, listEnd), listEnd);
        List<SchemaFacts.Column> folded = new ArrayList<>();
        List<String> keyTexts = new ArrayList<>();
        for (Item key : keys) {
            Item named = key;
            if (key.to == key.from + 1 && t.kind[key.from] == Tokens.NUMBER && t.text(key.from).matches("[0-9]{1,4}")) {
                int position = Integer.parseInt(t.text(key.from));
                named = position >= 1 && position <= items.size() ? items.get(position - 1) : key;
            }
            SchemaFacts.Column column = textColumn(named);
            if (column != null) {
                folded.add(column);
                keyTexts.add(rewriter.withoutCase(rewriter.sub(named.from, named.to)));
            } else {
                keyTexts.add(rewriter.sub(key.from, key.to));
            }
        }
        if (folded.isEmpty()) {
            return -1;
        }
        rewriter.fire("case-insensitive GROUP BY");
        StringBuilder list = new StringBuilder();
        for (Item item : items) {
            list.append(list.length() > 0 ? ", " : "").append(selected(item, folded));
        }
        out.append("SELECT ").append(distinct ? "DISTINCT " : "").append(list).append(' ')
                .append(rewriter.sub(from, group)).append(" GROUP BY ").append(String.join(", ", keyTexts));
        return t.last(by, listEnd) + 1;
    }

    private int distinct(List<Item> items, int from, int end, StringBuilder out) throws SQLException {
        List<SchemaFacts.Column> folded = new ArrayList<>();
        for (Item item : items) {
            if (t.op(t.last(item.from, item.to), "*")) {
                for (String table : rewriter.statementTables()) {
                    for (SchemaFacts.Column column : rewriter.schema.table(table).columns().values()) {
                        if (column.caseSensitiveText()) {
                            rewriter.doubt("SELECT DISTINCT * over text column " + column.name(), "the translator"
                                    + " cannot name the columns to group without case, so 'Davis' and 'davis' stay"
                                    + " two rows", "name the columns, or set retort.translate.case-insensitive=false");
                            return -1;
                        }
                    }
                }
                return -1;
            }
            SchemaFacts.Column column = textColumn(item);
            if (column != null) {
                folded.add(column);
            }
        }
        if (folded.isEmpty()) {
            return -1;
        }
        rewriter.fire("case-insensitive DISTINCT");
        StringBuilder list = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (Item item : items) {
            SchemaFacts.Column column = textColumn(item);
            String expression = rewriter.sub(item.from, item.to);
            if (collation != null) {
                list.append(list.length() > 0 ? ", " : "").append(column == null ? rewriter.sub(item.from,
                        item.alias >= 0 ? item.alias + 1 : item.to) : expression + collation + " AS " + alias(item));
                continue;
            }
            list.append(list.length() > 0 ? ", " : "").append(selected(item, folded));
            keys.append(keys.length() > 0 ? ", " : "").append(column == null ? expression : rewriter.withoutCase(expression));
        }
        if (collation != null) {
            out.append("SELECT DISTINCT ").append(list).append(' ');
            return from;
        }
        int groupAt = clauseEnd(from, end);
        out.append("SELECT ").append(list).append(' ').append(rewriter.sub(from, groupAt)).append(" GROUP BY ")
                .append(keys);
        if (t.word(groupAt, "ORDER")) {
            out.append(' ');
            return rewriter.operators.orderBy(groupAt, end, out, true);
        }
        return t.last(from, groupAt) + 1;
    }

    /** A select item as written under GROUP BY: a grouped text column becomes one of its group's values. */
    private String selected(Item item, List<SchemaFacts.Column> folded) throws SQLException {
        String whole = rewriter.sub(item.from, item.alias >= 0 ? item.alias + 1 : item.to);
        if (collation != null) {
            return whole;
        }
        SchemaFacts.Column column = textColumn(item);
        if (column != null && folded.contains(column)) {
            return "MIN(" + rewriter.sub(item.from, item.to) + ") AS " + alias(item);
        }
        if (!aggregate(item)) {
            for (int k = item.from; k < item.to; k++) {
                if ((t.kind[k] == Tokens.WORD || t.kind[k] == Tokens.QUOTED_NAME) && folded.contains(
                        rewriter.column(k, k + 1))) {
                    StringBuilder written = new StringBuilder();
                    rewriter.copy(item.from, item.to, written);
                    throw rewriter.refuse("GROUP BY a text column with the column inside the select item "
                            + written, "the translator groups text of tables it did not"
                            + " create by LOWER(column), to ignore case as MySQL does, and "
                            + rewriter.spelling.displayName() + " accepts only grouped expressions and aggregates"
                            + " in the select list", "select the column itself or an aggregate of it, or set"
                            + " retort.translate.case-insensitive=false");
                }
            }
        }
        return whole;
    }

    /** The column of case-sensitive text a bare item ({@code x}, {@code t.x}) names, or null. */
    private SchemaFacts.Column textColumn(Item item) {
        SchemaFacts.Column column = rewriter.column(item.from, item.to);
        return column != null && column.caseSensitiveText() ? column : null;
    }

    private boolean aggregate(Item item) {
        int open = t.next(item.from, item.to);
        return t.kind[item.from] == Tokens.WORD && AGGREGATES.contains(t.upper(item.from)) && open < item.to
                && t.kind[open] == Tokens.OPEN && t.partner[open] == t.last(item.from, item.to);
    }

    /** The item's label: its alias, or the column's name as written. */
    private String alias(Item item) throws SQLException {
        if (item.alias >= 0) {
            return rewriter.sub(item.alias, item.alias + 1);
        }
        int last = t.last(item.from, item.to);
        return rewriter.sub(last, last + 1);
    }

    /** The comma-separated items of [from, to) at depth 0, each split from a trailing [AS] alias. */
    private List<Item> items(int from, int to) {
        List<Item> items = new ArrayList<>();
        for (int[] part : t.topLevelParts(from, to)) {
            int start = t.skip(part[0], part[1]);
            int k = part[1];
            if (start >= k) {
                continue;
            }
            int last = t.last(start, k);
            int before = t.previous(last, start);
            int alias = -1;
            int exprEnd = last + 1;
            boolean named = t.kind[last] == Tokens.QUOTED_NAME || t.kind[last] == Tokens.STRING
                    || t.kind[last] == Tokens.WORD && !Keywords.reserved(t.upper(last));
            if (before >= start && named && (t.word(before, "AS") || t.kind[before] == Tokens.CLOSE
                    || t.kind[before] == Tokens.QUOTED_NAME || t.kind[before] == Tokens.NUMBER
                    || t.kind[before] == Tokens.STRING
                    || t.kind[before] == Tokens.WORD && !Keywords.reserved(t.upper(before)))) {
                alias = last;
                exprEnd = t.word(before, "AS") ? t.last(start, before) + 1 : before + 1;
            }
            items.add(new Item(start, exprEnd, alias));
        }
        return items;
    }

    /** The first of HAVING, ORDER BY, LIMIT, WINDOW, FOR, LOCK at depth 0 of [from, end), or end. */
    private int clauseEnd(int from, int end) {
        for (int k = from; k < end; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.kind[k] == Tokens.WORD && AFTER_GROUP.contains(t.upper(k))) {
                return k;
            }
        }
        return end;
    }

    /** The end of the query block opened at {@code select}: its closing parenthesis, a set operator or limit. */
    private int blockEnd(int select, int limit) {
        for (int k = select + 1; k < limit; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.kind[k] == Tokens.CLOSE || t.word(k, "UNION") || t.word(k, "INTERSECT")
                    || t.word(k, "EXCEPT")) {
                return k;
            }
        }
        return limit;
    }
}
