package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-statement rules for PostgreSQL SQL: ON CONFLICT as INSERT IGNORE / ON DUPLICATE KEY UPDATE on
 * MySQL, RETURNING where the target lacks it, and CREATE TABLE (SERIAL, identity, types).
 */
final class PostgresStatements {

    private final PostgresRewriter rewriter;
    private final Tokens t;
    private final Dialect target;

    PostgresStatements(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    boolean rewrite(int first, int from, int to, StringBuilder out) throws SQLException {
        String keyword = t.kind[first] == Tokens.WORD ? t.upper(first) : "";
        switch (keyword) {
            case "CREATE":
                rewriter.schema.sawDdl();
                int second = t.next(first, to);
                if (t.word(second, "TEMPORARY") || t.word(second, "TEMP")) {
                    second = t.next(second, to);
                }
                if (t.word(second, "TABLE")) {
                    createTable(first, from, to, out);
                    return true;
                }
                return false;
            case "ALTER":
            case "DROP":
            case "TRUNCATE":
                rewriter.schema.sawDdl();
                return false;
            case "INSERT":
                return insert(first, from, to, out);
            case "UPDATE":
            case "DELETE":
                returning(keyword, first, to);
                return false;
            default:
                return false;
        }
    }

    private void returning(String keyword, int first, int to) throws SQLException {
        if (!rewriter.mysqlTarget() || t.findWord(first, to, "RETURNING") < 0) {
            return;
        }
        if (!rewriter.spelling.hasReturning() || keyword.equals("UPDATE")) {
            throw rewriter.refuse(keyword + " … RETURNING", target + (!rewriter.spelling.hasReturning() ? " has no RETURNING"
                    : " has RETURNING on INSERT and DELETE only"), keyword.equals("INSERT")
                    ? "read the keys with Statement.getGeneratedKeys()" : "select the rows before changing them");
        }
    }

    private boolean insert(int first, int from, int to, StringBuilder out) throws SQLException {
        returning("INSERT", first, to);
        int on = -1;
        for (int i = first; i < to; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                i = t.partner[i];
            } else if (t.word(i, "ON") && t.word(t.next(i, to), "CONFLICT")) {
                on = i;
                break;
            }
        }
        if (on < 0 || !rewriter.mysqlTarget()) {
            return false;
        }
        int i = t.next(t.next(on, to), to);
        if (i < to && t.kind[i] == Tokens.OPEN) {
            i = t.next(t.partner[i], to);
        } else if (t.word(i, "ON") && t.word(t.next(i, to), "CONSTRAINT")) {
            i = t.next(t.next(t.next(i, to), to), to);
        }
        if (!t.word(i, "DO")) {
            return false;
        }
        int action = t.next(i, to);
        int returning = t.findWord(action, to, "RETURNING");
        int end = returning >= 0 ? returning : to;
        String tail = returning >= 0 ? " " + rewriter.sub(returning, to) : "";
        rewriter.copy(from, first, out);
        rewriter.doubt("ON CONFLICT", "MySQL matches a row on any unique key, not only the conflict target",
                "keep one unique key on the table");
        if (t.word(action, "NOTHING")) {
            rewriter.fire("ON CONFLICT DO NOTHING as INSERT IGNORE");
            rewriter.doubt("INSERT IGNORE", "MySQL also turns bad values into warnings under IGNORE",
                    "make sure rows are otherwise valid");
            out.append("INSERT IGNORE ").append(rewriter.sub(t.next(first, to), on)).append(tail);
            return true;
        }
        int set = t.next(t.next(action, to), to);
        if (t.findWord(set, end, "WHERE") >= 0) {
            throw rewriter.refuse("ON CONFLICT … DO UPDATE … WHERE", "MySQL's ON DUPLICATE KEY UPDATE has no"
                    + " condition", "move the condition into the values with CASE");
        }
        rewriter.fire("ON CONFLICT DO UPDATE as ON DUPLICATE KEY UPDATE");
        out.append(rewriter.sub(first, on)).append(" ON DUPLICATE KEY UPDATE ");
        rewriter.excludedAsValues = true;
        try {
            out.append(rewriter.sub(set, end));
        } finally {
            rewriter.excludedAsValues = false;
        }
        out.append(tail);
        return true;
    }

    private void createTable(int first, int from, int to, StringBuilder out) throws SQLException {
        int open = -1;
        for (int i = first; i < to && open < 0; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                open = i;
            } else if (t.word(i, "AS")) {
                break;
            }
        }
        if (open < 0) {
            rewriter.emit(from, to, out);
            return;
        }
        rewriter.copy(from, first, out);
        out.append(rewriter.sub(first, open)).append(" (");
        List<String> definitions = new ArrayList<>();
        String primaryKey = tablePrimaryKey(open);
        int[][] ranges = rewriter.arguments(open);
        for (int[] range : ranges) {
            // a column without a type is a syntax error whatever its neighbours hold: checked before any is read
            if (!isConstraint(range[0]) && t.next(range[0], range[1]) >= range[1]) {
                throw withoutType();
            }
        }
        for (int[] range : ranges) {
            definitions.add(definition(range[0], range[1], primaryKey));
        }
        out.append(String.join(", ", definitions)).append(')');
        int after = t.partner[open] + 1;
        if (t.skip(after, to) < to) {
            out.append(' ').append(rewriter.sub(after, to));
        }
        rewriter.fire("CREATE TABLE");
    }

    private String tablePrimaryKey(int open) {
        for (int[] range : rewriter.arguments(open)) {
            if (t.word(range[0], "PRIMARY")) {
                int columns = t.next(t.next(range[0], range[1]), range[1]);
                if (columns < range[1] && t.kind[columns] == Tokens.OPEN) {
                    return t.sql.substring(t.start[columns] + 1, t.start[t.partner[columns]]).trim().toLowerCase();
                }
            }
        }
        return "";
    }

    private boolean isConstraint(int from) {
        return t.word(from, "PRIMARY") || t.word(from, "UNIQUE") || t.word(from, "CONSTRAINT")
                || t.word(from, "FOREIGN") || t.word(from, "CHECK");
    }

    /** "(id INT, )" or "(id)": PostgreSQL refuses it too, and there is no type to translate. */
    private static SQLSyntaxErrorException withoutType() {
        return new SQLSyntaxErrorException("CREATE TABLE has a column definition without a type. To fix this,"
                + " give every column a type and remove stray commas (the statement is not sent).", "42000");
    }

    private String definition(int from, int to, String primaryKey) throws SQLException {
        if (isConstraint(from)) {
            return rewriter.sub(from, to);
        }
        int typeStart = t.next(from, to);
        if (typeStart >= to) {
            throw withoutType();
        }
        String name = rewriter.sub(from, from + 1);
        String typeName = t.upper(typeStart);
        boolean serial = typeName.endsWith("SERIAL");
        PostgresTypes type = new PostgresTypes(rewriter);
        String written;
        int rest;
        if (serial) {
            written = typeName.equals("BIGSERIAL") ? "BIGINT" : typeName.equals("SMALLSERIAL") ? "SMALLINT" : "INT";
            rest = typeStart + 1;
        } else {
            type.read(typeStart, to);
            written = type.column();
            rest = type.end;
        }
        int identity = t.findWord(rest, to, "GENERATED");
        String modifiers = identity >= 0 ? rewriter.sub(rest, identity) + " " + rewriter.sub(
                t.findWord(identity, to, "IDENTITY") + 1, to) : rewriter.sub(rest, to);
        modifiers = modifiers.trim();
        boolean numbered = serial || identity >= 0;
        boolean primary = modifiers.toUpperCase().contains("PRIMARY KEY")
                || primaryKey.equals(t.text(from).toLowerCase());
        if (!numbered) {
            if (rewriter.mysqlTarget() && written.startsWith("DATETIME")) {
                modifiers = modifiers.replaceAll("(?i)DEFAULT (NOW\\(\\)|CURRENT_TIMESTAMP)",
                        "DEFAULT CURRENT_TIMESTAMP" + written.substring("DATETIME".length()));
            }
            return name + " " + written + (modifiers.isEmpty() ? "" : " " + modifiers);
        }
        rewriter.fire(serial ? "SERIAL" : "identity column");
        if (rewriter.spelling.integerPrimaryKeyIsRowId()) {
            if (!primary) {
                throw rewriter.refuse((serial ? typeName : "An identity column") + " that is not the primary key",
                        rewriter.spelling.displayName() + " numbers only its INTEGER PRIMARY KEY",
                        "make the column the primary key");
            }
            return name + " INTEGER" + (modifiers.isEmpty() ? "" : " " + modifiers);
        }
        return name + " " + written + " NOT NULL AUTO_INCREMENT" + (modifiers.isEmpty() ? "" : " " + modifiers)
                + (primary ? "" : " UNIQUE");
    }
}
