package dev.retort.dialect.h2;

import dev.retort.dialect.SqlCompiler;
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
}
