package dev.retort.migrate.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.schema.SchemaTool;
import dev.retort.migrate.SchemaSnapshot.ColumnShape;
import dev.retort.migrate.SchemaSnapshot.ForeignKeyShape;
import dev.retort.migrate.SchemaSnapshot.IndexShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;
import dev.retort.migrate.SchemaSnapshot.UniqueShape;

/**
 * Reads the tables of a connection's current schema through {@link DatabaseMetaData} into a
 * {@link SchemaSnapshot}, leaving out Flyway's history table and SQLite's own tables. The index that backs
 * the primary key is not an index of the snapshot; unique indexes are its unique constraints. Stateless.
 */
public final class SchemaReader {
    /** Flyway's default history table, never part of the application's schema. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private final Dialect dialect;

    public SchemaReader(Dialect dialect) {
        this.dialect = dialect;
    }

    public SchemaSnapshot read(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = SchemaTool.currentSchema(connection);
        Map<String, TableShape> tables = new TreeMap<>();
        for (String table : tableNames(metaData, catalog, schema)) {
            List<String> primaryKey = primaryKey(metaData, catalog, schema, table);
            Set<UniqueShape> uniques = new LinkedHashSet<>();
            Set<IndexShape> indexes = new LinkedHashSet<>();
            readIndexes(metaData, catalog, schema, table, primaryKey, uniques, indexes);
            tables.put(lower(table), new TableShape(lower(table), columns(metaData, catalog, schema, table, primaryKey),
                    primaryKey, uniques, indexes, foreignKeys(metaData, catalog, schema, table)));
        }
        return new SchemaSnapshot(tables, sequences(connection, catalog, schema));
    }

    /**
     * The sequences of the schema, lower case: as JDBC metadata lists them (PostgreSQL, MariaDB), or from H2's
     * own catalogue, its metadata listing none.
     */
    private Set<String> sequences(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        if (!dialect.supportsSequences()) {
            return names;
        }
        boolean h2 = dialect.name().equals("h2");
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet result = h2 ? statement.executeQuery(H2_SEQUENCES)
                     : connection.getMetaData().getTables(catalog, schema, "%", new String[] {"SEQUENCE"})) {
            while (result.next()) {
                names.add(lower(result.getString(h2 ? "SEQUENCE_NAME" : "TABLE_NAME")));
            }
        }
        return names;
    }

    /** A read of H2's own catalogue (no DDL): the sequences of the current schema. */
    private static final String H2_SEQUENCES = "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES "
            + "WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA";

    private static List<String> tableNames(DatabaseMetaData metaData, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet result = metaData.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (result.next()) {
                String name = result.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(HISTORY_TABLE) && !name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private Map<String, ColumnShape> columns(DatabaseMetaData metaData, String catalog, String schema, String table,
                                             List<String> primaryKey) throws SQLException {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        try (ResultSet result = metaData.getColumns(catalog, schema, SchemaTool.escaped(metaData, table), "%")) {
            while (result.next()) {
                if (!result.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                String name = lower(result.getString("COLUMN_NAME"));
                String type = TypeNames.canonical(result.getString("TYPE_NAME"), result.getInt("COLUMN_SIZE"),
                        result.getInt("DECIMAL_DIGITS"), reportsDecimalSizes());
                // Key columns are NOT NULL whatever the driver says (SQLite reports its rowid alias nullable).
                boolean nullable = result.getInt("NULLABLE") == DatabaseMetaData.columnNullable && !primaryKey.contains(name);
                String defaultValue = result.getString("COLUMN_DEF");
                if (defaultValue != null && defaultValue.equalsIgnoreCase("NULL")) {
                    defaultValue = null; // MariaDB's way of saying "no default" for a nullable column
                }
                columns.put(name, new ColumnShape(name, type, nullable, defaultValue));
            }
        }
        return columns;
    }

    /** SQLite's driver reports a declared NUMERIC(12, 3) with a made-up precision: compare decimals without sizes there. */
    private boolean reportsDecimalSizes() {
        return reportsDecimalSizes(dialect);
    }

    /** Whether the dialect's driver reports a decimal's precision and scale as declared (all but SQLite's). */
    static boolean reportsDecimalSizes(Dialect dialect) {
        return !dialect.name().equals("sqlite");
    }

    private static List<String> primaryKey(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet result = metaData.getPrimaryKeys(catalog, schema, table)) {
            while (result.next()) {
                columns.put(result.getInt("KEY_SEQ"), lower(result.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(columns.values());
    }

    private void readIndexes(DatabaseMetaData metaData, String catalog, String schema, String table,
                                    List<String> primaryKey, Set<UniqueShape> uniques, Set<IndexShape> indexes)
            throws SQLException {
        Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (ResultSet result = metaData.getIndexInfo(catalog, schema, table, false, false)) {
            while (result.next()) {
                String name = result.getString("INDEX_NAME");
                if (name == null || result.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                columns.computeIfAbsent(name, key -> new TreeMap<>())
                        .put(result.getInt("ORDINAL_POSITION"), lower(result.getString("COLUMN_NAME")));
                unique.put(name, !result.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, String> constraints = uniqueConstraintsByIndex(metaData.getConnection(), table);
        columns.forEach((name, positions) -> {
            List<String> names = List.copyOf(positions.values());
            if (!unique.get(name)) {
                indexes.add(new IndexShape(lower(name), names));
            } else if (!names.equals(primaryKey)) {
                uniques.add(new UniqueShape(lower(constraints.getOrDefault(name, name)), names));
            }
        });
    }

    /**
     * H2 names a unique constraint's index apart from the constraint ({@code CONSTRAINT_INDEX_4} backs
     * {@code CONSTRAINT_4}), and only the constraint's name drops it; JDBC metadata tells only the index's.
     * Elsewhere the two names are one (PostgreSQL, MySQL) or never used (SQLite copies the table instead).
     */
    private Map<String, String> uniqueConstraintsByIndex(Connection connection, String table) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (!dialect.name().equals("h2")) {
            return names;
        }
        try (java.sql.PreparedStatement statement = connection.prepareStatement(H2_UNIQUE_CONSTRAINTS)) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.put(result.getString(2), result.getString(1));
                }
            }
        }
        return names;
    }

    /** A read of H2's own catalogue (no DDL): which unique constraint each index backs. */
    private static final String H2_UNIQUE_CONSTRAINTS = "SELECT CONSTRAINT_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
            + "WHERE CONSTRAINT_TYPE = 'UNIQUE' AND TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?";

    private static Set<ForeignKeyShape> foreignKeys(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Set<ForeignKeyShape> keys = new LinkedHashSet<>();
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        String name = null;
        String referencedTable = null;
        try (ResultSet result = metaData.getImportedKeys(catalog, schema, table)) {
            while (result.next()) {
                if (result.getInt("KEY_SEQ") == 1 && !columns.isEmpty()) {
                    keys.add(new ForeignKeyShape(name, columns, referencedTable, referenced));
                    columns.clear();
                    referenced.clear();
                }
                String fkName = result.getString("FK_NAME");
                name = fkName == null || fkName.isEmpty() ? null : lower(fkName);
                referencedTable = lower(result.getString("PKTABLE_NAME"));
                columns.add(lower(result.getString("FKCOLUMN_NAME")));
                referenced.add(lower(result.getString("PKCOLUMN_NAME")));
            }
        }
        if (!columns.isEmpty()) {
            keys.add(new ForeignKeyShape(name, columns, referencedTable, referenced));
        }
        return keys;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
