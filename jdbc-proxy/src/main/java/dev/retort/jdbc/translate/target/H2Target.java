package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** H2's spelling: identities restarted by ALTER TABLE, the column clause ON UPDATE, inserts that test keys. */
final class H2Target extends Target {

    public static final H2Target INSTANCE = new H2Target();

    @Override
    String foldName(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String displayName() {
        return "H2";
    }

    private H2Target() {
        super(Dialect.H2);
    }

    /** Never backwards: the next value is the larger of the largest id + 1 and the identity's own next value. */
    @Override
    public String identityPastLargest(String table, String storedTable, String storedColumn) {
        String field = name(storedColumn);
        return "ALTER TABLE " + name(table) + " ALTER COLUMN " + field + " RESTART WITH (SELECT GREATEST(COALESCE(MAX("
                + field + "), 0) + 1, (SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                + " SCHEMA() AND TABLE_NAME = " + literal(storedTable) + " AND COLUMN_NAME = " + literal(storedColumn)
                + ")) FROM " + name(table) + ")";
    }

    @Override
    public String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        return " ON UPDATE CURRENT_TIMESTAMP";
    }

    /** The start of the comment that marks a text column case-sensitive on purpose. */
    public static final String CASE_SENSITIVE = "case-sensitive";

    /** H2's own ignore-case text type. */
    @Override
    public String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        return "VARCHAR_IGNORECASE" + (length < 0 ? "" : "(" + length + ")");
    }

    /**
     * H2 has no column collations: the column keeps its type, and a comment beginning with
     * {@link #CASE_SENSITIVE} marks it for {@link #columnsWithOwnCollation}.
     */
    @Override
    public String caseSensitiveText(String table, String column, String written, Consumer<String> after) {
        after.accept("COMMENT ON COLUMN " + name(table) + "." + name(column) + " IS "
                + literal(CASE_SENSITIVE + " (a MySQL _bin or _cs collation)"));
        return written;
    }

    /** Columns whose comment begins with {@link #CASE_SENSITIVE}: H2 shows no other sign of a chosen one. */
    @Override
    public Set<String> columnsWithOwnCollation(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, null, table, "%")) {
            while (rows.next()) {
                String remarks = rows.getString("REMARKS");
                if (remarks != null && remarks.startsWith(CASE_SENSITIVE)) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    @Override
    public String exactDivisionType() {
        return "DECIMAL(38, 10)";
    }

    @Override
    public boolean hasUpdateFrom() {
        return false;
    }

    @Override
    public String rowId() {
        return "_ROWID_";
    }

    @Override
    public String tablesQuery() {
        return "SELECT TABLE_NAME AS \"Tables\" FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
    }

    @Override
    public String columnsQuery(String table) {
        return "SELECT COLUMN_NAME AS \"Field\", DATA_TYPE AS \"Type\", IS_NULLABLE AS \"Null\","
                + " COLUMN_DEFAULT AS \"Default\" FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND TABLE_NAME = " + literal(table.toUpperCase(java.util.Locale.ROOT)) + " ORDER BY ORDINAL_POSITION";
    }

    @Override
    public String setNames() {
        return "SET @retort_set_names = 1";
    }

    @Override
    public boolean textHoldsNul() {
        return true;
    }

    @Override
    public boolean hasDual() {
        return true;
    }

    @Override
    public String offsetLimit(String offset, String count) {
        return "OFFSET " + offset + " ROWS FETCH NEXT " + count + " ROWS ONLY";
    }

    @Override
    public String allRowsAfter(String offset) {
        return offset == null ? "" : "OFFSET " + offset + " ROWS";
    }

    @Override
    public String serverVersion() {
        return "H2VERSION()";
    }

    /** Words H2 reserves that MySQL lets an application write as a bare name. */
    private static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of("VALUE", "YEAR", "MONTH", "DAY",
            "HOUR", "MINUTE", "SECOND", "TOP", "MINUS", "QUALIFY", "ROWNUM", "UNKNOWN");

    @Override
    public boolean reservesName(String upper) {
        return RESERVED_NAMES.contains(upper);
    }

    @Override
    public String startTransaction() {
        return "BEGIN";
    }

    @Override
    public String useSchema(String schema) {
        return "SET SCHEMA " + name(schema);
    }

    @Override
    public String oneKeyNeed() {
        return "needs one key for MERGE";
    }

    /** MERGE … KEY replaces the listed columns of the row with the key, or inserts it. */
    @Override
    public String upsertCopying(String head, String rows, List<String> key, List<String> copied) {
        return "MERGE INTO " + head + " KEY (" + names(key) + ") " + rows;
    }

    @Override
    public String newRow() {
        return "retort_row";
    }

    /** The standard MERGE: its WHEN MATCHED may use the current row and the new one, as MySQL's SET may. */
    @Override
    public String upsert(String table, String head, String rows, List<String> columns, List<String> key,
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
    public String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
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

    @Override
    public String unboundedText() {
        return "VARCHAR";
    }

    @Override
    public String position(String needle, String haystack) {
        return "LOCATE(" + needle + ", " + haystack + ")";
    }

    @Override
    public boolean hasLocate() {
        return true;
    }

    @Override
    public String castToDate(String value) {
        return "CAST(CAST(" + value + " AS TIMESTAMP) AS DATE)";
    }

    @Override
    public boolean hasLastDay() {
        return true;
    }

    @Override
    public boolean hasTruncateFunction() {
        return true;
    }

    /** H2 has YEAR(), MONTH(), DAY(), HOUR(), MINUTE(), SECOND(); MySQL's DAYOFMONTH is its DAY_OF_MONTH. */
    @Override
    public String datePartFunction(String function) {
        return function.equals("DAYOFMONTH") ? "DAY_OF_MONTH" : function;
    }

    /** java.time patterns; "" where H2 has none. */
    private static final java.util.Map<Character, String> PATTERNS = patterns("Y=yyyy y=yy m=MM c=M d=dd e=d H=HH"
            + " k=H h=hh I=hh l=h i=mm s=ss S=ss p=a M=MMMM b=MMM W=EEEE a=EEE j=DDD T=HH:mm:ss f=SSSSSS %=%");

    @Override
    public String datePattern(char specifier) {
        return PATTERNS.get(specifier);
    }

    @Override
    public String datePatternText(String text) {
        return text.chars().anyMatch(Character::isLetter) || text.indexOf('\'') >= 0
                ? '\'' + text.replace("'", "''") + '\'' : text;
    }

    @Override
    public String formatDate(String value, String pattern) {
        return "FORMATDATETIME(" + value + ", " + pattern + ", 'en')";
    }

    @Override
    public String parseDate(String value, String pattern, boolean hasTime) {
        return "CAST(PARSEDATETIME(" + value + ", " + pattern + ", 'en') AS " + (hasTime ? "TIMESTAMP" : "DATE") + ")";
    }

    @Override
    public String addToDate(String base, boolean literalBase, String scaled, String unit, boolean dateOnly) {
        String from = literalBase ? "CAST(" + base + " AS " + (dateOnly ? "DATE" : "TIMESTAMP") + ")" : base;
        return "DATEADD(" + unit + ", " + scaled + ", " + from + ")";
    }

    @Override
    public String daysBetween(String a, String b) {
        return "DATEDIFF(DAY, " + castToDate(b) + ", " + castToDate(a) + ")";
    }

    @Override
    public String unitsBetween(String a, String b, long seconds) {
        return "CAST(DATEDIFF(SECOND, CAST(" + a + " AS TIMESTAMP), CAST(" + b + " AS TIMESTAMP)) / " + seconds
                + " AS BIGINT)";
    }

    @Override
    public String fromUnixTime(String seconds) {
        return "CAST(DATEADD(SECOND, " + seconds + ", TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')"
                + " AS TIMESTAMP(0))";
    }
}
