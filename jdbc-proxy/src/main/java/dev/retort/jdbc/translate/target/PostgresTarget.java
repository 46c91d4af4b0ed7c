package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** PostgreSQL's spelling: identities with START WITH, sequences moved by setval, triggers in PL/pgSQL. */
final class PostgresTarget extends Target {

    public static final PostgresTarget INSTANCE = new PostgresTarget();

    @Override
    String foldName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    private PostgresTarget() {
        super(Dialect.POSTGRESQL);
    }

    /** setval only forward: a sequence that is already past the largest id keeps its place, as in MySQL. */
    @Override
    public String identityPastLargest(String table, String storedTable, String storedColumn) {
        String sequence = "pg_get_serial_sequence(" + literal(name(table)) + ", " + literal(storedColumn) + ")";
        return "SELECT setval(" + sequence + ", retort_max.m) FROM (SELECT MAX(" + name(storedColumn) + ") AS m FROM "
                + name(table) + ") AS retort_max WHERE retort_max.m > COALESCE(pg_sequence_last_value(" + sequence
                + "::regclass), 0)";
    }

    /**
     * A BEFORE UPDATE trigger that sets the column when the row changes and the UPDATE left the column as
     * it was, which is when MySQL sets it.
     */
    @Override
    public String onUpdateTimestamp(String table, String column, List<String> columns, Consumer<String> after) {
        String function = name("retort_" + table + "_" + column + "_on_update");
        String field = name(column);
        after.accept("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $retort$"
                + " BEGIN IF NEW." + field + " IS NOT DISTINCT FROM OLD." + field + " AND NEW IS DISTINCT FROM OLD"
                + " THEN NEW." + field + " := CURRENT_TIMESTAMP; END IF; RETURN NEW; END $retort$");
        after.accept("CREATE OR REPLACE TRIGGER " + function + " BEFORE UPDATE ON " + name(table)
                + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        return "";
    }

    /**
     * citext: =, LIKE, ORDER BY, GROUP BY, DISTINCT and unique indexes ignore case, and indexes keep working.
     * A CHECK keeps MySQL's length limit, which citext has not.
     */
    @Override
    public String caseInsensitiveText(String column, String written, int length, Consumer<String> before) {
        before.accept("CREATE EXTENSION IF NOT EXISTS citext");
        return "CITEXT" + (length < 0 ? "" : " CHECK (char_length(" + name(column) + ") <= " + length + ")");
    }

    /** The {@code "C"} collation: compares and sorts by code point, as MySQL's {@code _bin} collations. */
    @Override
    public String caseSensitiveText(String table, String column, String written, Consumer<String> after) {
        return written + " COLLATE \"C\"";
    }

    /**
     * Columns whose collation is not the database's default: a nondeterministic ICU collation (which may
     * ignore case already) or a deterministic one chosen on purpose, such as {@code "C"}.
     */
    @Override
    public Set<String> columnsWithOwnCollation(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_attribute a"
                + " JOIN pg_collation c ON c.oid = a.attcollation WHERE a.attrelid = to_regclass(quote_ident(?))"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND c.collname <> 'default'")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    @Override
    public String tinyInteger(boolean unsigned) {
        return "SMALLINT";
    }

    @Override
    public String longText() {
        return "TEXT";
    }

    @Override
    public String binary(String base, String size) {
        return "BYTEA";
    }

    @Override
    public String blob() {
        return "BYTEA";
    }

    @Override
    public String bitwiseXor() {
        return "#";
    }

    @Override
    public String exactDivisionType() {
        return "NUMERIC";
    }

    @Override
    public String regexpOperator() {
        return "~*";
    }

    @Override
    public boolean nullsSortLast() {
        return true;
    }

    @Override
    public String sharedRowLock() {
        return "FOR SHARE";
    }

    @Override
    public String rowId() {
        return "ctid";
    }

    @Override
    public String tablesQuery() {
        return "SELECT table_name AS \"Tables\" FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
    }

    @Override
    public String columnsQuery(String table) {
        return "SELECT column_name AS \"Field\", data_type AS \"Type\", is_nullable AS \"Null\","
                + " column_default AS \"Default\" FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = " + literal(table.toLowerCase(java.util.Locale.ROOT))
                + " ORDER BY ordinal_position";
    }

    @Override
    public String setNames() {
        return "SET client_encoding = 'UTF8'";
    }

    @Override
    public String hexString(String hexDigits) {
        return "DECODE('" + hexDigits + "', 'hex')";
    }

    @Override
    public String offsetLimit(String offset, String count) {
        return "OFFSET " + offset + " LIMIT " + count;
    }

    @Override
    public String serverVersion() {
        return "current_setting('server_version')";
    }

    /** The schema first, public after it: a USE of the database the URL names still finds its tables. */
    @Override
    public String useSchema(String schema) {
        return "SET search_path TO " + name(schema) + ", public";
    }

    @Override
    public String insertIgnore(String table, String head, String rows, List<String> columns, List<List<String>> keys) {
        return "INSERT INTO " + head + " " + rows + " ON CONFLICT DO NOTHING";
    }

    @Override
    public String ifNullFunction() {
        return "COALESCE";
    }

    @Override
    public String position(String needle, String haystack) {
        return "STRPOS(" + haystack + ", " + needle + ")";
    }

    /** PostgreSQL's ROUND(double precision, int) does not exist: the value rounds as NUMERIC. */
    @Override
    public boolean roundsLikeMySql() {
        return false;
    }

    @Override
    public String roundToDigits(String value, String digits) {
        return "ROUND(CAST(" + value + " AS NUMERIC), " + digits + ")";
    }

    @Override
    public String random() {
        return "RANDOM()";
    }

    @Override
    public String utcTimestamp() {
        return "CAST(NOW() AT TIME ZONE 'UTC' AS TIMESTAMP(0))";
    }

    @Override
    public String utcDate() {
        return "CAST(NOW() AT TIME ZONE 'UTC' AS DATE)";
    }

    /** to_char patterns; "" where PostgreSQL has none. */
    private static final java.util.Map<Character, String> PATTERNS = patterns("Y=YYYY y=YY m=MM c=FMMM d=DD e=FMDD"
            + " H=HH24 k=FMHH24 h=HH12 I=HH12 l=FMHH12 i=MI s=SS S=SS p=AM M=FMMonth b=Mon W=FMDay a=Dy j=DDD"
            + " T=HH24:MI:SS f=US %=%");

    @Override
    public String datePattern(char specifier) {
        return PATTERNS.get(specifier);
    }

    @Override
    public String datePatternText(String text) {
        return text.chars().anyMatch(Character::isLetter) ? '"' + text.replace("\"", "\\\"") + '"' : text;
    }

    @Override
    public String formatDate(String value, String pattern) {
        return "TO_CHAR(" + value + ", " + pattern + ")";
    }

    @Override
    public String parseDate(String value, String pattern, boolean hasTime) {
        return hasTime ? "CAST(TO_TIMESTAMP(" + value + ", " + pattern + ") AS TIMESTAMP)"
                : "TO_DATE(" + value + ", " + pattern + ")";
    }

    @Override
    public String addToDate(String base, boolean literalBase, String scaled, String unit, boolean dateOnly) {
        String from = literalBase ? "CAST(" + base + " AS TIMESTAMP)" : base;
        String sum = from + " + " + scaled + " * INTERVAL '1 " + unit.toLowerCase(java.util.Locale.ROOT) + "'";
        return dateOnly ? "CAST(" + sum + " AS DATE)" : "(" + sum + ")";
    }

    @Override
    public String daysBetween(String a, String b) {
        return "(CAST(" + a + " AS DATE) - CAST(" + b + " AS DATE))";
    }

    @Override
    public String unitsBetween(String a, String b, long seconds) {
        return "CAST(TRUNC(EXTRACT(EPOCH FROM (CAST(" + b + " AS TIMESTAMP) - CAST(" + a + " AS TIMESTAMP))) / "
                + seconds + ") AS BIGINT)";
    }

    /** AGE() counts whole calendar months, as MySQL does. */
    @Override
    public String monthsBetween(String a, String b, int months) {
        String age = "AGE(CAST(" + b + " AS TIMESTAMP), CAST(" + a + " AS TIMESTAMP))";
        return "CAST(TRUNC((EXTRACT(YEAR FROM " + age + ") * 12 + EXTRACT(MONTH FROM " + age + ")) / " + months
                + ") AS BIGINT)";
    }

    @Override
    public String fromUnixTime(String seconds) {
        return "CAST(TO_TIMESTAMP(" + seconds + ") AS TIMESTAMP(0))";
    }
}
