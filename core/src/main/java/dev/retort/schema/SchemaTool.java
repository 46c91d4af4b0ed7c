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
 * created in the order given (parents before children) and dropped in reverse. Also checks that the
 * tables and columns exist ({@link #validate}). Stateless.
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
                    if (!index.forForeignKey() || !dialect.indexesForeignKeys()) {
                        statements.add(new Statement.CreateIndex(table.name(), index));
                    }
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

    /** A table or column the mapping needs and the database lacks; {@code column} is null for a missing table. */
    public record Missing(String table, String column) {
    }

    /**
     * What the database lacks of the given tables: each missing table, and each missing column of the
     * tables that exist. Types and constraints are not compared. Empty when everything is there.
     */
    public List<Missing> validate(Connection connection, List<Table> tables) {
        List<Missing> missing = new ArrayList<>();
        try {
            for (Table table : tables) {
                java.util.Set<String> columns = columnsOf(connection, table.name());
                if (columns == null) {
                    missing.add(new Missing(table.name(), null));
                    continue;
                }
                for (dev.retort.sql.Column column : table.columns()) {
                    if (!columns.contains(column.name().toLowerCase(Locale.ROOT))) {
                        missing.add(new Missing(table.name(), column.name()));
                    }
                }
            }
            return missing;
        } catch (SQLException e) {
            throw new DatabaseException("Reading the schema to validate it failed: " + e.getMessage(), e);
        }
    }

    /** The table's column names in lower case, or null when the table does not exist. */
    private java.util.Set<String> columnsOf(Connection connection, String table) throws SQLException {
        String stored = storedName(connection, table);
        if (stored == null) {
            return null;
        }
        java.util.Set<String> columns = new java.util.HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet result = metaData.getColumns(connection.getCatalog(), currentSchema(connection),
                escaped(metaData, stored), "%")) {
            while (result.next()) {
                if (result.getString("TABLE_NAME").equals(stored)) {
                    columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void execute(Connection connection, Statement statement) throws SQLException {
        String sql = dialect.compile(statement).sql();
        log.statement(sql, List.of(), 1, false);
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(sql);
        }
    }

    /**
     * Whether the table exists in the connection's current schema, under the name the database stores
     * for it (H2 upper-cases unquoted names, PostgreSQL lower-cases them).
     */
    public boolean tableExists(Connection connection, String name) throws SQLException {
        return storedName(connection, name) != null;
    }

    /** The table's name as the database reports it, or null when the table does not exist. */
    private String storedName(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean quoted = !dialect.quote(name).equals(name);
        String stored = quoted ? name
                : metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                : metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), currentSchema(connection),
                escaped(metaData, stored), new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                String found = tables.getString("TABLE_NAME");
                if (found.equals(stored) || !quoted && found.equalsIgnoreCase(stored)) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code name} as a metadata search pattern that matches only itself ({@code _} and {@code %} escaped). */
    public static String escaped(DatabaseMetaData metaData, String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        return escape == null ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The connection's current schema, or null where the driver has none (MySQL, SQLite) or cannot say. */
    public static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }
}
