package dev.retort.jdbc.translate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE TABLE written for MySQL: column types, UNSIGNED (a CHECK), AUTO_INCREMENT (an identity or SQLite's
 * row id), ENUM (a CHECK), inline KEY/INDEX (a CREATE INDEX after the table) and table options. Options
 * without meaning on the target (ENGINE, CHARSET, COLLATE, COMMENT) are dropped and named in the rules
 * fired; ON UPDATE CURRENT_TIMESTAMP and AUTO_INCREMENT=n are refused, never dropped.
 */
final class MySqlDdl {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final List<String> indexes = new ArrayList<>();
    private String tableName;
    private String primaryKey;

    MySqlDdl(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
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
        List<String> written = new ArrayList<>();
        for (int[] definition : definitions) {
            String text = definition(definition[0], definition[1]);
            if (text != null) {
                written.add(text);
            }
        }
        out.append(String.join(", ", written)).append(')');
        options(t.partner[open] + 1, to, out);
        for (String index : indexes) {
            out.append("; ").append(index);
        }
        rewriter.fire("CREATE TABLE");
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
        if (i < to && t.kind[i] != Tokens.OPEN) {
            name = rewriter.nameValue(i);
            i = t.next(i, to);
        }
        String columns = columnList(i);
        return (name == null ? "" : "CONSTRAINT " + Keywords.name(tableName + "_" + name, target) + " ")
                + "UNIQUE " + columns;
    }

    private String columnList(int open) throws SQLException {
        for (int[] column : rewriter.arguments(open)) {
            if (t.next(column[0], column[1]) < column[1] && t.kind[t.next(column[0], column[1])] == Tokens.OPEN) {
                throw rewriter.refuse("An index on a column prefix", target + " indexes whole values",
                        "index the whole column");
            }
        }
        return rewriter.sub(open, t.partner[open] + 1);
    }

    /** A plain KEY/INDEX becomes CREATE INDEX after the table (index names are per schema on PostgreSQL). */
    private void index(int from, int to) throws SQLException {
        int i = t.next(from, to);
        String name = "idx";
        if (i < to && t.kind[i] != Tokens.OPEN) {
            name = rewriter.nameValue(i);
            i = t.next(i, to);
        }
        rewriter.fire("inline INDEX as CREATE INDEX");
        indexes.add("CREATE INDEX " + Keywords.name(tableName + "_" + name, target) + " ON "
                + Keywords.name(tableName, target) + " " + columnList(i));
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
                throw rewriter.refuse("ON UPDATE CURRENT_TIMESTAMP on column " + name, target + " has no"
                        + " automatic update of a column", "set the column in each UPDATE, or create a trigger");
            } else if (t.word(i, "PRIMARY")) {
                inlinePrimary = true;
            } else if (t.word(i, "DEFAULT")) {
                modifiers.append(rewriter.sub(start, i));
                i = defaultValue(i, to, modifiers);
                start = i;
                continue;
            } else if (t.word(i, "CHARACTER") || t.word(i, "COLLATE") || t.word(i, "CHARSET")) {
                modifiers.append(rewriter.sub(start, i));
                i = t.next(t.word(i, "CHARACTER") ? t.next(i, to) : i, to);
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
        if (target == Dialect.SQLITE && (inlinePrimary || name.equalsIgnoreCase(String.valueOf(primaryKey)))
                && !rest.toUpperCase(Locale.ROOT).contains("NOT NULL")) {
            rewriter.fire("primary key NOT NULL");
            rest = "NOT NULL" + (rest.isEmpty() ? "" : " " + rest);
        }
        return Keywords.name(name, target) + " " + type.written() + (rest.isEmpty() ? "" : " " + rest)
                + type.check();
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
            if (target == Dialect.SQLITE) {
                rewriter.doubt("DEFAULT CURRENT_TIMESTAMP", "SQLite writes the time in UTC, MySQL in the session"
                        + " time zone", "run the database in UTC");
            }
            return value + 1;
        }
        String translated = rewriter.sub(value, end);
        boolean literal = t.kind[value] == Tokens.STRING || t.kind[value] == Tokens.NUMBER || t.word(value, "NULL")
                || t.op(value, "-");
        modifiers.append(" DEFAULT ").append(target == Dialect.SQLITE && !literal && !translated.startsWith("(")
                ? "(" + translated + ")" : translated);
        return end;
    }

    private String autoIncrement(String name, ColumnType type, String rest, boolean inlinePrimary)
            throws SQLException {
        rewriter.fire("AUTO_INCREMENT");
        if (target == Dialect.SQLITE) {
            if (!inlinePrimary && !name.equalsIgnoreCase(String.valueOf(primaryKey))) {
                throw rewriter.refuse("AUTO_INCREMENT on column " + name + " that is not the primary key",
                        "SQLite numbers only its INTEGER PRIMARY KEY", "make the column the table's primary key");
            }
            return Keywords.name(name, target) + " INTEGER" + (rest.isEmpty() ? "" : " " + rest);
        }
        String written = type.integerForIdentity();
        return Keywords.name(name, target) + " " + written + " GENERATED BY DEFAULT AS IDENTITY"
                + (rest.isEmpty() ? "" : " " + rest) + type.check();
    }

    /** ENGINE, CHARSET, COLLATE, COMMENT, ROW_FORMAT are dropped; AUTO_INCREMENT=n and PARTITION are refused. */
    private void options(int from, int to, StringBuilder out) throws SQLException {
        int i = t.skip(from, to);
        while (i < to) {
            if (t.word(i, "AUTO_INCREMENT")) {
                throw rewriter.refuse("Table option AUTO_INCREMENT=n", "the targets start identities at 1 unless"
                        + " told in their own syntax", "drop the option and insert the first row with its id");
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
