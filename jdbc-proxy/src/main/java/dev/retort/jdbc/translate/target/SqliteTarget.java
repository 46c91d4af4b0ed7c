package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import java.util.List;
import java.util.function.Consumer;

/** SQLite's spelling: the row id as identity, AFTER UPDATE triggers, INSERT OR IGNORE. */
final class SqliteTarget extends Target {

    public static final SqliteTarget INSTANCE = new SqliteTarget();

    private SqliteTarget() {
        super(Dialect.SQLITE);
    }

    /**
     * The INTEGER PRIMARY KEY is the row id, which already continues after the largest id. A start needs
     * AUTOINCREMENT and a row in sqlite_sequence, written only when the table has none yet. Row ids need no
     * CHECK.
     */
    @Override
    public String identityColumn(String table, String column, String integerType, String rest, String check,
                          long start, Consumer<String> after) {
        if (start == 1) {
            return name(column) + " INTEGER" + (rest.isEmpty() ? "" : " " + rest);
        }
        after.accept("INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(table) + ", " + (start - 1)
                + " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = " + literal(table) + ")");
        return name(column) + " INTEGER PRIMARY KEY AUTOINCREMENT" + (rest.isEmpty() ? ""
                : " " + rest.replaceAll("(?i)\\bPRIMARY\\s+KEY\\b", "").trim());
    }

    @Override
    public String allRowsAfter(String offset) {
        return offset == null ? "" : "LIMIT -1 OFFSET " + offset;
    }

    @Override
    public String serverVersion() {
        return "sqlite_version()";
    }

    /** The schema of the database file the connection opened. */
    @Override
    public String currentSchema() {
        return "'main'";
    }

    @Override
    public boolean hasExtract() {
        return false;
    }

    @Override
    public boolean hasInformationSchema() {
        return false;
    }

    /** Comparisons are integers 1 and 0 already. */
    @Override
    public boolean sumsBooleans() {
        return true;
    }

    @Override
    public boolean integerPrimaryKeyIsRowId() {
        return true;
    }

    @Override
    public String identityPastLargest(String table, String storedTable, String storedColumn) {
        return null;
    }

    /** After an update that changed the row but left the column as it was; triggers do not recurse by default. */
    @Override
    public String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        StringBuilder changed = new StringBuilder();
        for (String other : columns) {
            if (!other.equalsIgnoreCase(column)) {
                changed.append(changed.length() > 0 ? " OR " : "").append("NEW.").append(name(other))
                        .append(" IS NOT OLD.").append(name(other));
            }
        }
        String field = name(column);
        after.accept("CREATE TRIGGER IF NOT EXISTS " + name("retort_" + table + "_" + column + "_on_update")
                + " AFTER UPDATE ON " + name(table) + " FOR EACH ROW WHEN NEW." + field + " IS OLD." + field
                + (changed.length() == 0 ? "" : " AND (" + changed + ")") + " BEGIN UPDATE " + name(table) + " SET "
                + field + " = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid; END");
        return "";
    }

    /** The column's collation: ASCII letters compare without case (SQLite's NOCASE knows no others). */
    @Override
    public String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        return written + " COLLATE NOCASE";
    }

    @Override
    public boolean primaryKeyAcceptsNull() {
        return true;
    }

    @Override
    public boolean currentTimestampInUtc() {
        return true;
    }

    @Override
    public boolean defaultExpressionsInParentheses() {
        return true;
    }

    @Override
    public boolean hasBooleanType() {
        return false;
    }

    @Override
    public String nativeReplace(String head, String rows) {
        return "REPLACE INTO " + head + " " + rows;
    }

    @Override
    public boolean storageClassesOnly() {
        return true;
    }

    @Override
    public String nullSafeEquals() {
        return "IS";
    }

    @Override
    public String exactDivisionType() {
        return "REAL";
    }

    @Override
    public String integerDivision(String left, String right) {
        return "CAST(CAST(" + left + " AS REAL) / " + right + " AS INTEGER)";
    }

    @Override
    public String literalWithoutCase() {
        return " COLLATE NOCASE";
    }

    @Override
    public boolean likeIgnoresCase() {
        return true;
    }

    @Override
    public boolean likeNeedsEscapeClause() {
        return true;
    }

    @Override
    public boolean locksRows() {
        return false;
    }

    @Override
    public String rowId() {
        return "rowid";
    }

    @Override
    public boolean hasTruncate() {
        return false;
    }

    @Override
    public String tablesQuery() {
        return "SELECT name AS \"Tables\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                + " 'sqlite_%' ORDER BY name";
    }

    @Override
    public String columnsQuery(String table) {
        return "SELECT name AS \"Field\", type AS \"Type\", CASE WHEN \"notnull\" = 1 THEN 'NO' ELSE 'YES'"
                + " END AS \"Null\", dflt_value AS \"Default\" FROM pragma_table_info(" + literal(table)
                + ") ORDER BY cid";
    }

    @Override
    public String setNames() {
        return "PRAGMA encoding = 'UTF-8'";
    }

    @Override
    public boolean typedLiteralsAsText() {
        return true;
    }

    @Override
    public String startTransaction() {
        return "BEGIN";
    }

    @Override
    public String createSchema(String schema, boolean ifNotExists) {
        return null;
    }

    @Override
    public String dropSchema(String schema, boolean ifExists) {
        return null;
    }

    @Override
    public String useSchema(String schema) {
        return null;
    }

    @Override
    public String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
        return "INSERT OR IGNORE INTO " + head + " " + rows;
    }
}
