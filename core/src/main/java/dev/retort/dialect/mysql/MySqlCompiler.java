package dev.retort.dialect.mysql;

import java.util.Optional;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.ColumnType;

/** MySQL's SQL: AUTO_INCREMENT, DATETIME(6), a limit before every offset, {@code VALUES ()}. */
final class MySqlCompiler extends SqlCompiler {
    MySqlCompiler(MySqlDialect dialect) {
        super(dialect);
    }

    @Override
    protected String identityClause() {
        return "AUTO_INCREMENT";
    }

    @Override
    protected String defaultValuesClause() {
        return "() VALUES ()";
    }

    /** MySQL has no OFFSET without LIMIT; its manual gives the largest unsigned BIGINT for "all rows". */
    @Override
    protected Optional<String> unlimited() {
        return Optional.of("18446744073709551615");
    }

    @Override
    protected String typeName(ColumnType type) {
        switch (type.type()) {
            case DOUBLE: return "DOUBLE";
            case REAL: return "FLOAT";
            case TIMESTAMP: case TIMESTAMP_WITH_TIME_ZONE: return "DATETIME(6)";
            case UUID: return "CHAR(36)";
            case BINARY: return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "LONGBLOB";
            default: return super.typeName(type);
        }
    }
}
