package dev.retort.jdbc.translate.rewrite;

import dev.retort.jdbc.translate.target.Target;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rules need to know about tables on the target, read from {@link DatabaseMetaData} once per
 * table and kept until DDL passes through the translator. Thread-safe.
 */
public final class SchemaFacts {

    /**
     * A column's name as stored, JDBC type, the database's name for the type, scale, and whether the database
     * numbers it (an identity).
     */
    public record Column(String name, int jdbcType, String typeName, int scale, boolean autoIncrement,
                         boolean ownCollation) {
        /**
         * Whether the column holds text the database compares with case under its default collation, which the
         * case-insensitive mode rewrites: a character type other than PostgreSQL's {@code citext} (reported as
         * OTHER) and H2's {@code VARCHAR_IGNORECASE}, without a collation of its own (a nondeterministic or
         * {@code "C"} collation on PostgreSQL, {@code COLLATE NOCASE} or {@code BINARY} on SQLite, a column the
         * translator marked case-sensitive on H2: see {@link Target#columnsWithOwnCollation}).
         */
        public boolean caseSensitiveText() {
            boolean text = jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.LONGVARCHAR
                    || jdbcType == Types.NVARCHAR || jdbcType == Types.NCHAR || jdbcType == Types.LONGNVARCHAR
                    || jdbcType == Types.CLOB || jdbcType == Types.NCLOB;
            String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
            return text && !ownCollation && !type.contains("IGNORECASE") && !type.equals("CITEXT");
        }

        public boolean bool() {
            return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
        }

        boolean integer() {
            return jdbcType == Types.INTEGER || jdbcType == Types.BIGINT || jdbcType == Types.SMALLINT
                    || jdbcType == Types.TINYINT;
        }

        public boolean exact() {
            return integer() || jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC;
        }
    }

    /**
     * The table's name as stored, its columns by lower-case name in table order, and the column lists of the
     * primary and unique keys.
     */
    public record Table(String name, Map<String, Column> columns, List<List<String>> uniqueKeys) {
        public boolean exists() {
            return !columns.isEmpty();
        }

        /** The column the database numbers, or null; on SQLite the INTEGER primary key, its row id. */
        public Column identity(Target target) {
            for (Column column : columns.values()) {
                if (column.autoIncrement()) {
                    return column;
                }
            }
            if (target.integerPrimaryKeyIsRowId() && !uniqueKeys.isEmpty() && uniqueKeys.get(0).size() == 1) {
                Column key = columns.get(uniqueKeys.get(0).get(0));
                return key != null && key.jdbcType() == Types.INTEGER ? key : null;
            }
            return null;
        }
    }

    private static final Table NONE = new Table("", Map.of(), List.of());

    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Target target;
    /** Whether columns with a collation of their own are looked up (only MySQL's case-insensitive emulation asks). */
    private final boolean readsCollations;

    public SchemaFacts(Target target, boolean readsCollations) {
        this.target = target;
        this.readsCollations = readsCollations;
    }

    /** The facts of {@code table} (a name as the application wrote it), read on first use. */
    public Table table(Connection connection, String table) {
        if (connection == null) {
            return NONE;
        }
        String key = table.toLowerCase(Locale.ROOT);
        Table known = tables.get(key);
        if (known != null) {
            return known;
        }
        Table read = read(connection, table);
        if (read == null) {
            return NONE;
        }
        tables.put(key, read);
        return read;
    }

    public void forget() {
        tables.clear();
    }

    /**
     * Tries the name as written, then folded to upper and lower case (H2 and PostgreSQL fold). Null when the
     * metadata could not be read (an aborted transaction, missing privileges): not cached, asked again later.
     */
    private Table read(Connection connection, String table) {
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
                Map<String, Column> columns = columns(metaData, candidate);
                if (!columns.isEmpty()) {
                    Set<String> own = readsCollations ? target.columnsWithOwnCollation(connection, candidate) : Set.of();
                    columns.replaceAll((key, column) -> own.contains(key) ? new Column(column.name(),
                            column.jdbcType(), column.typeName(), column.scale(), column.autoIncrement(), true)
                            : column);
                    return new Table(candidate, columns, uniqueKeys(metaData, candidate));
                }
            }
        } catch (SQLException unreadable) {
            return null;
        }
        return NONE;
    }

    private static Map<String, Column> columns(DatabaseMetaData metaData, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getColumns(null, null, table, "%")) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                columns.putIfAbsent(name.toLowerCase(Locale.ROOT),
                        new Column(name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                                rows.getInt("DECIMAL_DIGITS"),
                                "YES".equals(rows.getString("IS_AUTOINCREMENT")), false));
            }
        }
        return columns;
    }

    private static List<List<String>> uniqueKeys(DatabaseMetaData metaData, String table) throws SQLException {
        Map<String, List<String>> byIndex = new TreeMap<>();
        try (ResultSet rows = metaData.getPrimaryKeys(null, null, table)) {
            while (rows.next()) {
                byIndex.computeIfAbsent(" primary", k -> new ArrayList<>())
                        .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        try (ResultSet rows = metaData.getIndexInfo(null, null, table, true, false)) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                String index = rows.getString("INDEX_NAME");
                if (column != null && index != null) {
                    byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (List<String> columns : byIndex.values()) {
            if (!keys.contains(columns)) {
                keys.add(List.copyOf(columns));
            }
        }
        return keys;
    }
}
