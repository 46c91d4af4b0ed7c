package dev.retort.jdbc.translate;

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
                out.append(columnsQuery(tableName(second, to)));
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
        if (target != Dialect.SQLITE) {
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
            out.append(tablesQuery());
            return;
        }
        if ((t.word(second, "COLUMNS") || t.word(second, "FIELDS")) && (t.word(third, "FROM") || t.word(third, "IN"))
                && t.next(t.next(third, to), to) >= to) {
            rewriter.fire("SHOW COLUMNS");
            out.append(columnsQuery(tableName(t.next(third, to), to)));
            return;
        }
        throw rewriter.refuse("SHOW " + (second < to ? t.upper(second) : ""), "only SHOW TABLES and SHOW COLUMNS"
                + " FROM table (without LIKE or WHERE) are answered", "read java.sql.DatabaseMetaData instead");
    }

    /** The table names of the current schema, in a column named as MySQL names it. */
    private String tablesQuery() {
        switch (target) {
            case POSTGRESQL:
                return "SELECT table_name AS \"Tables\" FROM information_schema.tables WHERE table_schema ="
                        + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
            case H2:
                return "SELECT TABLE_NAME AS \"Tables\" FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
                        + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
            default:
                return "SELECT name AS \"Tables\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                        + " 'sqlite_%' ORDER BY name";
        }
    }

    /** Field, Type, Null and Default of each column, in table order, as DESCRIBE lists them. */
    private String columnsQuery(String table) {
        switch (target) {
            case POSTGRESQL:
                return "SELECT column_name AS \"Field\", data_type AS \"Type\", is_nullable AS \"Null\","
                        + " column_default AS \"Default\" FROM information_schema.columns WHERE table_schema ="
                        + " current_schema() AND table_name = " + Literals.quote(table.toLowerCase(java.util.Locale.ROOT),
                        target) + " ORDER BY ordinal_position";
            case H2:
                return "SELECT COLUMN_NAME AS \"Field\", DATA_TYPE AS \"Type\", IS_NULLABLE AS \"Null\","
                        + " COLUMN_DEFAULT AS \"Default\" FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                        + " AND TABLE_NAME = " + Literals.quote(table.toUpperCase(java.util.Locale.ROOT), target)
                        + " ORDER BY ORDINAL_POSITION";
            default:
                return "SELECT name AS \"Field\", type AS \"Type\", CASE WHEN \"notnull\" = 1 THEN 'NO' ELSE 'YES'"
                        + " END AS \"Null\", dflt_value AS \"Default\" FROM pragma_table_info("
                        + Literals.quote(table, target) + ") ORDER BY cid";
        }
    }

    /** SET NAMES and SET CHARACTER SET are answered with a harmless statement: the targets speak Unicode. */
    private boolean set(int second, int to, StringBuilder out) throws SQLException {
        if (t.word(second, "NAMES") || t.word(second, "CHARSET") || (t.word(second, "CHARACTER")
                && t.word(t.next(second, to), "SET"))) {
            rewriter.fire("SET NAMES");
            out.append(target == Dialect.POSTGRESQL ? "SET client_encoding = 'UTF8'"
                    : target == Dialect.H2 ? "SET @retort_set_names = 1" : "PRAGMA encoding = 'UTF-8'");
            return true;
        }
        throw rewriter.refuse("SET " + (second < to ? t.upper(second) : ""), target + " has no MySQL session"
                + " variables", "configure the session through the JDBC URL or connection properties");
    }
}
