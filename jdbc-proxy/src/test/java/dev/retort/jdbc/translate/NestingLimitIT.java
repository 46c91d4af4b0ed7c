package dev.retort.jdbc.translate;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/** The nesting limit through the driver in front of the servers: MySQL SQL on PostgreSQL, PostgreSQL SQL on MariaDB. */
class NestingLimitIT {

    @Test
    void mysqlSqlOnPostgresql() throws SQLException {
        String url = "jdbc:retort:" + ServerUrls.require("RETORT_TEST_POSTGRES_URL").substring("jdbc:".length());
        NestingLimitTest.assertRefused(url, "mysql", "SELECT " + "IFNULL(".repeat(950) + "1" + ", 2)".repeat(950),
                NestingLimitTest.message(Dialect.MYSQL, Dialect.POSTGRESQL));
    }

    @Test
    void postgresqlSqlOnMariadb() throws SQLException {
        String url = "jdbc:retort:" + ServerUrls.require("RETORT_TEST_MARIADB_URL").substring("jdbc:".length());
        NestingLimitTest.assertRefused(url, "postgresql",
                "SELECT " + "COALESCE(".repeat(950) + "1" + ", 2)".repeat(950),
                NestingLimitTest.message(Dialect.POSTGRESQL, Dialect.MARIADB));
    }
}
