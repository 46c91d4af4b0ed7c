package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * INSERT IGNORE, INSERT … ON DUPLICATE KEY UPDATE (with VALUES() or a row alias) and REPLACE INTO, as
 * ON CONFLICT (PostgreSQL, SQLite), INSERT OR IGNORE / REPLACE (SQLite) or MERGE … KEY (H2). The conflict
 * key is the table's one unique key, read from the target's metadata; with several, MySQL would match any
 * of them and the statement is refused. Also writes 1/0 as TRUE/FALSE into the target's boolean columns.
 */
final class MySqlUpserts {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;

    private boolean ignore;
    private boolean replace;
    private int table;
    private int columnsOpen = -1;
    private int body;
    private int bodyEnd;
    private int duplicate = -1;
    private String alias;

    MySqlUpserts(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    boolean insert(int first, int from, int to, StringBuilder out) throws SQLException {
        if (!parse(first, to)) {
            return false;
        }
        if (t.word(body, "SET")) {
            rewriter.copy(from, first, out);
            insertSet(first, to, out);
            return true;
        }
        SchemaFacts.Table facts = rewriter.schema.table(rewriter.nameValue(table));
        List<String> columns = columnNames();
        identityPastLargest(facts, columns);
        boolean booleans = !columns.isEmpty() && rewriter.spelling.hasBooleanType() && hasBooleanColumn(facts, columns);
        if (!ignore && !replace && duplicate < 0 && !booleans) {
            return false;
        }
        rewriter.copy(from, first, out);
        if (ignore) {
            ignore(facts, columns, out);
        } else if (replace) {
            replace(facts, columns, out);
        } else if (duplicate >= 0) {
            onDuplicate(facts, columns, to, out);
        } else {
            out.append("INSERT INTO ").append(rewriter.sub(table, body)).append(' ');
            body(facts, columns, out);
        }
        return true;
    }

    /**
     * {@code INSERT … SET a = x, b = y} is {@code INSERT … (a, b) VALUES (x, y)}: written so, as MySQL text, and
     * translated as that (markers keep their order).
     */
    private void insertSet(int first, int to, StringBuilder out) throws SQLException {
        int end = duplicate >= 0 ? duplicate : to;
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int[] assignment : splitTopLevel(t.next(body, end), end)) {
            int equals = t.next(assignment[0], assignment[1]);
            if (!t.op(equals, "=")) {
                throw rewriter.refuse("INSERT … SET without col = value", "MySQL requires assignments",
                        "write col = value for each column");
            }
            names.append(names.length() > 0 ? ", " : "").append(t.sql, t.start[assignment[0]], t.end[t.last(assignment[0],
                    equals)]);
            int value = t.next(equals, assignment[1]);
            values.append(values.length() > 0 ? ", " : "").append(t.sql, t.start[value], t.end[assignment[1] - 1]);
        }
        rewriter.fire("INSERT … SET as VALUES");
        rewriter.translateRewritten(t.sql.substring(t.start[first], t.start[body]) + "(" + names + ") VALUES ("
                + values + ")" + (duplicate >= 0 ? " " + t.sql.substring(t.start[duplicate], t.end[t.last(duplicate, to)])
                : ""), out);
    }

    private boolean parse(int first, int to) {
        replace = t.word(first, "REPLACE");
        int i = t.next(first, to);
        while (t.word(i, "LOW_PRIORITY") || t.word(i, "DELAYED") || t.word(i, "HIGH_PRIORITY") || t.word(i, "IGNORE")) {
            ignore |= t.word(i, "IGNORE");
            i = t.next(i, to);
        }
        if (t.word(i, "INTO")) {
            i = t.next(i, to);
        }
        if (i >= to || (t.kind[i] != Tokens.WORD && t.kind[i] != Tokens.QUOTED_NAME)) {
            return false;
        }
        table = i;
        i = t.next(i, to);
        if (i < to && t.kind[i] == Tokens.OPEN) {
            columnsOpen = i;
            i = t.next(t.partner[i], to);
        }
        body = i;
        bodyEnd = to;
        for (int k = i; k < to; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.word(k, "ON") && t.word(t.next(k, to), "DUPLICATE")) {
                duplicate = k;
                bodyEnd = alias == null ? k : bodyEnd;
                break;
            } else if (t.word(k, "AS") && (t.word(i, "VALUES") || t.word(i, "VALUE"))) {
                alias = rewriter.nameValue(t.next(k, to)).toLowerCase(Locale.ROOT);
                bodyEnd = k;
            }
        }
        return true;
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>();
        if (columnsOpen >= 0) {
            for (int[] range : rewriter.arguments(columnsOpen)) {
                names.add(rewriter.nameValue(t.last(range[0], range[1])).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean hasBooleanColumn(SchemaFacts.Table facts, List<String> columns) {
        for (String column : columns) {
            SchemaFacts.Column fact = facts.columns().get(column);
            if (fact != null && fact.bool()) {
                return true;
            }
        }
        return false;
    }

    private String head() throws SQLException {
        return rewriter.sub(table, body);
    }

    /**
     * MySQL's AUTO_INCREMENT continues after the largest id, also one the application inserted: when the
     * insert names the identity column (or names none, so writes them all), the proxy moves the target's
     * identity after it, as the target spells that.
     */
    private void identityPastLargest(SchemaFacts.Table facts, List<String> columns) {
        SchemaFacts.Column identity = facts.identity(rewriter.spelling);
        if (identity == null || !(columns.isEmpty() || columns.contains(identity.name().toLowerCase(Locale.ROOT)))) {
            return;
        }
        String move = rewriter.spelling.identityPastLargest(rewriter.nameValue(table), facts.name(), identity.name());
        if (move != null) {
            rewriter.fire("identity moved past explicit ids");
            rewriter.after(move);
        }
    }

    private void ignore(SchemaFacts.Table facts, List<String> columns, StringBuilder out) throws SQLException {
        rewriter.fire("INSERT IGNORE");
        rewriter.doubt("INSERT IGNORE", "MySQL also turns other errors (bad values, NULL into NOT NULL) into"
                + " warnings; the translation only skips rows that conflict with a unique key",
                "make sure rows are otherwise valid");
        StringBuilder rows = new StringBuilder();
        body(null, columns, rows);
        List<String> inserted = columns.isEmpty() ? new ArrayList<>(facts.columns().keySet()) : columns;
        out.append(rewriter.spelling.insertIgnore(rewriter.nameValue(table), head(), rows.toString(), inserted,
                facts.uniqueKeys()));
    }

    /**
     * The one unique key a row can conflict on. A key of the identity column alone cannot when the insert
     * leaves that column to the database, so the common shape (an AUTO_INCREMENT id plus one UNIQUE key)
     * has one.
     */
    private List<String> conflictKey(SchemaFacts.Table facts, String construct, List<String> columns)
            throws SQLException {
        String name = rewriter.nameValue(table);
        if (!facts.exists()) {
            throw rewriter.refuse(construct, "the unique keys of table " + name + " could not be read from "
                    + target, "create the table first, or write the target's upsert yourself");
        }
        List<List<String>> keys = new ArrayList<>(facts.uniqueKeys());
        SchemaFacts.Column identity = facts.identity(rewriter.spelling);
        if (identity != null && !columns.isEmpty()) {
            List<String> generated = List.of(identity.name().toLowerCase(Locale.ROOT));
            if (!columns.contains(generated.get(0))) {
                keys.remove(generated);
            }
        }
        if (keys.size() != 1) {
            throw rewriter.refuse(construct, "table " + name + " has " + keys.size() + " unique keys "
                    + keys + " and MySQL would match a row on any of them", target
                    + " " + rewriter.spelling.oneKeyNeed()
                    + "; keep one unique key, or write ON CONFLICT (…) yourself");
        }
        return keys.get(0);
    }

    private void replace(SchemaFacts.Table facts, List<String> columns, StringBuilder out) throws SQLException {
        rewriter.fire("REPLACE INTO");
        StringBuilder rows = new StringBuilder();
        body(facts, columns, rows);
        String nativeReplace = rewriter.spelling.nativeReplace(head(), rows.toString());
        if (nativeReplace != null) {
            out.append(nativeReplace);
            return;
        }
        List<String> key = conflictKey(facts, "REPLACE INTO", columns);
        if (!columns.containsAll(facts.columns().keySet())) {
            throw rewriter.refuse("REPLACE INTO without every column", "MySQL deletes the old row, so the columns"
                    + " not listed get their defaults, while an update on " + target + " would keep them",
                    "list every column of the table");
        }
        List<String> assignments = new ArrayList<>();
        for (String column : columns) {
            if (!key.contains(column)) {
                assignments.add(column);
            }
        }
        out.append(rewriter.spelling.upsertCopying(head(), rows.toString(), key, assignments));
    }

    private void onDuplicate(SchemaFacts.Table facts, List<String> columns, int to, StringBuilder out)
            throws SQLException {
        rewriter.fire("ON DUPLICATE KEY UPDATE");
        List<String> key = conflictKey(facts, "ON DUPLICATE KEY UPDATE", columns);
        int update = t.next(t.next(t.next(duplicate, to), to), to);
        int first = t.next(update, to);
        StringBuilder rows = new StringBuilder();
        body(facts, columns, rows);
        List<String> inserted = columns.isEmpty() ? new ArrayList<>(facts.columns().keySet()) : columns;
        out.append(rewriter.spelling.upsert(rewriter.nameValue(table), head(), rows.toString(), inserted, key,
                assignments(first, to, facts)));
    }

    /**
     * The SET list with VALUES(c) and alias.c read as the row that was not inserted, and the table's own
     * columns qualified on the right of each "=" (PostgreSQL finds a bare name ambiguous there).
     */
    private String assignments(int from, int to, SchemaFacts.Table facts) throws SQLException {
        MySqlRewriter.UpsertScope left = new MySqlRewriter.UpsertScope(alias, null, null);
        MySqlRewriter.UpsertScope right = new MySqlRewriter.UpsertScope(alias,
                rewriter.spelling.name(rewriter.nameValue(table)), facts.columns().keySet());
        try {
            StringBuilder set = new StringBuilder();
            for (int[] range : splitTopLevel(from, to)) {
                int equals = t.next(range[0], range[1]);
                rewriter.upsert = left;
                set.append(set.length() > 0 ? ", " : "").append(rewriter.sub(range[0], equals)).append(" = ");
                rewriter.upsert = right;
                set.append(rewriter.sub(t.next(equals, range[1]), range[1]));
            }
            return set.toString();
        } finally {
            rewriter.upsert = null;
        }
    }

    /** [from, to) cut at its top-level commas, each part trimmed of space and comments. */
    private List<int[]> splitTopLevel(int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        for (int[] part : t.topLevelParts(from, to)) {
            ranges.add(new int[] {t.skip(part[0], part[1]), t.last(part[0], part[1]) + 1});
        }
        return ranges;
    }

    /** VALUES tuples, with 1/0/TRUE/FALSE written as booleans in the target's boolean columns. */
    private void body(SchemaFacts.Table facts, List<String> columns, StringBuilder out) throws SQLException {
        boolean booleans = facts != null && rewriter.spelling.hasBooleanType() && hasBooleanColumn(facts, columns);
        if (!booleans || !(t.word(body, "VALUES") || t.word(body, "VALUE"))) {
            out.append(rewriter.sub(body, bodyEnd));
            return;
        }
        rewriter.fire("1/0 as TRUE/FALSE for a boolean column");
        out.append("VALUES ");
        int i = t.next(body, bodyEnd);
        boolean firstTuple = true;
        while (i < bodyEnd && t.kind[i] == Tokens.OPEN) {
            out.append(firstTuple ? "(" : ", (");
            firstTuple = false;
            int[][] values = rewriter.arguments(i);
            for (int k = 0; k < values.length; k++) {
                out.append(k > 0 ? ", " : "");
                SchemaFacts.Column column = k < columns.size() ? facts.columns().get(columns.get(k)) : null;
                String value = rewriter.sub(values[k][0], values[k][1]);
                if (column != null && column.bool() && (value.equals("1") || value.equals("0"))) {
                    value = value.equals("1") ? "TRUE" : "FALSE";
                }
                out.append(value);
            }
            out.append(')');
            i = t.next(t.partner[i], bodyEnd);
            if (i < bodyEnd && t.kind[i] == Tokens.COMMA) {
                i = t.next(i, bodyEnd);
            }
        }
        if (i < bodyEnd) {
            out.append(' ').append(rewriter.sub(i, bodyEnd));
        }
    }
}
