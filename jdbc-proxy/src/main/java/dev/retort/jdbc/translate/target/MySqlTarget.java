package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import java.util.List;
import java.util.function.Consumer;

/**
 * MySQL and MariaDB as targets of PostgreSQL SQL. The MySQL-source rules that ask a target never run for
 * them, so these answers are MySQL's own spelling.
 */
final class MySqlTarget extends Target {

    private static final MySqlTarget MYSQL = new MySqlTarget(Dialect.MYSQL);
    private static final MySqlTarget MARIADB = new MySqlTarget(Dialect.MARIADB);

    private MySqlTarget(Dialect dialect) {
        super(dialect);
    }

    public static MySqlTarget of(Dialect dialect) {
        return dialect == Dialect.MARIADB ? MARIADB : MYSQL;
    }

    @Override
    public String nullsOrder(boolean first) {
        return null;
    }

    @Override
    public String identityColumn(String table, String column, String integerType, String rest, String check,
                          long start, Consumer<String> after) {
        return name(column) + " " + integerType + " AUTO_INCREMENT" + (rest.isEmpty() ? "" : " " + rest) + check;
    }

    @Override
    public String identityPastLargest(String table, String storedTable, String storedColumn) {
        return null;
    }

    @Override
    public String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        return " ON UPDATE CURRENT_TIMESTAMP";
    }

    @Override
    public String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        return written;
    }

    @Override
    public String exactDivisionType() {
        return "DECIMAL(65, 30)";
    }

    @Override
    public String rowId() {
        throw new IllegalStateException("MySQL SQL is not translated for MySQL");
    }

    @Override
    public String tablesQuery() {
        return "SHOW TABLES";
    }

    @Override
    public String columnsQuery(String table) {
        return "DESCRIBE " + name(table);
    }

    @Override
    public String setNames() {
        return "SET NAMES utf8mb4";
    }

    @Override
    public boolean textHoldsNul() {
        return true;
    }

    @Override
    public boolean hasDual() {
        return true;
    }

    @Override
    public String allRowsAfter(String offset) {
        return null;
    }

    @Override
    public String currentSchema() {
        return null;
    }

    @Override
    public boolean sumsBooleans() {
        return true;
    }

    @Override
    public String createSchema(String schema, boolean ifNotExists) {
        return "CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + name(schema);
    }

    @Override
    public String dropSchema(String schema, boolean ifExists) {
        return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + name(schema);
    }

    @Override
    public String useSchema(String schema) {
        return "USE " + name(schema);
    }

    @Override
    public String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
        return "INSERT IGNORE INTO " + head + " " + rows;
    }

    @Override
    String quoteName(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public String displayName() {
        return dialect == Dialect.MARIADB ? "MariaDB" : "MySQL";
    }

    /** MariaDB has RETURNING on INSERT and DELETE; MySQL has none. */
    @Override
    public boolean hasReturning() {
        return dialect == Dialect.MARIADB;
    }
}
