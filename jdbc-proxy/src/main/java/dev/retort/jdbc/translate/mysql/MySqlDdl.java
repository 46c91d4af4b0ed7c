package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE TABLE written for MySQL: column types, UNSIGNED (a CHECK), AUTO_INCREMENT (an identity or SQLite's
 * row id, started at the table option AUTO_INCREMENT=n), ENUM (a CHECK), ON UPDATE CURRENT_TIMESTAMP (as the
 * target can: a column clause or a trigger), inline KEY/INDEX (a CREATE INDEX IF NOT EXISTS run after the
 * table, so a second CREATE TABLE IF NOT EXISTS still works) and table options. Options without meaning on
 * the target (ENGINE, CHARSET, COLLATE, COMMENT) are dropped and named in the rules fired.
 */
final class MySqlDdl {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final Target spelling;
    private final List<String> columnNames = new ArrayList<>();
    private String tableName;
    private String primaryKey;
    /** The table option AUTO_INCREMENT=n: where the identity starts. */
    private long identityStart = 1;
    /** Whether a column definition already declared the primary key (SQLite's AUTOINCREMENT must). */
    private boolean primaryInColumn;
    /** A table collation that compares case: its text columns keep the target's case-sensitive text. */
    private boolean tableCaseSensitive;

    MySqlDdl(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
        this.spelling = rewriter.spelling;
    }

    void createTable(int first, int from, int to, StringBuilder out) throws SQLException {
        int open = -1;
        for (int i = first; i < to; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                open = i;
                break;
            }
            if (t.word(i, "LIKE") || t.word(i, "AS") || t.word(i, "SELECT")) {
                break;
            }
        }
        if (open < 0) {
            rewriter.emit(from, to, out);
            return;
        }
        int nameToken = t.previous(open, first);
        tableName = rewriter.nameValue(nameToken);
        rewriter.copy(from, first, out);
        out.append(rewriter.sub(first, open)).append(" (");
        int[][] definitions = rewriter.arguments(open);
        primaryKey = findTablePrimaryKey(definitions);
        identityStart = identityStart(t.partner[open] + 1, to);
        tableCaseSensitive = tableCollationCaseSensitive(t.partner[open] + 1, to);
        for (int[] definition : definitions) {
            if (!CONSTRAINT_WORDS.contains(t.kind[definition[0]] == Tokens.WORD ? t.upper(definition[0]) : "")) {
                columnNames.add(rewriter.nameValue(definition[0]));
            }
        }
        List<String> written = new ArrayList<>();
        int tablePrimary = -1;
        for (int[] definition : definitions) {
            if (t.word(definition[0], "PRIMARY")) {
                tablePrimary = written.size();
            }
            String text = definition(definition[0], definition[1]);
            if (text != null) {
                written.add(text);
            }
        }
        if (primaryInColumn && tablePrimary >= 0) {
            written.remove(tablePrimary);
        }
        out.append(String.join(", ", written)).append(')');
        options(t.partner[open] + 1, to, out);
        rewriter.fire("CREATE TABLE");
    }

    private static final java.util.Set<String> CONSTRAINT_WORDS = java.util.Set.of("PRIMARY", "CONSTRAINT",
            "FOREIGN", "CHECK", "UNIQUE", "KEY", "INDEX", "FULLTEXT", "SPATIAL");

    /** The value of the table option AUTO_INCREMENT=n among the options in [from, to); 1 when absent. */
    private long identityStart(int from, int to) throws SQLException {
        int option = t.findWord(from, to, "AUTO_INCREMENT");
        if (option < 0) {
            return 1;
        }
        int value = t.next(option, to);
        if (t.op(value, "=")) {
            value = t.next(value, to);
        }
        Long start = value < to ? rewriter.integerLiteral(value, value + 1) : null;
        if (start == null || start < 1) {
            throw rewriter.refuse("Table option AUTO_INCREMENT=" + (value < to ? t.text(value) : ""), "it is not a"
                    + " positive whole number", "write AUTO_INCREMENT=n with n of 1 or more");
        }
        rewriter.fire("AUTO_INCREMENT=n as the identity's start");
        return start;
    }

    private String findTablePrimaryKey(int[][] definitions) {
        for (int[] definition : definitions) {
            if (t.word(definition[0], "PRIMARY")) {
                int open = t.next(t.next(definition[0], definition[1]), definition[1]);
                int[][] columns = rewriter.arguments(open);
                if (columns.length == 1) {
                    return rewriter.nameValue(columns[0][0]).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private String definition(int from, int to) throws SQLException {
        String upper = t.kind[from] == Tokens.WORD ? t.upper(from) : "";
        switch (upper) {
            case "PRIMARY":
            case "CONSTRAINT":
            case "FOREIGN":
            case "CHECK":
                return withoutIndexType(from, to);
            case "UNIQUE":
                return unique(from, to);
            case "KEY":
            case "INDEX":
                index(from, to);
                return null;
            case "FULLTEXT":
            case "SPATIAL":
                throw rewriter.refuse(upper + " index", target + " has no " + upper.toLowerCase(Locale.ROOT)
                        + " index of MySQL's kind", "drop the index and search with LIKE or the target's own"
                        + " full-text features");
            default:
                return column(from, to);
        }
    }

    private String withoutIndexType(int from, int to) throws SQLException {
        int using = t.findWord(from, to, "USING");
        return rewriter.sub(from, using >= 0 ? using : to);
    }

    /** {@code UNIQUE [KEY|INDEX] [name] (cols)} as {@code CONSTRAINT name UNIQUE (cols)}. */
    private String unique(int from, int to) throws SQLException {
        int i = t.next(from, to);
        if (t.word(i, "KEY") || t.word(i, "INDEX")) {
            i = t.next(i, to);
        }
        String name = null;
        if (i < to && t.kind[i] != Tokens.OPEN && !t.word(i, "USING")) {
            name = rewriter.nameValue(i);
            i = t.next(i, to);
        }
        i = skipIndexType(i, to);
        String columns = columnList(i, false);
        if (t.next(t.partner[i], to) < to) {
            rewriter.fire("index options dropped");
        }
        return (name == null ? "" : "CONSTRAINT " + rewriter.spelling.name(tableName + "_" + name) + " ")
                + "UNIQUE " + columns;
    }

    /** MySQL's {@code USING BTREE|HASH}, before or after the column list: the targets choose the structure. */
    private int skipIndexType(int i, int to) {
        if (t.word(i, "USING")) {
            rewriter.fire("index type dropped");
            return t.next(t.next(i, to), to);
        }
        return i;
    }

    /**
     * An index's column list: prefixes refused (the targets index whole values), ASC/DESC kept for an index
     * and dropped for a UNIQUE constraint, which has no order.
     */
    private String columnList(int open, boolean ordered) throws SQLException {
        if (open >= t.count || t.kind[open] != Tokens.OPEN) {
            throw rewriter.refuse("An index without a column list", "MySQL requires one", "list the columns");
        }
        StringBuilder list = new StringBuilder("(");
        for (int[] column : rewriter.arguments(open)) {
            int next = t.next(column[0], column[1]);
            if (next < column[1] && t.kind[next] == Tokens.OPEN) {
                throw rewriter.refuse("An index on a column prefix", target + " indexes whole values",
                        "index the whole column");
            }
            int end = column[1];
            int last = t.last(column[0], end);
            if (!ordered && (t.word(last, "ASC") || t.word(last, "DESC"))) {
                end = last;
            }
            list.append(list.length() > 1 ? ", " : "").append(rewriter.sub(column[0], end));
        }
        return list.append(')').toString();
    }

    /**
     * A plain KEY/INDEX becomes CREATE INDEX IF NOT EXISTS, run after the table; its name is prefixed with the
     * table's (index names are per schema on PostgreSQL and SQLite), an unnamed one named after its first
     * column as MySQL names it. Options after the column list (USING, COMMENT, VISIBLE) are dropped.
     */
    private void index(int from, int to) throws SQLException {
        int i = t.next(from, to);
        String name = null;
        if (i < to && t.kind[i] != Tokens.OPEN && !t.word(i, "USING")) {
            name = rewriter.nameValue(i);
            i = t.next(i, to);
        }
        i = skipIndexType(i, to);
        if (name == null && i < to && t.kind[i] == Tokens.OPEN) {
            name = rewriter.nameValue(t.next(i, to));
        }
        rewriter.fire("inline INDEX as CREATE INDEX");
        rewriter.after(spelling.createIndex(false, tableName + "_" + name, tableName, columnList(i, true)));
        if (i < to && t.next(t.partner[i], to) < to) {
            rewriter.fire("index options dropped");
        }
    }

    private String column(int from, int to) throws SQLException {
        String name = rewriter.nameValue(from);
        int typeWord = t.next(from, to);
        if (typeWord >= to) {
            throw rewriter.refuse("Column " + name + " without a type", "MySQL requires a type", "add a type");
        }
        ColumnType type = new ColumnType(rewriter, name);
        int i = type.read(typeWord, to);
        StringBuilder modifiers = new StringBuilder();
        boolean autoIncrement = false;
        boolean inlinePrimary = false;
        boolean caseSensitive = false;
        int start = i;
        while (i < to) {
            if (t.word(i, "AUTO_INCREMENT")) {
                autoIncrement = true;
                modifiers.append(rewriter.sub(start, i));
                start = i + 1;
            } else if (t.word(i, "COMMENT")) {
                rewriter.fire("column COMMENT dropped");
                modifiers.append(rewriter.sub(start, i));
                i = t.next(i, to);
                start = i + 1;
            } else if (t.word(i, "ON") && t.word(t.next(i, to), "UPDATE")) {
                modifiers.append(rewriter.sub(start, i));
                i = onUpdate(name, t.next(t.next(i, to), to), to, modifiers);
                start = i;
                continue;
            } else if (t.word(i, "PRIMARY")) {
                inlinePrimary = true;
            } else if (t.word(i, "DEFAULT")) {
                modifiers.append(rewriter.sub(start, i));
                i = defaultValue(i, to, modifiers);
                start = i;
                continue;
            } else if (t.word(i, "CHARACTER") || t.word(i, "COLLATE") || t.word(i, "CHARSET")) {
                modifiers.append(rewriter.sub(start, i));
                boolean collate = t.word(i, "COLLATE");
                i = t.next(t.word(i, "CHARACTER") ? t.next(i, to) : i, to);
                caseSensitive |= collate && caseSensitiveCollation(i);
                rewriter.fire("column character set / collation dropped");
                start = i + 1;
            }
            i++;
        }
        modifiers.append(start < to ? " " + rewriter.sub(start, to) : "");
        String rest = modifiers.toString().replaceAll("\\s+", " ").trim();
        if (autoIncrement) {
            return autoIncrement(name, type, rest, inlinePrimary);
        }
        if (spelling.primaryKeyAcceptsNull() && (inlinePrimary || name.equalsIgnoreCase(String.valueOf(primaryKey)))
                && !rest.toUpperCase(Locale.ROOT).contains("NOT NULL")) {
            rewriter.fire("primary key NOT NULL");
            rest = "NOT NULL" + (rest.isEmpty() ? "" : " " + rest);
        }
        String written = type.written();
        if (type.text() && (caseSensitive || tableCaseSensitive)) {
            rewriter.fire("case-sensitive text column");
            written = spelling.caseSensitiveText(tableName, name, written, rewriter::after);
        } else if (rewriter.settings.caseInsensitiveColumns() && type.text()) {
            rewriter.fire("text column without case");
            written = spelling.caseInsensitiveText(name, written, type.length(), rewriter::before);
        }
        return rewriter.spelling.name(name) + " " + written + (rest.isEmpty() ? "" : " " + rest) + type.check();
    }

    /** A MySQL collation that compares case (and accents): {@code *_bin}, {@code *_cs}. */
    private boolean caseSensitiveCollation(int name) {
        if (name >= t.count || (t.kind[name] != Tokens.WORD && t.kind[name] != Tokens.QUOTED_NAME
                && t.kind[name] != Tokens.STRING)) {
            return false;
        }
        String collation = t.kind[name] == Tokens.STRING ? Literals.value(t, name, Dialect.MYSQL)
                : rewriter.nameValue(name);
        String lower = collation.toLowerCase(Locale.ROOT);
        return lower.endsWith("_bin") || lower.endsWith("_cs") || lower.equals("binary");
    }

    /** The table option [DEFAULT] COLLATE [=] name, when it compares case. */
    private boolean tableCollationCaseSensitive(int from, int to) {
        int collate = t.findWord(from, to, "COLLATE");
        if (collate < 0) {
            return false;
        }
        int name = t.next(collate, to);
        return caseSensitiveCollation(t.op(name, "=") ? t.next(name, to) : name);
    }

    /** ON UPDATE CURRENT_TIMESTAMP (or NOW(), with or without a precision), as the target can; the index after it. */
    private int onUpdate(String column, int value, int to, StringBuilder modifiers) throws SQLException {
        int end = value < to ? rewriter.primaryEnd(value, to) : -1;
        if (end < 0 || !(t.word(value, "CURRENT_TIMESTAMP") || t.word(value, "NOW") || t.word(value, "LOCALTIMESTAMP")
                || t.word(value, "CURRENT_TIME"))) {
            throw rewriter.refuse("ON UPDATE " + (value < to ? t.text(value) : "") + " on column " + column,
                    "only ON UPDATE CURRENT_TIMESTAMP has a meaning in MySQL", "write ON UPDATE CURRENT_TIMESTAMP");
        }
        rewriter.fire("ON UPDATE CURRENT_TIMESTAMP");
        modifiers.append(spelling.onUpdateTimestamp(tableName, column, columnNames, rewriter::after));
        return end;
    }

    /** DEFAULT values: SQLite wants expressions other than literals and CURRENT_TIMESTAMP in parentheses. */
    private int defaultValue(int i, int to, StringBuilder modifiers) throws SQLException {
        int value = t.next(i, to);
        int end = rewriter.primaryEnd(value, to);
        if (end < 0) {
            end = value + 1;
        }
        if (t.word(value, "CURRENT_TIMESTAMP") && !(end < to && t.kind[t.next(value, to)] == Tokens.OPEN)) {
            modifiers.append(" DEFAULT CURRENT_TIMESTAMP");
            if (spelling.currentTimestampInUtc()) {
                rewriter.doubt("DEFAULT CURRENT_TIMESTAMP",
                        spelling.displayName() + " writes the time in UTC, MySQL in the session"
                        + " time zone", "run the database in UTC");
            }
            return value + 1;
        }
        String translated = rewriter.sub(value, end);
        boolean literal = t.kind[value] == Tokens.STRING || t.kind[value] == Tokens.NUMBER || t.word(value, "NULL")
                || t.op(value, "-");
        modifiers.append(" DEFAULT ").append(spelling.defaultExpressionsInParentheses() && !literal && !translated.startsWith("(")
                ? "(" + translated + ")" : translated);
        return end;
    }

    private String autoIncrement(String name, ColumnType type, String rest, boolean inlinePrimary)
            throws SQLException {
        rewriter.fire("AUTO_INCREMENT");
        if (spelling.integerPrimaryKeyIsRowId() && !inlinePrimary
                && !name.equalsIgnoreCase(String.valueOf(primaryKey))) {
            throw rewriter.refuse("AUTO_INCREMENT on column " + name + " that is not the primary key",
                    spelling.displayName() + " numbers only its INTEGER PRIMARY KEY",
                    "make the column the table's primary key");
        }
        String written = spelling.identityColumn(tableName, name, type.integerForIdentity(), rest, type.check(),
                identityStart, rewriter::after);
        primaryInColumn = !inlinePrimary && written.contains(" PRIMARY KEY");
        return written;
    }

    /** ENGINE, CHARSET, COLLATE, COMMENT, ROW_FORMAT are dropped; AUTO_INCREMENT=n and PARTITION are refused. */
    private void options(int from, int to, StringBuilder out) throws SQLException {
        int i = t.skip(from, to);
        while (i < to) {
            if (t.word(i, "AUTO_INCREMENT")) {
                i = t.skip(i + 1, to);
                continue;
            }
            if (t.word(i, "PARTITION")) {
                throw rewriter.refuse("PARTITION BY", "the translator does not rewrite partitioning",
                        "create the table without partitions");
            }
            if (t.word(i, "AS") || t.word(i, "SELECT") || t.word(i, "IGNORE") || t.word(i, "REPLACE")) {
                out.append(' ').append(rewriter.sub(i, to));
                return;
            }
            if (t.kind[i] == Tokens.WORD || t.op(i, "=") || t.kind[i] == Tokens.STRING || t.kind[i] == Tokens.NUMBER
                    || t.kind[i] == Tokens.COMMA || t.kind[i] == Tokens.QUOTED_NAME) {
                rewriter.fire("table options dropped");
                i = t.skip(i + 1, to);
            } else {
                throw rewriter.refuse("Table option " + t.text(i), "it is not one the translator knows",
                        "remove it");
            }
        }
    }
}
