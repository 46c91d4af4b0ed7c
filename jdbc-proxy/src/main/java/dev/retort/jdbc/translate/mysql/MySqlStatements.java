package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/**
 * Whole-statement rules for MySQL SQL: DDL (through {@link MySqlDdl}), upserts (through {@link MySqlUpserts}),
 * multi-table and limited UPDATE/DELETE, and MySQL's own statements (SHOW, DESCRIBE, SET NAMES, USE, LOCK).
 */
final class MySqlStatements {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;

    MySqlStatements(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    boolean rewrite(int first, int from, int to, StringBuilder out) throws SQLException {
        String keyword = t.kind[first] == Tokens.WORD ? t.upper(first) : "";
        int second = t.next(first, to);
        switch (keyword) {
            case "CREATE":
                rewriter.schema.sawDdl();
                if (t.word(second, "TABLE") || (t.word(second, "TEMPORARY") && t.word(t.next(second, to), "TABLE"))) {
                    new MySqlDdl(rewriter).createTable(first, from, to, out);
                    return true;
                }
                return createOther(first, second, to, out);
            case "DROP":
                rewriter.schema.sawDdl();
                return (t.word(second, "DATABASE") || t.word(second, "SCHEMA"))
                        && new MySqlSessionStatements(rewriter).database(first, second, to, out);
            case "ALTER":
                rewriter.schema.sawDdl();
                return t.word(second, "TABLE") && new MySqlSessionStatements(rewriter).alterTable(from, to, out);
            case "RENAME":
                rewriter.schema.sawDdl();
                return false;
            case "START":
                if (!t.word(second, "TRANSACTION")) {
                    return false;
                }
                new MySqlSessionStatements(rewriter).startTransaction(first, to, out);
                return true;
            case "BEGIN":
                new MySqlSessionStatements(rewriter).startTransaction(first, to, out);
                return true;
            case "TRUNCATE":
                rewriter.schema.sawDdl();
                return truncate(first, second, to, out);
            case "INSERT":
            case "REPLACE":
                return new MySqlUpserts(rewriter).insert(first, from, to, out);
            case "UPDATE":
                return new MySqlJoins(rewriter).update(first, from, to, out);
            case "DELETE":
                return new MySqlJoins(rewriter).delete(first, from, to, out);
            case "SHOW":
                show(first, second, to, out);
                return true;
            case "DESCRIBE":
            case "DESC":
                out.append(rewriter.spelling.columnsQuery(tableName(second, to)));
                rewriter.fire(keyword);
                return true;
            case "USE":
                new MySqlSessionStatements(rewriter).use(second, to, out);
                return true;
            case "SET":
                return set(second, to, out);
            case "LOCK":
            case "UNLOCK":
                throw rewriter.refuse(keyword + " TABLES", target + " has no table locks that last across"
                        + " statements in the same way", "use a transaction with SELECT … FOR UPDATE");
            case "SELECT":
                refuseOutfile(first, to);
                return false;
            default:
                return false;
        }
    }

    /** CREATE DATABASE and stored code; other CREATE statements go to the token rules. */
    private boolean createOther(int first, int second, int to, StringBuilder out) throws SQLException {
        MySqlSessionStatements session = new MySqlSessionStatements(rewriter);
        if (t.word(second, "DATABASE") || t.word(second, "SCHEMA")) {
            return session.database(first, second, to, out);
        }
        int code = session.storedCode(first, to);
        if (code >= 0) {
            throw session.refuseStoredCode(code, to);
        }
        return false;
    }

    private void refuseOutfile(int first, int to) throws SQLException {
        for (int i = first; i < to; i++) {
            if (t.word(i, "INTO") && (t.word(t.next(i, to), "OUTFILE") || t.word(t.next(i, to), "DUMPFILE"))) {
                throw rewriter.refuse("SELECT … INTO " + t.upper(t.next(i, to)), "it writes a file on the"
                        + " database server", "read the result set in the application and write the file there");
            }
        }
    }

    private boolean truncate(int first, int second, int to, StringBuilder out) throws SQLException {
        if (rewriter.spelling.hasTruncate()) {
            return false;
        }
        int table = t.word(second, "TABLE") ? t.next(second, to) : second;
        rewriter.fire("TRUNCATE as DELETE");
        out.append("DELETE FROM ").append(rewriter.sub(table, to));
        return true;
    }

    private String tableName(int index, int to) throws SQLException {
        if (index >= to || (t.kind[index] != Tokens.WORD && t.kind[index] != Tokens.QUOTED_NAME)) {
            throw rewriter.refuse("DESCRIBE without a table", "a table name is expected", "name the table");
        }
        return rewriter.nameValue(index);
    }

    private void show(int first, int second, int to, StringBuilder out) throws SQLException {
        int third = t.next(second, to);
        if (t.word(second, "FULL")) {
            second = third;
            third = t.next(second, to);
        }
        if (t.word(second, "TABLES") && third >= to) {
            rewriter.fire("SHOW TABLES");
            out.append(rewriter.spelling.tablesQuery());
            return;
        }
        if ((t.word(second, "COLUMNS") || t.word(second, "FIELDS")) && (t.word(third, "FROM") || t.word(third, "IN"))
                && t.next(t.next(third, to), to) >= to) {
            rewriter.fire("SHOW COLUMNS");
            out.append(rewriter.spelling.columnsQuery(tableName(t.next(third, to), to)));
            return;
        }
        throw rewriter.refuse("SHOW " + (second < to ? t.upper(second) : ""), "only SHOW TABLES and SHOW COLUMNS"
                + " FROM table (without LIKE or WHERE) are answered", "read java.sql.DatabaseMetaData instead");
    }

    /** SET NAMES and SET CHARACTER SET are answered with a harmless statement: the targets speak Unicode. */
    private boolean set(int second, int to, StringBuilder out) throws SQLException {
        if (t.word(second, "NAMES") || t.word(second, "CHARSET") || (t.word(second, "CHARACTER")
                && t.word(t.next(second, to), "SET"))) {
            rewriter.fire("SET NAMES");
            out.append(rewriter.spelling.setNames());
            return true;
        }
        throw rewriter.refuse("SET " + (second < to ? t.upper(second) : ""), target + " has no MySQL session"
                + " variables", "configure the session through the JDBC URL or connection properties");
    }
}
