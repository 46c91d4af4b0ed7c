package dev.retort.dialect.h2;

import java.util.Optional;

import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.SqlType;

/** H2's SQL: standard {@code OFFSET ... ROWS} when an offset comes without a limit. */
final class H2Compiler extends SqlCompiler {
    H2Compiler(H2Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void visitLimitOffset(Optional<Integer> limit, Optional<Integer> offset) {
        if (limit.isEmpty() && offset.isPresent()) {
            sql.append(" OFFSET ");
            bind(offset.get(), SqlType.INTEGER);
            sql.append(" ROWS");
            return;
        }
        super.visitLimitOffset(limit, offset);
    }
}
