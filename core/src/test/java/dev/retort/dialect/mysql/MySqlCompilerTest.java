package dev.retort.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.DialectCompilerContract;
import dev.retort.dialect.Dialects;
import dev.retort.sql.SqlType;

class MySqlCompilerTest extends DialectCompilerContract {

    @Override
    protected String dialectName() {
        return "mariadb";
    }

    /** The SQL is the same for both servers; only MariaDB has sequences (SEQUENCE ids use AUTO_INCREMENT on MySQL). */
    @Test
    void onlyMariaDbHasSequences() {
        assertThat(Dialects.byName("mariadb").orElseThrow().supportsSequences()).isTrue();
        assertThat(Dialects.byName("mysql").orElseThrow().supportsSequences()).isFalse();
        assertThat(Dialects.forDatabaseProductName("MySQL").orElseThrow().supportsSequences()).isFalse();
    }

    @Override
    protected String createUsersTable() {
        return "CREATE TABLE users (id BIGINT AUTO_INCREMENT NOT NULL, name VARCHAR(100) NOT NULL, "
                + "email VARCHAR(255), balance DECIMAL(12, 2), PRIMARY KEY (id), UNIQUE (email))";
    }

    @Override
    protected List<String> longStringTypeNames() {
        return List.of("VARCHAR(4095)", "TEXT", "TEXT", "MEDIUMTEXT", "MEDIUMTEXT", "LONGTEXT", "LONGTEXT");
    }

    @Override
    protected Map<SqlType, String> typeNames() {
        return changed(super.typeNames(), Map.ofEntries(
                Map.entry(SqlType.REAL, "FLOAT"),
                Map.entry(SqlType.DOUBLE, "DOUBLE"),
                Map.entry(SqlType.TIMESTAMP, "DATETIME(6)"),
                Map.entry(SqlType.TIMESTAMP_WITH_TIME_ZONE, "DATETIME(6)"),
                Map.entry(SqlType.UUID, "CHAR(36)"),
                Map.entry(SqlType.BINARY, "LONGBLOB")));
    }

    /** MariaDB's sequences (10.3+); MySQL 8 has none. */

    @Override
    protected List<String> limitOffsetSelects() {
        return List.of("SELECT id FROM users LIMIT ?", "SELECT id FROM users LIMIT 18446744073709551615 OFFSET ?",
                "SELECT id FROM users LIMIT ? OFFSET ?");
    }

    @Override
    protected String insertDefaultValues() {
        return "INSERT INTO counters () VALUES ()";
    }

    @Override
    protected String quotedSelect() {
        return "SELECT id, `select`, `firstName` FROM `order` WHERE `user` = ? AND `UserAccount` IS NOT NULL "
                + "ORDER BY `firstName` DESC";
    }

    @Override
    protected String quotedInsert() {
        return "INSERT INTO `user` (`select`, `firstName`, name) VALUES (?, ?, ?)";
    }

    @Override
    protected Map<String, String> quotedIdentifiers() {
        return Map.ofEntries(Map.entry("user", "`user`"), Map.entry("order", "`order`"),
                Map.entry("year", "`year`"), Map.entry("UserAccount", "`UserAccount`"),
                Map.entry("ORDERS", "`ORDERS`"), Map.entry("2fa", "`2fa`"), Map.entry("we\"ird", "`we\"ird`"),
                Map.entry("back`tick", "`back``tick`"), Map.entry("first_name", "first_name"), Map.entry("_tmp", "_tmp"),
                Map.entry("lock", "`lock`"), Map.entry("ilike", "ilike"));
    }

    @Override
    protected List<String> accountDdl() {
        return List.of("CREATE TABLE `user` (id BIGINT AUTO_INCREMENT NOT NULL, "
                        + "first_name VARCHAR(50) NOT NULL, last_name VARCHAR(255), email VARCHAR(255), "
                        + "balance DECIMAL(10, 2), status VARCHAR(255), version INTEGER NOT NULL, PRIMARY KEY (id), "
                        + "UNIQUE (email), UNIQUE (first_name, last_name))",
                "CREATE INDEX ix_user_last_name_first_name ON `user` (last_name, first_name)",
                "CREATE UNIQUE INDEX ux_user_email ON `user` (email)");
    }

    @Override
    protected String ilikeSelect() {
        return "SELECT id FROM users WHERE LOWER(name) LIKE LOWER(?) AND name NOT LIKE ? AND email LIKE ?";
    }

    @Override
    protected String concatSelect() {
        return "SELECT CONCAT(name, ?, email) FROM users";
    }

    @Override
    protected String lengthAndNowSelect() {
        return "SELECT CHAR_LENGTH(name), NOW(6) FROM users";
    }

    @Override
    protected String nullsOrderingSelect() {
        return "SELECT id FROM users ORDER BY (age IS NULL) DESC, age, (name IS NULL), name DESC";
    }

    @Override
    protected String fullJoinSqlOrError() {
        return "FULL OUTER JOIN is not supported by MySQL/MariaDB. To fix this, combine a LEFT JOIN with the rows of the right table that match nothing (UNION ALL), or run it on a database that has it (PostgreSQL, SQLite).";
    }
}
