package dev.retort.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import dev.retort.sql.CompiledStatement;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * What Retort knows about one kind of database: how to compile the SQL tree, how its driver binds and
 * reads values, which features it has (asked by capability, named after the feature), and what its
 * errors mean. One subclass per database, in its own package; each overrides only where it differs.
 * Dialects are stateless and thread-safe.
 */
public abstract class Dialect {

    /** Short lower-case name, as in URLs and configuration: {@code h2}, {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}. */
    public abstract String name();

    /** The product name for messages, e.g. "PostgreSQL". */
    public abstract String displayName();

    /** A new compiler; compilers hold per-compilation state and are not shared. */
    protected abstract SqlCompiler newCompiler();

    public final CompiledStatement compile(Statement statement) {
        return newCompiler().compile(statement);
    }

    /** How this database's DDL spells a column type (what CREATE TABLE writes for it). */
    public final String typeName(dev.retort.sql.ColumnType type) {
        return newCompiler().typeName(type);
    }

    // ---- capabilities -------------------------------------------------------------------------------

    /**
     * Whether {@code ALTER TABLE} can change a column's type or nullability and add or drop constraints in
     * place; without it (SQLite) a table is changed by copying it into a new one.
     */
    public boolean supportsAlterTableConstraints() {
        return true;
    }

    /** Whether {@code executeBatch} followed by {@code getGeneratedKeys} returns one key per batched row. */
    public boolean supportsBatchGeneratedKeys() {
        return true;
    }

    /** Whether {@code INSERT ... RETURNING} exists. */
    public boolean supportsReturning() {
        return false;
    }

    public boolean supportsSequences() {
        return true;
    }

    /**
     * Whether the {@code IN} lists of whole-number keys that loads send (select-in, batches of to-one
     * targets) are better written as literals than bound. True only where the database compares each row
     * with a list of parameters one by one but with a list of constants through a hash set (H2).
     */
    public boolean inlinesKeyLists() {
        return false;
    }

    /** Whether the database indexes a foreign key's columns itself when the constraint is created (InnoDB). */
    public boolean indexesForeignKeys() {
        return false;
    }

    /** Whether {@code executeBatch} reports each statement's exact row count (needed for version checks). */
    public boolean reportsBatchRowCounts() {
        return true;
    }

    /** Whether {@code ILIKE} exists; without it, case-insensitive LIKE compares {@code LOWER()} of both sides. */
    public boolean supportsIlike() {
        return false;
    }

    /** Whether ORDER BY takes {@code NULLS FIRST}/{@code NULLS LAST}; without it, compilers emulate them. */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /** Whether {@code FULL [OUTER] JOIN} exists. */
    public boolean supportsFullOuterJoin() {
        return true;
    }

    /** Whether window functions ({@code ROW_NUMBER() OVER (...)}) exist. */
    public boolean supportsWindowFunctions() {
        return true;
    }

    /** Whether {@code WITH name AS (...)} (common table expressions) exists. */
    public boolean supportsCommonTableExpressions() {
        return true;
    }

    /** Whether DDL takes part in transactions (MySQL commits implicitly instead). */
    public boolean supportsTransactionalDdl() {
        return true;
    }

    // ---- identifiers --------------------------------------------------------------------------------

    /**
     * The identifier as it must appear in SQL: quoted only when it is a reserved word or not a plain
     * lower-case name, as SQLAlchemy does, so that hand-written SQL can use the same names unquoted.
     */
    public final String quote(String identifier) {
        if (isPlain(identifier) && !reservedWords().contains(identifier.toUpperCase(Locale.ROOT))) {
            return identifier;
        }
        char quote = identifierQuote();
        return quote + identifier.replace(String.valueOf(quote), String.valueOf(quote) + quote) + quote;
    }

    private static boolean isPlain(String identifier) {
        if (identifier.isEmpty() || !(identifier.charAt(0) >= 'a' && identifier.charAt(0) <= 'z' || identifier.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    protected char identifierQuote() {
        return '"';
    }

    /** Upper-case words that must be quoted as identifiers. */
    protected Set<String> reservedWords() {
        return ReservedWords.COMMON;
    }

    // ---- values -------------------------------------------------------------------------------------

    /** The binder for non-null values of {@code javaType} stored in a column of {@code sqlType}. */
    public ColumnBinder binder(Class<?> javaType, SqlType sqlType) {
        return StandardValues.binder(javaType);
    }

    /** The reader giving {@code javaType} from a column of {@code sqlType} ({@code scale} for decimals). */
    public ColumnReader reader(Class<?> javaType, SqlType sqlType, int scale) {
        return StandardValues.reader(javaType);
    }

    public void bindNull(PreparedStatement statement, int index, SqlType sqlType) throws SQLException {
        statement.setNull(index, StandardValues.jdbcType(sqlType));
    }

    /**
     * Makes the statement's database give up on it after {@code seconds}. JDBC's {@code setQueryTimeout} does
     * that for drivers that enforce it; dialects whose driver does not override this.
     */
    public void applyTimeout(PreparedStatement statement, int seconds) throws SQLException {
        statement.setQueryTimeout(seconds);
    }

    // ---- errors -------------------------------------------------------------------------------------

    /**
     * Classifies a driver error by SQLState (class 23 is integrity, 08 connection, 40001 serialization
     * failure, 57014 cancelled by a timeout); dialects refine. A {@link java.sql.SQLTimeoutException} is a
     * timeout whatever its state, and a {@link java.sql.SQLNonTransientConnectionException} a lost connection.
     */
    public ErrorKind classify(SQLException error) {
        String state = error.getSQLState();
        if (error instanceof java.sql.SQLTimeoutException) {
            return ErrorKind.QUERY_TIMEOUT;
        }
        if (error instanceof java.sql.SQLNonTransientConnectionException || error instanceof java.sql.SQLRecoverableException) {
            return ErrorKind.CONNECTION_FAILURE;
        }
        if (state == null) {
            return ErrorKind.OTHER;
        }
        switch (state) {
            case "23505": return ErrorKind.UNIQUE_VIOLATION;
            case "23502": return ErrorKind.NOT_NULL_VIOLATION;
            case "23503": case "23506": return ErrorKind.FOREIGN_KEY_VIOLATION;
            case "40001": return ErrorKind.TRANSACTION_CONFLICT;
            case "57014": return ErrorKind.QUERY_TIMEOUT;
            case "42P01": case "42S02": return ErrorKind.MISSING_TABLE;
            default:
                if (state.startsWith("23")) {
                    return ErrorKind.OTHER_INTEGRITY_VIOLATION;
                }
                return state.startsWith("08") ? ErrorKind.CONNECTION_FAILURE : ErrorKind.OTHER;
        }
    }

    /** Whether the connection that raised this error is unusable and must leave the pool (the pool's exception sorter). */
    public boolean isConnectionFatal(SQLException error) {
        for (SQLException current = error; current != null; current = current.getNextException()) {
            if (classify(current) == ErrorKind.CONNECTION_FAILURE) {
                return true;
            }
            if (current.getNextException() == current) {
                break;
            }
        }
        return false;
    }

    /** How the engine routes reads to this database's replicas and waits for them; empty where Retort knows no replication. */
    public java.util.Optional<Replication> replication() {
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return displayName() + " dialect";
    }
}
