package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.retort.Engine;
import dev.retort.it.TestDatabase;
import dev.retort.it.cdi.model.Item;

/**
 * One JTA transaction over two XA databases: Retort's session on H2 (chosen by retort.datasource among
 * two DataSource beans) and plain JDBC on PostgreSQL. Narayana commits both or rolls both back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPhaseCommitIT {
    private WeldContainer container;
    private TwoDatabaseService service;

    @BeforeAll
    void boot() throws SQLException {
        TestDatabase.POSTGRESQL.assumeAvailable();
        assumePreparedTransactions();
        postgres("CREATE TABLE IF NOT EXISTS cdi_2pc_notes (code VARCHAR(40) NOT NULL)");
        System.setProperty("retort.datasource", "h2");
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        try {
            container = WeldContainers.start("retort-2pc", TwoDatabases.class, TwoDatabaseService.class, Item.class);
        } finally {
            System.clearProperty("retort.datasource");
            System.clearProperty("retort.schema-management.strategy");
        }
        service = container.select(TwoDatabaseService.class).get();
    }

    @AfterAll
    void shutdown() throws SQLException {
        if (container != null) {
            container.shutdown();
            postgres("DROP TABLE IF EXISTS cdi_2pc_notes");
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        postgres("DELETE FROM cdi_2pc_notes");
        try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM cdi_items");
        }
    }

    @Test
    void retortUsesTheNamedDataSource() {
        assertThat(container.select(Engine.class).get().location())
                .isEqualTo("H2 through the DataSource bean 'h2' (jdbc:h2:mem:retort_cdi)");
    }

    @Test
    void commitReachesBothDatabases() throws SQLException {
        service.write("both", false);

        assertThat(codes(DriverManager.getConnection(XaPools.H2_URL), "cdi_items")).containsExactly("both");
        assertThat(codes(DriverManager.getConnection(TestDatabase.POSTGRESQL.url()), "cdi_2pc_notes")).containsExactly("both");
    }

    @Test
    void rollbackUndoesBothDatabases() throws SQLException {
        assertThatThrownBy(() -> service.write("neither", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Failing after writing neither to both databases");

        assertThat(codes(DriverManager.getConnection(XaPools.H2_URL), "cdi_items")).isEmpty();
        assertThat(codes(DriverManager.getConnection(TestDatabase.POSTGRESQL.url()), "cdi_2pc_notes")).isEmpty();
    }

    /** XA needs PREPARE TRANSACTION, which PostgreSQL disables unless max_prepared_transactions is above 0. */
    private static void assumePreparedTransactions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRESQL.url());
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SHOW max_prepared_transactions")) {
            setting.next();
            if (Integer.parseInt(setting.getString(1)) == 0) {
                String message = "TwoPhaseCommitIT skipped: the PostgreSQL server has max_prepared_transactions = 0, so it "
                        + "cannot take part in XA transactions; start it with -c max_prepared_transactions=20 (.ci/run does).";
                System.err.println("[retort] " + message);
                Assumptions.abort(message);
            }
        }
    }

    private static void postgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRESQL.url());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> codes(Connection connection, String table) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code FROM " + table + " ORDER BY code")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }
}
