package dev.retort.dialect.postgresql;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Statement;

/** PostgreSQL's SQL: {@code nextval()}, {@code BYTEA}, {@code SMALLINT} for one-byte integers. */
final class PostgresCompiler extends SqlCompiler {
    PostgresCompiler(PostgresDialect dialect) {
        super(dialect);
    }

    @Override
    protected void visitNextValues(Statement.NextValues next) {
        sql.append("SELECT nextval('").append(dialect.quote(next.sequence()).replace("'", "''")).append("')");
    }

    @Override
    protected String typeName(ColumnType type) {
        switch (type.type()) {
            case TINYINT: return "SMALLINT";
            case BINARY: return "BYTEA";
            // PostgreSQL's VARCHAR stops at 10,485,760 characters; TEXT has no declared limit (1 GB).
            case VARCHAR: return length(type) > 10_485_760 ? "TEXT" : super.typeName(type);
            default: return super.typeName(type);
        }
    }
}
