package dev.retort.jdbc;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

class PostgresSplitStatementsIT extends SplitStatementsContract {

    @Override
    String rawUrl() {
        return ServerUrls.require("RETORT_TEST_POSTGRES_URL");
    }

    @Override
    String target() {
        return "postgresql";
    }

    @Test
    void createDatabaseAndUseAreSchemas() throws SQLException {
        assertDatabasesAreSchemas("SELECT table_schema FROM information_schema.tables"
                + " WHERE table_name = 'sp_in_app'", "sp_app", "retort");
    }
}
