package dev.retort.dialect.sqlite;

import java.util.Optional;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Generation;
import dev.retort.sql.Table;

/**
 * SQLite's SQL: a generated single-column key is {@code INTEGER PRIMARY KEY} (the rowid alias, as
 * SQLAlchemy declares it), type names chosen for the right affinity, and {@code LIMIT -1} before an
 * offset that comes alone.
 */
final class SqliteCompiler extends SqlCompiler {
    SqliteCompiler(SqliteDialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean primaryKeyInline(Table table) {
        return rowidKey(table).isPresent();
    }

    private static Optional<Column> rowidKey(Table table) {
        if (table.primaryKey().size() != 1) {
            return Optional.empty();
        }
        Column key = table.column(table.primaryKey().get(0));
        return key.generation() != Generation.NONE ? Optional.of(key) : Optional.empty();
    }

    @Override
    protected void renderColumnDefinition(Table table, Column column) {
        if (rowidKey(table).filter(key -> key == column).isPresent()) {
            sql.append("INTEGER PRIMARY KEY");
            return;
        }
        sql.append(typeName(column.type()));
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
    }

    @Override
    protected void visitAlterColumn(String table, Column column, boolean type) {
        throw unsupported("Changing a column's type or nullability in place is", "copy the table into a new one of "
                + "the new shape (retort-migrate generates that sequence)");
    }

    /** Lasts until the transaction ends, as the copy-and-move sequence of a table change needs. */
    @Override
    protected void visitDeferForeignKeyChecks() {
        sql.append("PRAGMA defer_foreign_keys = ON");
    }

    @Override
    protected Optional<String> unlimited() {
        return Optional.of("-1");
    }

    /** SQLite has no timestamp type: the local time now as text, in the format its timestamp columns hold. */
    @Override
    protected void visitCurrentTimestamp() {
        sql.append("strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')");
    }

    @Override
    protected String typeName(ColumnType type) {
        switch (type.type()) {
            case TINYINT: case SMALLINT: case INTEGER: case BIGINT: return "INTEGER";
            case DOUBLE: return "REAL";
            case DECIMAL: return "NUMERIC(" + precision(type) + ", " + type.scale() + ")";
            case DATE: case TIME: case TIMESTAMP: case TIMESTAMP_WITH_TIME_ZONE: case UUID: return "TEXT";
            case BINARY: return "BLOB";
            default: return super.typeName(type);
        }
    }
}
