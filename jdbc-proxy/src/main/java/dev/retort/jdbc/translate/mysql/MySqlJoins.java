package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;

import java.sql.SQLException;

/**
 * UPDATE and DELETE forms MySQL has and the targets spell differently: a JOIN in UPDATE (UPDATE … FROM,
 * or MERGE on H2), {@code DELETE t FROM t JOIN …} (WHERE EXISTS) and ORDER BY / LIMIT on either (a row
 * id subquery).
 */
final class MySqlJoins {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;

    MySqlJoins(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    boolean update(int first, int from, int to, StringBuilder out) throws SQLException {
        int set = t.findWord(first, to, "SET");
        if (set < 0) {
            return false;
        }
        int join = joinIn(first, set);
        int limit = t.findWord(set, to, "LIMIT");
        if (join < 0 && limit < 0) {
            return false;
        }
        rewriter.copy(from, first, out);
        if (join >= 0) {
            if (limit >= 0) {
                throw rewriter.refuse("UPDATE with JOIN and LIMIT", "MySQL itself refuses LIMIT on a multi-table"
                        + " UPDATE", "drop the LIMIT");
            }
            updateJoin(first, join, set, to, out);
            return true;
        }
        limited("UPDATE", first, t.next(first, to), set, to, limit, out);
        return true;
    }

    private int joinIn(int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                i = t.partner[i];
            } else if (t.word(i, "JOIN") || t.kind[i] == Tokens.COMMA) {
                int before = t.previous(i, from);
                if (t.word(before, "LEFT") || t.word(before, "RIGHT") || t.word(before, "OUTER")) {
                    throw rewriter.refuse("UPDATE or DELETE with an outer join", "the targets join the updated"
                            + " table with inner joins only", "rewrite the condition with EXISTS");
                }
                return t.word(before, "INNER") || t.word(before, "CROSS") ? before : i;
            }
        }
        return -1;
    }

    /** {@code UPDATE a JOIN b ON c SET a.x = b.y WHERE w} as UPDATE … FROM, or MERGE … USING on H2. */
    private void updateJoin(int first, int join, int set, int to, StringBuilder out) throws SQLException {
        int where = t.findWord(set, to, "WHERE");
        int setEnd = where >= 0 ? where : to;
        int target0 = t.next(first, join);
        String updated = aliased(rewriter.sub(target0, join));
        int joinWord = t.word(join, "JOIN") || t.kind[join] == Tokens.COMMA ? join : t.next(join, set);
        int on = t.findWord(joinWord, set, "ON");
        if (on < 0 || t.findWord(t.next(on, set), set, "JOIN") >= 0) {
            throw rewriter.refuse("UPDATE with " + (on < 0 ? "a join without ON" : "several joins"),
                    "the translator rewrites one inner join with ON", "use WHERE … IN (SELECT …)");
        }
        boolean markersInJoin = t.hasParameter(joinWord, set);
        boolean markersInSet = t.hasParameter(set, setEnd);
        boolean markersInWhere = where >= 0 && t.hasParameter(where, to);
        boolean merge = !rewriter.spelling.hasUpdateFrom();
        if (markersInSet && (merge ? markersInWhere : markersInJoin)) {
            throw rewriter.refuse("UPDATE … JOIN with ? markers in SET and in the " + (merge ? "WHERE"
                    + " clause" : "join"), "the translation moves the join and the WHERE clause around SET, which"
                    + " would change the order of the parameters", "inline one of the values, or select the keys"
                    + " first and update by key");
        }
        String joined = rewriter.sub(t.next(joinWord, on), on);
        String condition = rewriter.sub(t.next(on, set), set);
        String assignments = unqualified(t.next(set, setEnd), setEnd);
        String filter = where >= 0 ? rewriter.sub(t.next(where, to), to) : null;
        rewriter.fire("UPDATE with JOIN");
        if (merge) {
            out.append("MERGE INTO ").append(updated).append(" USING ").append(joined).append(" ON (")
                    .append(condition).append(") WHEN MATCHED").append(filter == null ? "" : " AND (" + filter + ")")
                    .append(" THEN UPDATE SET ").append(assignments);
            return;
        }
        out.append("UPDATE ").append(updated).append(" SET ").append(assignments).append(" FROM ").append(joined)
                .append(" WHERE (").append(condition).append(')').append(filter == null ? "" : " AND (" + filter + ")");
    }

    /** {@code table alias} as {@code table AS alias}: SQLite requires the AS in UPDATE and DELETE. */
    private static String aliased(String table) {
        String[] words = table.trim().split("\\s+");
        return words.length == 2 ? words[0] + " AS " + words[1] : table;
    }

    /** The SET list with the updated table's qualifier dropped from each assigned column. */
    private String unqualified(int from, int to) throws SQLException {
        StringBuilder list = new StringBuilder();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && t.kind[i] == Tokens.OPEN) {
                i = t.partner[i];
            } else if (i == to || t.kind[i] == Tokens.COMMA) {
                int name = t.skip(start, i);
                int dot = t.next(name, i);
                if (dot < i && t.kind[dot] == Tokens.DOT) {
                    name = t.next(dot, i);
                }
                list.append(list.length() > 0 ? ", " : "").append(rewriter.sub(name, i));
                start = i + 1;
            }
        }
        return list.toString();
    }

    boolean delete(int first, int from, int to, StringBuilder out) throws SQLException {
        int fromWord = t.findWord(first, to, "FROM");
        if (fromWord < 0) {
            return false;
        }
        if (t.next(first, to) != fromWord) {
            rewriter.copy(from, first, out);
            deleteJoin(first, fromWord, to, out);
            return true;
        }
        int limit = t.findWord(fromWord, to, "LIMIT");
        int where = t.findWord(fromWord, to, "WHERE");
        int tableEnd = where >= 0 ? where : t.findWord(fromWord, to, "ORDER") >= 0 ? t.findWord(fromWord, to, "ORDER")
                : limit >= 0 ? limit : to;
        if (joinIn(fromWord, tableEnd) >= 0) {
            throw rewriter.refuse("DELETE FROM … JOIN", "MySQL needs the tables to delete from named before FROM",
                    "write DELETE t FROM t JOIN …");
        }
        if (limit < 0) {
            return false;
        }
        rewriter.copy(from, first, out);
        limited("DELETE FROM", first, t.next(fromWord, to), tableEnd, to, limit, out);
        return true;
    }

    /** {@code DELETE a FROM a JOIN b ON c WHERE w} as DELETE FROM a WHERE EXISTS (SELECT 1 FROM b WHERE c AND w). */
    private void deleteJoin(int first, int fromWord, int to, StringBuilder out) throws SQLException {
        String deleted = rewriter.sub(t.next(first, fromWord), fromWord);
        if (deleted.indexOf(',') >= 0) {
            throw rewriter.refuse("DELETE from several tables", "each target deletes from one table per statement",
                    "run one DELETE per table");
        }
        int where = t.findWord(fromWord, to, "WHERE");
        int tablesEnd = where >= 0 ? where : to;
        int join = joinIn(fromWord, tablesEnd);
        if (join < 0 || t.findWord(fromWord, to, "LIMIT") >= 0) {
            throw rewriter.refuse("DELETE t FROM … " + (join < 0 ? "without JOIN" : "with LIMIT"), "only one table"
                    + " joined with ON is translated", "write DELETE FROM t WHERE …");
        }
        int joinWord = t.word(join, "JOIN") || t.kind[join] == Tokens.COMMA ? join : t.next(join, tablesEnd);
        int on = t.findWord(joinWord, tablesEnd, "ON");
        if (on < 0 || t.findWord(t.next(on, tablesEnd), tablesEnd, "JOIN") >= 0) {
            throw rewriter.refuse("DELETE with " + (on < 0 ? "a join without ON" : "several joins"),
                    "the translator rewrites one inner join with ON", "use WHERE … IN (SELECT …)");
        }
        String firstTable = aliased(rewriter.sub(t.next(fromWord, join), join));
        String joined = rewriter.sub(t.next(joinWord, on), on);
        String condition = rewriter.sub(t.next(on, tablesEnd), tablesEnd);
        String filter = where >= 0 ? " AND (" + rewriter.sub(t.next(where, to), to) + ")" : "";
        String deletedName = deleted.trim();
        if (!firstTable.equals(rewriter.spelling.name(deletedName)) && !firstTable.endsWith(" " + deletedName)) {
            throw rewriter.refuse("DELETE " + deletedName + " FROM … JOIN", "the translator deletes from the first"
                    + " table after FROM only", "name the first table after FROM as the one to delete from");
        }
        rewriter.fire("DELETE with JOIN");
        out.append("DELETE FROM ").append(firstTable).append(" WHERE EXISTS (SELECT 1 FROM ").append(joined)
                .append(" WHERE (").append(condition).append(')').append(filter).append(')');
    }

    /** UPDATE / DELETE with ORDER BY and LIMIT as a subquery on the target's row id. */
    private void limited(String verb, int first, int table, int tableEnd, int to, int limit, StringBuilder out)
            throws SQLException {
        int order = t.findWord(tableEnd, to, "ORDER");
        int where = t.findWord(tableEnd, to, "WHERE");
        int filterEnd = order >= 0 ? order : limit;
        String name = rewriter.sub(table, t.word(t.previous(tableEnd, table), "SET") ? tableEnd : tableEnd);
        if (name.indexOf(' ') >= 0) {
            throw rewriter.refuse(verb + " with an alias and LIMIT", "the row id subquery names the table",
                    "drop the alias");
        }
        String rowId = rewriter.spelling.rowId();
        rewriter.fire(verb.split(" ")[0] + " with LIMIT");
        String head = rewriter.sub(first, where >= 0 ? where : filterEnd);
        String filter = where >= 0 ? " " + rewriter.sub(where, filterEnd) : "";
        String ordering = order >= 0 ? " " + rewriter.sub(order, limit) : "";
        String rest = rewriter.sub(limit, to);
        out.append(head).append(" WHERE ").append(rowId).append(" IN (SELECT ").append(rowId).append(" FROM ")
                .append(name).append(filter).append(ordering).append(' ').append(rest).append(')');
    }
}
