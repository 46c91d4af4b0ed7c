package dev.retort.jdbc.translate.target;

import dev.retort.jdbc.translate.Dialect;
import java.util.List;
import java.util.function.Consumer;

/** PostgreSQL's spelling: identities with START WITH, sequences moved by setval, triggers in PL/pgSQL. */
final class PostgresTarget extends Target {

    public static final PostgresTarget INSTANCE = new PostgresTarget();

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
}
