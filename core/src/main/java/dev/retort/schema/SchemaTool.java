package dev.retort.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.retort.DatabaseException;
import dev.retort.dialect.Dialect;
import dev.retort.engine.SqlLog;
import dev.retort.sql.Index;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Creates and drops tables (with their indexes and sequences), like SQLAlchemy's
 * {@code metadata.create_all} / {@code drop_all}: tables that already exist are skipped, tables are
 * created in the order given (parents before children) and dropped in reverse. Stateless.
 */
public final class SchemaTool {
    private final Dialect dialect;
    private final SqlLog log;

    public SchemaTool(Dialect dialect, SqlLog log) {
        this.dialect = dialect;
        this.log = log;
    }

    /** Creates each table that does not exist yet; returns the names of those created. */
    public List<String> createAll(Connection connection, List<Table> tables) {
        List<String> created = new ArrayList<>();
        try {
            for (Table table : tables) {
                if (tableExists(connection, table.name())) {
                    continue;
                }
                List<Statement> statements = new ArrayList<>();
                if (dialect.supportsSequences()) {
                    table.sequence().ifPresent(sequence -> statements.add(new Statement.CreateSequence(sequence)));
                }
                statements.add(new Statement.CreateTable(table));
                for (Index index : table.indexes()) {
                    statements.add(new Statement.CreateIndex(table.name(), index));
                }
                for (Statement statement : statements) {
                    execute(connection, statement);
                }
                created.add(table.name());
            }
            commit(connection);
            return created;
        } catch (SQLException e) {
            throw new DatabaseException("Creating tables failed: " + e.getMessage(), e);
        }
    }

    /** Drops each table (and its sequence) if it exists, children first. */
    public void dropAll(Connection connection, List<Table> tables) {
        try {
            for (int i = tables.size() - 1; i >= 0; i--) {
                Table table = tables.get(i);
                execute(connection, new Statement.DropTable(table.name()));
                if (dialect.supportsSequences() && table.sequence().isPresent()) {
                    execute(connection, new Statement.DropSequence(table.sequence().get().name()));
                }
            }
            commit(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Dropping tables failed: " + e.getMessage(), e);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void execute(Connection connection, Statement statement) throws SQLException {
        String sql = dialect.compile(statement).sql();
        log.statement(sql, List.of(), 1);
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(sql);
        }
    }

    /**
     * Whether the table exists in the connection's current schema, under the name the database stores
     * for it (H2 upper-cases unquoted names, PostgreSQL lower-cases them).
     */
    public boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean quoted = !dialect.quote(name).equals(name);
        String stored = quoted ? name
                : metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                : metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        String escape = metaData.getSearchStringEscape();
        String pattern = escape == null ? stored : stored.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), currentSchema(connection), pattern,
                new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                String found = tables.getString("TABLE_NAME");
                if (found.equals(stored) || !quoted && found.equalsIgnoreCase(stored)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
