package dev.retort.jdbc.translate;

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

    static MySqlTarget of(Dialect dialect) {
        return dialect == Dialect.MARIADB ? MARIADB : MYSQL;
    }

    @Override
    String nullsOrder(boolean first) {
        return null;
    }

    @Override
    String identityColumn(String table, String column, String integerType, String rest, String check,
                          long start, Consumer<String> after) {
        return name(column) + " " + integerType + " AUTO_INCREMENT" + (rest.isEmpty() ? "" : " " + rest) + check;
    }

    @Override
    String identityPastLargest(String table, String storedTable, String storedColumn) {
        return null;
    }

    @Override
    String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        return " ON UPDATE CURRENT_TIMESTAMP";
    }

    @Override
    String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        return written;
    }

    @Override
    String exactDivisionType() {
        return "DECIMAL(65, 30)";
    }

    @Override
    String rowId() {
        throw new IllegalStateException("MySQL SQL is not translated for MySQL");
    }

    @Override
    String tablesQuery() {
        return "SHOW TABLES";
    }

    @Override
    String columnsQuery(String table) {
        return "DESCRIBE " + name(table);
    }

    @Override
    String setNames() {
        return "SET NAMES utf8mb4";
    }

    @Override
    boolean textHoldsNul() {
        return true;
    }

    @Override
    boolean hasDual() {
        return true;
    }

    @Override
    String allRowsAfter(String offset) {
        return null;
    }

    @Override
    String currentSchema() {
        return null;
    }

    @Override
    boolean sumsBooleans() {
        return true;
    }

    @Override
    String createSchema(String schema, boolean ifNotExists) {
        return "CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + name(schema);
    }

    @Override
    String dropSchema(String schema, boolean ifExists) {
        return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + name(schema);
    }

    @Override
    String useSchema(String schema) {
        return "USE " + name(schema);
    }

    @Override
    String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
        return "INSERT IGNORE INTO " + head + " " + rows;
    }
}
