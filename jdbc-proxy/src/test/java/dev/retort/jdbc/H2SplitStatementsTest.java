package dev.retort.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

class H2SplitStatementsTest extends SplitStatementsContract {

    @Override
    String rawUrl() {
        return "jdbc:h2:mem:split_statements;DB_CLOSE_DELAY=-1";
    }

    @Override
    String target() {
        return "h2";
    }

    @Test
    void createDatabaseAndUseAreSchemas() throws SQLException {
        assertDatabasesAreSchemas("SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_NAME = 'SP_IN_APP'", "SP_APP", "public");
    }
}
