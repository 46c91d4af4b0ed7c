package dev.retort.dialect.postgresql;

import java.sql.SQLException;
import java.util.Set;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.ErrorKind;
import dev.retort.dialect.Replication;
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

    private static final Replication REPLICATION = new PostgresReplication();

    @Override
    public java.util.Optional<Replication> replication() {
        return java.util.Optional.of(REPLICATION);
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

    /**
     * PostgreSQL ends a session with class 57P (an administrator's terminate or shutdown, a crash, a server
     * still starting) and reports a deadlock as 40P01.
     */
    @Override
    public ErrorKind classify(SQLException error) {
        String state = error.getSQLState();
        if (state != null) {
            switch (state) {
                case "57P01": case "57P02": case "57P03": return ErrorKind.CONNECTION_FAILURE;
                case "40P01": return ErrorKind.TRANSACTION_CONFLICT;
                default: break;
            }
        }
        return super.classify(error);
    }
}
