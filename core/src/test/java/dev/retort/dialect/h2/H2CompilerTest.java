package dev.retort.dialect.h2;

import java.util.List;

import dev.retort.dialect.DialectCompilerContract;

class H2CompilerTest extends DialectCompilerContract {

    @Override
    protected List<String> longStringTypeNames() {
        return List.of("VARCHAR(4095)", "VARCHAR(4096)", "VARCHAR(16383)", "VARCHAR(16384)", "VARCHAR(2000000)",
                "VARCHAR(10485761)", "CHARACTER LARGE OBJECT");
    }


    @Override
    protected String dialectName() {
        return "h2";
    }

    @Override
    protected List<String> limitOffsetSelects() {
        return List.of("SELECT id FROM users LIMIT ?", "SELECT id FROM users OFFSET ? ROWS",
                "SELECT id FROM users LIMIT ? OFFSET ?");
    }

    @Override
    protected String fullJoinSqlOrError() {
        return "FULL OUTER JOIN is not supported by H2. To fix this, combine a LEFT JOIN with the rows of the right table that match nothing (UNION ALL), or run it on a database that has it (PostgreSQL, SQLite).";
    }
}
