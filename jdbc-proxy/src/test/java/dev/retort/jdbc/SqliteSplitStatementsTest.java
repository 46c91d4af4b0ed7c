package dev.retort.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqliteSplitStatementsTest extends SplitStatementsContract {

    @Override
    String rawUrl() {
        return "jdbc:sqlite:file:split_statements?mode=memory&cache=shared";
    }

    @Override
    String target() {
        return "sqlite";
    }

    @Test
    void createDatabaseAndUseAreRefused() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException create = catchThrowableOfType(SQLException.class,
                    () -> statement.execute("CREATE DATABASE IF NOT EXISTS sp_app"));
            assertThat(create.getMessage()).isEqualTo("CREATE DATABASE cannot be translated from mysql to sqlite: sqlite has one"
                    + " database per connection and no schemas. To fix this, create the database file outside the"
                    + " application and name it in the JDBC URL.");
            assertThat(create.getSQLState()).isEqualTo("42000");
            SQLException use = catchThrowableOfType(SQLException.class, () -> statement.execute("USE sp_app"));
            assertThat(use.getMessage()).isEqualTo("USE cannot be translated from mysql to sqlite: a sqlite connection cannot"
                    + " switch databases. To fix this, name the database in the JDBC URL.");
        }
    }
}
