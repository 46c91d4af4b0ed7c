package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/**
 * MySQL statements about the session and the server rather than data: START TRANSACTION and BEGIN,
 * CREATE/DROP DATABASE and USE (as schemas where the target has them), stored code (refused as a whole)
 * and ALTER TABLE's column positions (dropped with a warning).
 */
final class MySqlSessionStatements {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Target spelling;

    MySqlSessionStatements(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.spelling = rewriter.spelling;
    }

    /** START TRANSACTION and BEGIN [WORK]: options other than the default transaction are refused. */
    void startTransaction(int first, int to, StringBuilder out) throws SQLException {
        int option = t.next(first, to);
        if (t.word(first, "START") || t.word(option, "WORK")) {
            option = t.next(option, to);
        }
        if (option < to) {
            throw rewriter.refuse(t.upper(first) + " with " + t.sql.substring(t.start[option], t.end[t.last(option, to)]),
                    "the translator opens a plain transaction", "call Connection.setAutoCommit(false) and"
                            + " Connection.setReadOnly for a read-only one");
        }
        rewriter.fire("START TRANSACTION");
        out.append(spelling.startTransaction());
    }

    /**
     * The TRIGGER, PROCEDURE, FUNCTION or EVENT word of a CREATE that defines stored code (after OR REPLACE,
     * DEFINER = user, AGGREGATE), or -1 when the CREATE defines something else.
     */
    int storedCode(int first, int to) {
        for (int i = t.next(first, to); i < to; i = t.next(i, to)) {
            if (t.word(i, "TRIGGER") || t.word(i, "PROCEDURE") || t.word(i, "FUNCTION") || t.word(i, "EVENT")) {
                return i;
            }
            if (t.kind[i] == Tokens.OPEN || t.word(i, "TABLE") || t.word(i, "VIEW") || t.word(i, "INDEX")
                    || t.word(i, "ON") || t.word(i, "AS") || t.word(i, "DATABASE") || t.word(i, "SCHEMA")) {
                return -1;
            }
        }
        return -1;
    }

    /** Stored code is refused as one statement, whatever its body holds. */
    SQLException refuseStoredCode(int kind, int to) {
        int name = t.next(kind, to);
        return rewriter.refuse("CREATE " + t.upper(kind) + (name < to ? " " + rewriter.nameValue(name) : ""),
                "the translator does not rewrite MySQL's procedural code", "create it on " + rewriter.target
                        + " in its own language, outside the proxy");
    }

    /** CREATE DATABASE / SCHEMA [IF NOT EXISTS] name and DROP DATABASE / SCHEMA [IF EXISTS] name. */
    boolean database(int first, int second, int to, StringBuilder out) throws SQLException {
        boolean create = t.word(first, "CREATE");
        int i = t.next(second, to);
        boolean conditional = t.word(i, "IF");
        if (conditional) {
            i = t.next(t.next(i, to), to);
            if (create) {
                i = t.next(i, to);
            }
        }
        if (i >= to) {
            return false;
        }
        String schema = rewriter.nameValue(i);
        String written = create ? spelling.createSchema(schema, conditional) : spelling.dropSchema(schema, conditional);
        String construct = (create ? "CREATE " : "DROP ") + t.upper(second);
        if (written == null) {
            throw rewriter.refuse(construct, rewriter.target + " has one database per connection and no schemas",
                    "create the database file outside the application and name it in the JDBC URL");
        }
        if (t.next(i, to) < to) {
            rewriter.fire("database options dropped");
        }
        rewriter.fire(construct + " as a schema");
        out.append(written);
        return true;
    }

    void use(int second, int to, StringBuilder out) throws SQLException {
        String written = second < to ? spelling.useSchema(rewriter.nameValue(second)) : null;
        if (written == null) {
            throw rewriter.refuse("USE", "a " + rewriter.target + " connection cannot switch databases",
                    "name the database in the JDBC URL");
        }
        rewriter.fire("USE as the schema");
        out.append(written);
    }

    /**
     * ALTER TABLE … AFTER column / FIRST: the targets add columns at the end, so the position is dropped and
     * the statement runs with a warning; false when the statement names no position.
     */
    boolean alterTable(int from, int to, StringBuilder out) throws SQLException {
        int cut = from;
        boolean positioned = false;
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                i = t.partner[i];
            } else if (t.word(i, "FIRST") || (t.word(i, "AFTER") && t.next(i, to) < to)) {
                rewriter.emit(cut, i, out);
                cut = t.word(i, "FIRST") ? i + 1 : t.next(i, to) + 1;
                positioned = true;
            }
        }
        if (!positioned) {
            return false;
        }
        rewriter.emit(cut, to, out);
        rewriter.fire("column position dropped");
        rewriter.doubt("ALTER TABLE … AFTER/FIRST", rewriter.target + " adds the column at the end of the table",
                "name the columns in SELECT rather than rely on their order");
        return true;
    }
}
