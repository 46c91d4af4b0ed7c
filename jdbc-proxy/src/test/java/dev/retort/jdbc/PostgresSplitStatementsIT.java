package dev.retort.jdbc;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("USE sp_app");
            statement.execute("CREATE TABLE sp_in_app (id INT PRIMARY KEY)");
            assertThat(rows(statement.executeQuery("SELECT table_schema FROM information_schema.tables"
                    + " WHERE table_name = 'sp_in_app'"))).containsExactly("sp_app");
            statement.execute("USE retort");
            statement.execute("DROP DATABASE sp_app");
        }
    }
}
