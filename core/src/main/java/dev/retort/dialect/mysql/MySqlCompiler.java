package dev.retort.dialect.mysql;

import java.util.Optional;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Expression;

/**
 * MySQL's SQL: AUTO_INCREMENT, DATETIME(6), a limit before every offset, {@code VALUES ()}, CONCAT(),
 * CHAR_LENGTH, NOW(6).
 */
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

    /** MySQL redefines a column whole, type and nullability at once: {@code MODIFY COLUMN c type [NOT NULL]}. */
    @Override
    protected void visitAlterColumn(String table, Column column, boolean type) {
        sql.append("ALTER TABLE ").append(dialect.quote(table)).append(" MODIFY COLUMN ").append(dialect.quote(column.name()))
                .append(' ');
        renderColumnDefinition(column);
    }

    @Override
    protected void visitDropIndex(String table, String index) {
        sql.append("DROP INDEX ").append(dialect.quote(index)).append(" ON ").append(dialect.quote(table));
    }

    /** A unique constraint is an index in MySQL; a foreign key is dropped as such. */
    @Override
    protected void visitDropConstraint(String table, String constraint, boolean foreignKey) {
        sql.append("ALTER TABLE ").append(dialect.quote(table)).append(foreignKey ? " DROP FOREIGN KEY " : " DROP INDEX ")
                .append(dialect.quote(constraint));
    }

    /** MySQL has no OFFSET without LIMIT; its manual gives the largest unsigned BIGINT for "all rows". */
    @Override
    protected Optional<String> unlimited() {
        return Optional.of("18446744073709551615");
    }

    /** {@code ||} is OR in MySQL unless PIPES_AS_CONCAT is set; CONCAT() always concatenates. */
    @Override
    protected void visitConcat(Expression.Concat concat) {
        sql.append("CONCAT(");
        for (int i = 0; i < concat.operands().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            visitExpression(concat.operands().get(i));
        }
        sql.append(')');
    }

    @Override
    protected boolean concatIsOperator() {
        return false;
    }

    /** MySQL's LENGTH counts bytes; CHAR_LENGTH counts characters, as LENGTH does elsewhere. */
    @Override
    protected String functionName(Expression.FunctionName name) {
        return name == Expression.FunctionName.LENGTH ? "CHAR_LENGTH" : super.functionName(name);
    }

    /** Microseconds, as DATETIME(6) columns keep them. */
    @Override
    protected void visitCurrentTimestamp() {
        sql.append("NOW(6)");
    }

    /** Longest VARCHAR in characters: a quarter of a row, so that several such columns still fit one. */
    static final int MAX_VARCHAR = 4095;

    @Override
    protected String typeName(ColumnType type) {
        switch (type.type()) {
            case DOUBLE: return "DOUBLE";
            case REAL: return "FLOAT";
            case TIMESTAMP: case TIMESTAMP_WITH_TIME_ZONE: return "DATETIME(6)";
            case UUID: return "CHAR(36)";
            case BINARY: return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "LONGBLOB";
            case VARCHAR: return text(length(type));
            default: return super.typeName(type);
        }
    }

    /**
     * A string column of {@code length} characters. A row holds at most 65,535 bytes and utf8mb4 takes up
     * to 4 bytes a character, so only short strings stay VARCHAR; longer ones take the smallest text type
     * that holds them (TEXT 65,535 bytes, MEDIUMTEXT 16 MB, LONGTEXT 4 GB), stored off the row.
     */
    static String text(int length) {
        long bytes = 4L * length;
        if (length <= MAX_VARCHAR) {
            return "VARCHAR(" + length + ")";
        }
        if (bytes <= 65_535) {
            return "TEXT";
        }
        return bytes <= 16_777_215 ? "MEDIUMTEXT" : "LONGTEXT";
    }
}
