package dev.retort.dialect.sqlite;

import java.util.List;
import java.util.Map;

import dev.retort.dialect.DialectCompilerContract;
import dev.retort.sql.SqlType;

class SqliteCompilerTest extends DialectCompilerContract {

    @Override
    protected String dialectName() {
        return "sqlite";
    }

    /** A generated single-column key becomes the rowid alias, declared inline. */
    @Override
    protected String createUsersTable() {
        return "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "email VARCHAR(255), balance NUMERIC(12, 2), UNIQUE (email))";
    }

    @Override
    protected String createPeopleTable() {
        return "CREATE TABLE people (id INTEGER NOT NULL, first_name VARCHAR(50) NOT NULL, last_name VARCHAR(50) NOT NULL, "
                + "PRIMARY KEY (id), UNIQUE (first_name, last_name))";
    }

    @Override
    protected Map<SqlType, String> typeNames() {
        return changed(super.typeNames(), Map.ofEntries(
                Map.entry(SqlType.TINYINT, "INTEGER"),
                Map.entry(SqlType.SMALLINT, "INTEGER"),
                Map.entry(SqlType.BIGINT, "INTEGER"),
                Map.entry(SqlType.DOUBLE, "REAL"),
                Map.entry(SqlType.DECIMAL, "NUMERIC(38, 0)"),
                Map.entry(SqlType.DATE, "TEXT"),
                Map.entry(SqlType.TIME, "TEXT"),
                Map.entry(SqlType.TIMESTAMP, "TEXT"),
                Map.entry(SqlType.TIMESTAMP_WITH_TIME_ZONE, "TEXT"),
                Map.entry(SqlType.UUID, "TEXT"),
                Map.entry(SqlType.BINARY, "BLOB")));
    }

    @Override
    protected List<String> sizedTypeNames() {
        return List.of("VARCHAR(40)", "CHAR(3)", "NUMERIC(10, 4)", "BLOB");
    }

    /** SQLite has no sequences: SEQUENCE keys use the rowid. */
    @Override
    protected List<String> sequenceStatements() {
        return List.of();
    }

    @Override
    protected List<String> limitOffsetSelects() {
        return List.of("SELECT id FROM users LIMIT ?", "SELECT id FROM users LIMIT -1 OFFSET ?",
                "SELECT id FROM users LIMIT ? OFFSET ?");
    }

    @Override
    protected List<String> accountDdl() {
        return List.of("CREATE TABLE \"user\" (id INTEGER PRIMARY KEY, "
                        + "first_name VARCHAR(50) NOT NULL, last_name VARCHAR(255), email VARCHAR(255), "
                        + "balance NUMERIC(10, 2), status VARCHAR(255), version INTEGER NOT NULL, "
                        + "UNIQUE (email), UNIQUE (first_name, last_name))",
                "CREATE INDEX ix_user_last_name_first_name ON \"user\" (last_name, first_name)",
                "CREATE UNIQUE INDEX ux_user_email ON \"user\" (email)");
    }

    /** No CREATE SEQUENCE: the sequence key becomes the rowid alias. */
    @Override
    protected List<String> invoiceDdl() {
        return List.of("CREATE TABLE invoice (number INTEGER PRIMARY KEY, issued TEXT, status INTEGER)");
    }

    @Override
    protected String ilikeSelect() {
        return "SELECT id FROM users WHERE LOWER(name) LIKE LOWER(?) AND name NOT LIKE ? AND email LIKE ?";
    }

    @Override
    protected String lengthAndNowSelect() {
        return "SELECT LENGTH(name), strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime') FROM users";
    }
}
