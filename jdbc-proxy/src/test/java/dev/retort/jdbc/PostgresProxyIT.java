package dev.retort.jdbc;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresProxyIT extends ProxyContractSuite {

    private static String url;

    @BeforeAll
    static void requireServer() {
        url = ServerUrls.require("RETORT_TEST_POSTGRES_URL");
    }

    @Override
    String rawUrl() {
        return url;
    }

    @Override
    String prefix() {
        return "pg";
    }

    @Override
    String binaryType() {
        return "BYTEA";
    }

    @Override
    String identityColumn() {
        return "id SERIAL PRIMARY KEY";
    }

    @Override
    Class<?> vendorConnectionClass() {
        return org.postgresql.PGConnection.class;
    }

    @Override
    Class<?> vendorStatementClass() {
        return org.postgresql.PGStatement.class;
    }

    @Test
    void aMultiStatementExecuteWalksTheSameResultsAsTheRawDriver() throws SQLException {
        String sql = "SELECT 1 AS one; UPDATE " + people() + " SET name = 'x' WHERE id = 0; SELECT 'two'";
        List<String> viaProxy;
        try (Connection connection = proxied(); Statement statement = connection.createStatement()) {
            viaProxy = walk(statement, sql);
            assertThat(listener.summaries(connection)).containsExactly("QUERY rows=1 | " + sql);
        }
        try (Connection connection = raw(); Statement statement = connection.createStatement()) {
            assertThat(viaProxy).isEqualTo(walk(statement, sql))
                    .containsExactly("rows [1]", "count 0", "rows [two]", "count -1");
        }
    }

    private static List<String> walk(Statement statement, String sql) throws SQLException {
        List<String> results = new ArrayList<>();
        boolean isResultSet = statement.execute(sql);
        while (true) {
            if (isResultSet) {
                results.add("rows " + rows(statement.getResultSet()));
            } else {
                int count = statement.getUpdateCount();
                results.add("count " + count);
                if (count == -1) {
                    return results;
                }
            }
            isResultSet = statement.getMoreResults();
        }
    }

    @Test
    void callableStatementsWithOutParametersMatchTheRawDriver() throws SQLException {
        String viaProxy;
        try (Connection connection = proxied()) {
            viaProxy = callUpper(connection);
            // PostgreSQL reports a function call with OUT parameters as "no result set, update count -1"
            assertThat(listener.summaries(connection)).containsExactly("UPDATE rows=-1 | {? = call upper('o''neil')}");
        }
        try (Connection connection = raw()) {
            assertThat(viaProxy).isEqualTo(callUpper(connection)).isEqualTo("O'NEIL");
        }
    }

    private static String callUpper(Connection connection) throws SQLException {
        try (CallableStatement call = connection.prepareCall("{? = call upper(?)}")) {
            call.registerOutParameter(1, Types.VARCHAR);
            call.setString(2, "o'neil");
            call.execute();
            return call.getString(1);
        }
    }
}
