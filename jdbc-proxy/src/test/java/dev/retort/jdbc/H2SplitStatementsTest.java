package dev.retort.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("CREATE DATABASE IF NOT EXISTS sp_app");
            statement.execute("USE sp_app");
            statement.execute("CREATE TABLE sp_in_app (id INT PRIMARY KEY)");
            assertThat(rows(statement.executeQuery("SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'SP_IN_APP'"))).containsExactly("SP_APP");
            statement.execute("USE public");
            statement.execute("DROP DATABASE sp_app");
        }
    }
}
