package dev.retort.dialect.h2;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.ColumnType;
import dev.retort.sql.SqlType;

/** H2's SQL: standard {@code OFFSET ... ROWS} when an offset comes without a limit. */
final class H2Compiler extends SqlCompiler {
    H2Compiler(H2Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void visitOffsetOnly(int offset) {
        sql.append(" OFFSET ");
        bind(offset, SqlType.INTEGER);
        sql.append(" ROWS");
    }

    /** H2's VARCHAR stops at 1,000,000,000 characters; a longer or unlimited ({@code @Lob}) string is a CLOB. */
    @Override
    protected String typeName(ColumnType type) {
        return type.type() == SqlType.VARCHAR && length(type) > 1_000_000_000 ? "CHARACTER LARGE OBJECT" : super.typeName(type);
    }
}
