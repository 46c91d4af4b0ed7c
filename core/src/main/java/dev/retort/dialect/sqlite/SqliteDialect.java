package dev.retort.dialect.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;

import dev.retort.dialect.ColumnBinder;
import dev.retort.dialect.ColumnReader;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ErrorKind;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.SqlType;

/**
 * SQLite 3.35+. Dates and times are stored as ISO-8601 text of fixed width (so they sort and compare
 * as text), instants in UTC; UUIDs as text; decimals as text bound exactly, though SQLite's NUMERIC
 * affinity keeps only about 15 significant digits. No sequences: SEQUENCE keys fall back to the rowid.
 */
public final class SqliteDialect extends Dialect {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true).toFormatter();
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter();
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DATE_TIME).appendOffset("+HH:MM", "+00:00").toFormatter();

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    protected SqlCompiler newCompiler() {
        return new SqliteCompiler(this);
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    /** SQLite's ALTER TABLE only adds, drops and renames columns and renames tables. */
    @Override
    public boolean supportsAlterTableConstraints() {
        return false;
    }

    @Override
    public boolean supportsSequences() {
        return false;
    }

    /** sqlite-jdbc answers getGeneratedKeys after a batch with the last rowid only. */
    @Override
    public boolean supportsBatchGeneratedKeys() {
        return false;
    }

    @Override
    public ColumnBinder binder(Class<?> javaType, SqlType sqlType) {
        if (javaType == LocalDate.class || javaType == UUID.class) {
            return (statement, index, value) -> statement.setString(index, value.toString());
        }
        if (javaType == LocalTime.class) {
            return (statement, index, value) -> statement.setString(index, TIME.format((LocalTime) value));
        }
        if (javaType == LocalDateTime.class) {
            return (statement, index, value) -> statement.setString(index, DATE_TIME.format((LocalDateTime) value));
        }
        if (javaType == Instant.class) {
            return (statement, index, value) ->
                    statement.setString(index, DATE_TIME.format(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)));
        }
        if (javaType == OffsetDateTime.class) {
            return (statement, index, value) -> statement.setString(index, OFFSET_DATE_TIME.format((OffsetDateTime) value));
        }
        if (javaType == BigDecimal.class) {
            return (statement, index, value) -> statement.setString(index, ((BigDecimal) value).toPlainString());
        }
        return super.binder(javaType, sqlType);
    }

    @Override
    public ColumnReader reader(Class<?> javaType, SqlType sqlType, int scale) {
        if (javaType == LocalDate.class) {
            return text(LocalDate::parse);
        }
        if (javaType == UUID.class) {
            return text(UUID::fromString);
        }
        if (javaType == LocalTime.class) {
            return text(value -> LocalTime.parse(value, TIME));
        }
        if (javaType == LocalDateTime.class) {
            return text(value -> LocalDateTime.parse(value, DATE_TIME));
        }
        if (javaType == Instant.class) {
            return text(value -> LocalDateTime.parse(value, DATE_TIME).toInstant(ZoneOffset.UTC));
        }
        if (javaType == OffsetDateTime.class) {
            return text(value -> OffsetDateTime.parse(value, OFFSET_DATE_TIME));
        }
        if (javaType == BigDecimal.class) {
            // NUMERIC affinity may have turned "10.50" into the REAL 10.5: restore the declared scale.
            return text(value -> scale > 0 ? new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN) : new BigDecimal(value));
        }
        return super.reader(javaType, sqlType, scale);
    }

    private static ColumnReader text(java.util.function.Function<String, Object> parse) {
        return (resultSet, index) -> {
            String value = resultSet.getString(index);
            return value == null ? null : parse.apply(value);
        };
    }

    /**
     * sqlite-jdbc's {@code setQueryTimeout} only bounds waits for locks (its busy timeout), not a statement
     * that computes; a progress handler on the connection interrupts that one (SQLITE_INTERRUPT).
     */
    @Override
    public void applyTimeout(PreparedStatement statement, int seconds) throws SQLException {
        statement.setQueryTimeout(seconds);
        SqliteTimeouts.interruptAfter(statement, seconds);
    }

    /** sqlite-jdbc reports SQLITE_CONSTRAINT (19) with the constraint kind only in the message. */
    @Override
    public ErrorKind classify(SQLException error) {
        String message = String.valueOf(error.getMessage());
        if (error.getErrorCode() == 19) {
            if (message.contains("UNIQUE constraint failed") || message.contains("PRIMARYKEY")) {
                return ErrorKind.UNIQUE_VIOLATION;
            }
            if (message.contains("NOT NULL constraint failed")) {
                return ErrorKind.NOT_NULL_VIOLATION;
            }
            if (message.contains("FOREIGN KEY constraint failed")) {
                return ErrorKind.FOREIGN_KEY_VIOLATION;
            }
            return ErrorKind.OTHER_INTEGRITY_VIOLATION;
        }
        if (error.getErrorCode() == 1 && message.contains("no such table")) {
            return ErrorKind.MISSING_TABLE;
        }
        switch (error.getErrorCode()) {
            case 5: case 6: return ErrorKind.TRANSACTION_CONFLICT;   // SQLITE_BUSY, SQLITE_LOCKED
            case 9: return ErrorKind.QUERY_TIMEOUT;                  // SQLITE_INTERRUPT: sqlite-jdbc's query timeout
            default: return super.classify(error);
        }
    }
}
