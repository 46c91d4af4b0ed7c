package dev.retort.dialect.postgresql;

import java.util.Set;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.ReservedWords;
import dev.retort.dialect.SqlCompiler;

/** PostgreSQL 12+: identity columns, RETURNING, native UUID and timestamptz. */
public final class PostgresDialect extends Dialect {
    private static final Set<String> RESERVED = ReservedWords.commonPlus("ANALYSE", "ANALYZE", "COLLATE",
            "DEFERRABLE", "DO", "ILIKE", "INITIALLY", "ISNULL", "LATERAL", "NOTNULL", "ONLY", "OVERLAPS", "PLACING",
            "SIMILAR", "SYMMETRIC", "VARIADIC", "VERBOSE");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    protected SqlCompiler newCompiler() {
        return new PostgresCompiler(this);
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }
}
