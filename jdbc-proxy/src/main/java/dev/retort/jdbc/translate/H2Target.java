package dev.retort.jdbc.translate;

import java.util.List;
import java.util.function.Consumer;

/** H2's spelling: identities restarted by ALTER TABLE, the column clause ON UPDATE, inserts that test keys. */
final class H2Target extends Target {

    static final H2Target INSTANCE = new H2Target();

    private H2Target() {
        super(Dialect.H2);
    }

    /** Never backwards: the next value is the larger of the largest id + 1 and the identity's own next value. */
    @Override
    String identityPastLargest(String table, String storedTable, String storedColumn) {
        String field = name(storedColumn);
        return "ALTER TABLE " + name(table) + " ALTER COLUMN " + field + " RESTART WITH (SELECT GREATEST(COALESCE(MAX("
                + field + "), 0) + 1, (SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                + " SCHEMA() AND TABLE_NAME = " + literal(storedTable) + " AND COLUMN_NAME = " + literal(storedColumn)
                + ")) FROM " + name(table) + ")";
    }

    @Override
    String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        return " ON UPDATE CURRENT_TIMESTAMP";
    }

    /** H2's own ignore-case text type. */
    @Override
    String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        return "VARCHAR_IGNORECASE" + (length < 0 ? "" : "(" + length + ")");
    }

    @Override
    String exactDivisionType() {
        return "DECIMAL(38, 10)";
    }

    @Override
    boolean hasUpdateFrom() {
        return false;
    }

    @Override
    String rowId() {
        return "_ROWID_";
    }

    @Override
    String tablesQuery() {
        return "SELECT TABLE_NAME AS \"Tables\" FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
    }

    @Override
    String columnsQuery(String table) {
        return "SELECT COLUMN_NAME AS \"Field\", DATA_TYPE AS \"Type\", IS_NULLABLE AS \"Null\","
                + " COLUMN_DEFAULT AS \"Default\" FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND TABLE_NAME = " + literal(table.toUpperCase(java.util.Locale.ROOT)) + " ORDER BY ORDINAL_POSITION";
    }

    @Override
    String setNames() {
        return "SET @retort_set_names = 1";
    }

    @Override
    boolean textHoldsNul() {
        return true;
    }

    @Override
    boolean hasDual() {
        return true;
    }

    @Override
    String offsetLimit(String offset, String count) {
        return "OFFSET " + offset + " ROWS FETCH NEXT " + count + " ROWS ONLY";
    }

    @Override
    String allRowsAfter(String offset) {
        return offset == null ? "" : "OFFSET " + offset + " ROWS";
    }

    @Override
    String serverVersion() {
        return "H2VERSION()";
    }

    /** Words H2 reserves that MySQL lets an application write as a bare name. */
    private static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of("VALUE", "YEAR", "MONTH", "DAY",
            "HOUR", "MINUTE", "SECOND", "TOP", "MINUS", "QUALIFY", "ROWNUM", "UNKNOWN");

    @Override
    boolean reservesName(String upper) {
        return RESERVED_NAMES.contains(upper);
    }

    @Override
    String startTransaction() {
        return "BEGIN";
    }

    @Override
    String useSchema(String schema) {
        return "SET SCHEMA " + name(schema);
    }

    @Override
    String oneKeyNeed() {
        return "needs one key for MERGE";
    }

    /** MERGE … KEY replaces the listed columns of the row with the key, or inserts it. */
    @Override
    String upsertCopying(String head, String rows, List<String> key, List<String> copied) {
        return "MERGE INTO " + head + " KEY (" + names(key) + ") " + rows;
    }

    @Override
    String newRow() {
        return "retort_row";
    }

    /** The standard MERGE: its WHEN MATCHED may use the current row and the new one, as MySQL's SET may. */
    @Override
    String upsert(String table, String head, String rows, List<String> columns, List<String> key,
                  String assignments) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String column : columns) {
            names.append(names.length() > 0 ? ", " : "").append(name(column));
            values.append(values.length() > 0 ? ", " : "").append("retort_row.").append(name(column));
        }
        return "MERGE INTO " + name(table) + " USING (" + rows + ") AS retort_row (" + names + ") ON "
                + matches(table, key) + " WHEN MATCHED THEN UPDATE SET " + assignments
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + values + ")";
    }

    private String matches(String table, List<String> key) {
        StringBuilder match = new StringBuilder();
        for (String column : key) {
            match.append(match.length() > 0 ? " AND " : "").append(name(table)).append('.').append(name(column))
                    .append(" = retort_row.").append(name(column));
        }
        return match.toString();
    }

    /** The rows no unique key of the table already holds: MySQL's IGNORE skips a conflict on any key. */
    @Override
    String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
        if (keys.isEmpty() || columns.isEmpty()) {
            return "INSERT INTO " + head + " " + rows;
        }
        StringBuilder names = new StringBuilder();
        for (String column : columns) {
            names.append(names.length() > 0 ? ", " : "").append(name(column));
        }
        StringBuilder conflict = new StringBuilder();
        for (List<String> key : keys) {
            if (!columns.containsAll(key)) {
                continue;
            }
            conflict.append(conflict.length() > 0 ? " OR " : "").append(matches(table, key));
        }
        if (conflict.length() == 0) {
            return "INSERT INTO " + head + " " + rows;
        }
        return "INSERT INTO " + name(table) + " (" + names + ") SELECT * FROM (" + rows + ") AS retort_row (" + names
                + ") WHERE NOT EXISTS (SELECT 1 FROM " + name(table) + " WHERE " + conflict + ")";
    }
}
