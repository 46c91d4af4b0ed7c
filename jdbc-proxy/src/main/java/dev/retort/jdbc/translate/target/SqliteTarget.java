package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Tokenizer;
import dev.retort.jdbc.translate.lex.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** SQLite's spelling: the row id as identity, AFTER UPDATE triggers, INSERT OR IGNORE. */
final class SqliteTarget extends Target {

    public static final SqliteTarget INSTANCE = new SqliteTarget();

    @Override
    public String displayName() {
        return "SQLite";
    }

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

    /** An explicit {@code COLLATE BINARY}, SQLite's default, which {@link #columnsWithOwnCollation} sees. */
    @Override
    public String caseSensitiveText(String table, String column, String written, Consumer<String> after) {
        return written + " COLLATE BINARY";
    }

    /**
     * Columns declared with a {@code COLLATE} (NOCASE, BINARY, RTRIM or the application's own): SQLite's
     * metadata does not show collations, so this reads the table's CREATE statement as SQLite keeps it.
     */
    @Override
    public Set<String> columnsWithOwnCollation(Connection connection, String table) throws SQLException {
        String create = null;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                create = rows.next() ? rows.getString(1) : null;
            }
        }
        Set<String> columns = new HashSet<>();
        if (create == null) {
            return columns;
        }
        Tokens t = Tokenizer.tokenize(create, Dialect.SQLITE);
        int open = 0;
        while (open < t.count && t.kind[open] != Tokens.OPEN) {
            open++;
        }
        if (open == t.count) {
            return columns;
        }
        int close = t.partner[open];
        int element = t.next(open, close);
        while (element < close) {
            int end = element;
            boolean collate = false;
            while (end < close && t.kind[end] != Tokens.COMMA) {
                collate |= t.word(end, "COLLATE");
                end = t.kind[end] == Tokens.OPEN ? t.partner[end] + 1 : end + 1;
            }
            if (collate && (t.kind[element] == Tokens.WORD || t.kind[element] == Tokens.QUOTED_NAME)) {
                columns.add(unquoted(t.text(element)).toLowerCase(Locale.ROOT));
            }
            element = end < close ? t.next(end, close) : close;
        }
        return columns;
    }

    private static String unquoted(String name) {
        char first = name.charAt(0);
        if (first == '"' || first == '`' || first == '[') {
            String inner = name.substring(1, name.length() - 1);
            return first == '[' ? inner : inner.replace(String.valueOf(first) + first, String.valueOf(first));
        }
        return name;
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

    @Override
    public boolean hasInstr() {
        return true;
    }

    @Override
    public String octetLength(String value) {
        return "LENGTH(CAST(" + value + " AS BLOB))";
    }

    @Override
    public String charLengthFunction() {
        return "LENGTH";
    }

    @Override
    public String random() {
        return "(ABS(RANDOM()) / 9223372036854775808.0)";
    }

    @Override
    public boolean hasMod() {
        return false;
    }

    @Override
    public boolean hasRepeat() {
        return false;
    }

    @Override
    public boolean concatenatesAnyType() {
        return true;
    }

    @Override
    public boolean hasLeftRight() {
        return false;
    }

    @Override
    public boolean truncatesByScaling() {
        return true;
    }

    /** SQLite's scalar MAX and MIN are NULL when an argument is, as MySQL's GREATEST and LEAST. */
    @Override
    public String nullPropagatingGreatest(boolean greatest, String args) {
        return (greatest ? "MAX(" : "MIN(") + args + ")";
    }

    @Override
    public String castToInteger(String value) {
        return "CAST(ROUND(" + value + ") AS INTEGER)";
    }

    @Override
    public String castToDate(String value) {
        return "DATE(" + value + ")";
    }

    /**
     * DATETIME(value), which keeps whole seconds, as MySQL's DATETIME; with fractional seconds (DATETIME(6),
     * PostgreSQL's timestamp) a literal already in SQLite's form stays as written, other values go through
     * STRFTIME's {@code %f} (milliseconds, SQLite's finest).
     */
    @Override
    public String castToTimestamp(String value, String size) {
        if (size.isEmpty() || size.replaceAll("[\\s()]", "").equals("0")) {
            return "DATETIME(" + value + ")";
        }
        if (CANONICAL_TIMESTAMP.matcher(value).matches()) {
            return value;
        }
        return value.matches("'[^']*\\.[0-9]+'") || !value.startsWith("'")
                ? "STRFTIME('%Y-%m-%d %H:%M:%f', " + value + ")" : "DATETIME(" + value + ")";
    }

    /** A timestamp literal with fractional seconds, as SQLite's date functions read and write it. */
    private static final java.util.regex.Pattern CANONICAL_TIMESTAMP = java.util.regex.Pattern.compile(
            "'[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{1,9}'");

    @Override
    public String castToTime(String value, String size) {
        return "TIME(" + value + ")";
    }

    @Override
    public String doubleType() {
        return "REAL";
    }

    /** SQLite keeps no declared scale, so the cast rounds as MySQL does. */
    @Override
    public String castToDecimal(String value, String size) {
        int comma = size.indexOf(',');
        String scale = comma < 0 ? "0" : size.substring(comma + 1, size.length() - 1).trim();
        return "ROUND(CAST(" + value + " AS REAL), " + scale + ")";
    }

    @Override
    public boolean datesAsText() {
        return true;
    }

    /** SQLite keeps milliseconds at most. */
    @Override
    public String localTimestamp(String digits) {
        return digits.equals("0") ? "DATETIME('now', 'localtime')"
                : digits.equals("3") ? "STRFTIME('%Y-%m-%d %H:%M:%f', 'now', 'localtime')" : null;
    }

    @Override
    public String currentDate() {
        return "DATE('now', 'localtime')";
    }

    @Override
    public String currentTime() {
        return "TIME('now', 'localtime')";
    }

    @Override
    public String utcTimestamp() {
        return "DATETIME('now')";
    }

    @Override
    public String utcDate() {
        return "DATE('now')";
    }

    @Override
    public boolean hasMySqlDateFunction() {
        return true;
    }

    @Override
    public String lastDay(String value) {
        return "DATE(" + value + ", 'start of month', '+1 month', '-1 day')";
    }

    @Override
    public String datePart(String field, String value) {
        String format = switch (field) {
            case "YEAR" -> "%Y";
            case "MONTH" -> "%m";
            case "DAY" -> "%d";
            case "HOUR" -> "%H";
            case "MINUTE" -> "%M";
            default -> "%S";
        };
        return "CAST(STRFTIME('" + format + "', " + value + ") AS INTEGER)";
    }

    /** strftime formats; "" where SQLite has none. */
    private static final java.util.Map<Character, String> PATTERNS = patterns("Y=%Y m=%m d=%d H=%H i=%M s=%S S=%S"
            + " j=%j T=%H:%M:%S %=%%");

    @Override
    public String datePattern(char specifier) {
        return PATTERNS.get(specifier);
    }

    @Override
    public String datePatternText(String text) {
        return text.replace("%", "%%");
    }

    @Override
    public String formatDate(String value, String pattern) {
        return "STRFTIME(" + pattern + ", " + value + ")";
    }

    @Override
    public boolean parsesIsoDatesOnly() {
        return true;
    }

    @Override
    public String addToDate(String base, boolean literalBase, String scaled, String unit, boolean dateOnly) {
        String function = dateOnly ? "DATE(" : "DATETIME(";
        String modifier = "(" + scaled + ") || ' " + unit.toLowerCase(java.util.Locale.ROOT) + "s'";
        String shifted = function + base + ", " + modifier + ")";
        if (!addToDateRepeatsOperands(unit)) {
            return shifted;
        }
        // SQLite rolls 31 January + 1 month over into March; MySQL clamps to the month's last day
        return "CASE WHEN STRFTIME('%d', " + shifted + ") = STRFTIME('%d', " + base + ") THEN " + shifted
                + " ELSE " + function + base + ", " + modifier + ", 'start of month', '-1 day') END";
    }

    @Override
    public boolean addToDateRepeatsOperands(String unit) {
        return unit.equals("MONTH") || unit.equals("YEAR");
    }

    @Override
    public String daysBetween(String a, String b) {
        return "CAST(JULIANDAY(DATE(" + a + ")) - JULIANDAY(DATE(" + b + ")) AS INTEGER)";
    }

    @Override
    public String unitsBetween(String a, String b, long seconds) {
        return "((CAST(STRFTIME('%s', " + b + ") AS INTEGER) - CAST(STRFTIME('%s', " + a + ") AS INTEGER)) / "
                + seconds + ")";
    }

    @Override
    public String unixTimestamp(String value) {
        return "CAST(STRFTIME('%s', " + (value == null ? "'now'" : value) + ") AS INTEGER)";
    }

    @Override
    public String fromUnixTime(String seconds) {
        return "DATETIME(" + seconds + ", 'unixepoch', 'localtime')";
    }
}
