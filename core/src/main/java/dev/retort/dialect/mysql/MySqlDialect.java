package dev.retort.dialect.mysql;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import dev.retort.dialect.ColumnBinder;
import dev.retort.dialect.ColumnReader;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ErrorKind;
import dev.retort.dialect.Replication;
import dev.retort.dialect.ReservedWords;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.SqlType;

/**
 * MySQL 8 and MariaDB 10.5+. Backtick quoting, AUTO_INCREMENT keys, DATETIME(6) for timestamps with
 * instants and offset date-times stored in UTC, UUIDs as CHAR(36). DDL commits implicitly. The two
 * servers speak the same SQL here but for sequences, which only MariaDB has: {@link #mariaDb()}.
 */
public final class MySqlDialect extends Dialect {
    private static final Set<String> RESERVED = ReservedWords.commonPlus("ACCESSIBLE", "CHANGE", "DATABASE",
            "DATABASES", "DELAYED", "DIV", "DUAL", "ENCLOSED", "ESCAPED", "EXPLAIN", "FULLTEXT", "HIGH_PRIORITY",
            "IGNORE", "INFILE", "KEYS", "KILL", "LINES", "LOAD", "LOCK", "LONG", "LOW_PRIORITY", "MATCH", "MOD",
            "OPTION", "OUTFILE", "PURGE", "READ", "RENAME", "REPLACE", "REQUIRE", "RLIKE", "SCHEMA", "SEPARATOR",
            "SHOW", "SPATIAL", "STRAIGHT_JOIN", "TERMINATED", "UNLOCK", "UNSIGNED", "USAGE", "WRITE", "XOR", "ZEROFILL");

    private final boolean sequences;

    /** MySQL: no sequences, so SEQUENCE ids fall back to AUTO_INCREMENT as on SQLite. */
    public MySqlDialect() {
        this(false);
    }

    private MySqlDialect(boolean sequences) {
        this.sequences = sequences;
    }

    /** MariaDB 10.3+, which has sequences. */
    public static MySqlDialect mariaDb() {
        return new MySqlDialect(true);
    }

    private static final Replication GTID_REPLICATION = new MariaDbReplication();

    /** MariaDB's GTID replication; MySQL's GTIDs differ ({@code WAIT_FOR_EXECUTED_GTID_SET}) and are not supported yet. */
    @Override
    public java.util.Optional<Replication> replication() {
        return sequences ? java.util.Optional.of(GTID_REPLICATION) : java.util.Optional.empty();
    }

    @Override
    public boolean supportsSequences() {
        return sequences;
    }

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }

    @Override
    public String name() {
        return sequences ? "mariadb" : "mysql";
    }

    @Override
    public String displayName() {
        return "MySQL/MariaDB";
    }

    /** MySQL and MariaDB have no FULL OUTER JOIN. */
    @Override
    public boolean supportsFullOuterJoin() {
        return false;
    }

    @Override
    protected SqlCompiler newCompiler() {
        return new MySqlCompiler(this);
    }

    @Override
    protected char identifierQuote() {
        return '`';
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /** MySQL and MariaDB sort nulls first ascending and have no NULLS FIRST/LAST. */
    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public ColumnBinder binder(Class<?> javaType, SqlType sqlType) {
        if (javaType == UUID.class) {
            return (statement, index, value) -> statement.setString(index, value.toString());
        }
        if (javaType == Instant.class) {
            return (statement, index, value) ->
                    statement.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
        if (javaType == OffsetDateTime.class) {
            return (statement, index, value) -> statement.setObject(index,
                    ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        return super.binder(javaType, sqlType);
    }

    @Override
    public ColumnReader reader(Class<?> javaType, SqlType sqlType, int scale) {
        if (javaType == UUID.class) {
            return (resultSet, index) -> {
                String value = resultSet.getString(index);
                return value == null ? null : UUID.fromString(value);
            };
        }
        if (javaType == Instant.class || javaType == OffsetDateTime.class) {
            boolean instant = javaType == Instant.class;
            return (resultSet, index) -> {
                LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
                if (value == null) {
                    return null;
                }
                return instant ? value.toInstant(ZoneOffset.UTC) : value.atOffset(ZoneOffset.UTC);
            };
        }
        return super.reader(javaType, sqlType, scale);
    }

    /**
     * MySQL reports every integrity error as SQLState 23000, and a killed connection, a statement timeout and
     * a deadlock with states shared by other errors; the vendor code tells them apart.
     */
    @Override
    public ErrorKind classify(SQLException error) {
        switch (error.getErrorCode()) {
            case 1062: case 1586: return ErrorKind.UNIQUE_VIOLATION;
            case 1048: case 1364: return ErrorKind.NOT_NULL_VIOLATION;
            case 1451: case 1452: case 1216: case 1217: return ErrorKind.FOREIGN_KEY_VIOLATION;
            // killed, server shutting down, server gone away, lost during a query
            case 1927: case 1053: case 2006: case 2013: return ErrorKind.CONNECTION_FAILURE;
            // deadlock, lock wait timeout
            case 1213: case 1205: return ErrorKind.TRANSACTION_CONFLICT;
            // max_statement_time (MariaDB), max_execution_time (MySQL), query interrupted
            case 1969: case 3024: case 1317: return ErrorKind.QUERY_TIMEOUT;
            case 1146: return ErrorKind.MISSING_TABLE;
            default: return super.classify(error);
        }
    }
}
