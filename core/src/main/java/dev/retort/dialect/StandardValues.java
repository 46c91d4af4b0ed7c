package dev.retort.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.retort.sql.SqlType;

/**
 * Binders and readers for the JDBC 4.2 standard path, shared by every dialect; a dialect overrides only
 * the types its driver stores differently. Readers check {@link ResultSet#wasNull()} so that SQL NULL
 * is {@code null} for boxed types too.
 */
final class StandardValues {
    private StandardValues() {
    }

    static ColumnBinder binder(Class<?> javaType) {
        if (javaType == String.class) {
            return (statement, index, value) -> statement.setString(index, (String) value);
        }
        if (javaType == Long.class || javaType == long.class) {
            return (statement, index, value) -> statement.setLong(index, (Long) value);
        }
        if (javaType == Integer.class || javaType == int.class) {
            return (statement, index, value) -> statement.setInt(index, (Integer) value);
        }
        if (javaType == Short.class || javaType == short.class) {
            return (statement, index, value) -> statement.setShort(index, (Short) value);
        }
        if (javaType == Byte.class || javaType == byte.class) {
            return (statement, index, value) -> statement.setByte(index, (Byte) value);
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return (statement, index, value) -> statement.setBoolean(index, (Boolean) value);
        }
        if (javaType == Double.class || javaType == double.class) {
            return (statement, index, value) -> statement.setDouble(index, (Double) value);
        }
        if (javaType == Float.class || javaType == float.class) {
            return (statement, index, value) -> statement.setFloat(index, (Float) value);
        }
        if (javaType == Character.class || javaType == char.class) {
            return (statement, index, value) -> statement.setString(index, value.toString());
        }
        if (javaType == BigDecimal.class) {
            return (statement, index, value) -> statement.setBigDecimal(index, (BigDecimal) value);
        }
        if (javaType == BigInteger.class) {
            return (statement, index, value) -> statement.setBigDecimal(index, new BigDecimal((BigInteger) value));
        }
        if (javaType == Instant.class) {
            return (statement, index, value) ->
                    statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
        if (javaType == byte[].class) {
            return (statement, index, value) -> statement.setBytes(index, (byte[]) value);
        }
        if (javaType == LocalDate.class || javaType == LocalDateTime.class || javaType == LocalTime.class
                || javaType == OffsetDateTime.class || javaType == UUID.class) {
            return (statement, index, value) -> statement.setObject(index, value);
        }
        throw new IllegalArgumentException("No JDBC binder for " + javaType.getName());
    }

    static ColumnReader reader(Class<?> javaType) {
        if (javaType == String.class) {
            return ResultSet::getString;
        }
        if (javaType == Long.class || javaType == long.class) {
            return (resultSet, index) -> {
                long value = resultSet.getLong(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Integer.class || javaType == int.class) {
            return (resultSet, index) -> {
                int value = resultSet.getInt(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Short.class || javaType == short.class) {
            return (resultSet, index) -> {
                short value = resultSet.getShort(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Byte.class || javaType == byte.class) {
            return (resultSet, index) -> {
                byte value = resultSet.getByte(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return (resultSet, index) -> {
                boolean value = resultSet.getBoolean(index);
                return !value && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Double.class || javaType == double.class) {
            return (resultSet, index) -> {
                double value = resultSet.getDouble(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Float.class || javaType == float.class) {
            return (resultSet, index) -> {
                float value = resultSet.getFloat(index);
                return value == 0 && resultSet.wasNull() ? null : value;
            };
        }
        if (javaType == Character.class || javaType == char.class) {
            return (resultSet, index) -> {
                String value = resultSet.getString(index);
                return value == null || value.isEmpty() ? null : value.charAt(0);
            };
        }
        if (javaType == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (javaType == BigInteger.class) {
            return (resultSet, index) -> {
                BigDecimal value = resultSet.getBigDecimal(index);
                return value == null ? null : value.toBigIntegerExact();
            };
        }
        if (javaType == Instant.class) {
            return (resultSet, index) -> {
                OffsetDateTime value = resultSet.getObject(index, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            };
        }
        if (javaType == byte[].class) {
            return ResultSet::getBytes;
        }
        if (javaType == LocalDate.class || javaType == LocalDateTime.class || javaType == LocalTime.class
                || javaType == OffsetDateTime.class || javaType == UUID.class) {
            return (resultSet, index) -> resultSet.getObject(index, javaType);
        }
        throw new IllegalArgumentException("No JDBC reader for " + javaType.getName());
    }

    static int jdbcType(SqlType type) {
        switch (type) {
            case BOOLEAN: return Types.BOOLEAN;
            case TINYINT: return Types.TINYINT;
            case SMALLINT: return Types.SMALLINT;
            case INTEGER: return Types.INTEGER;
            case BIGINT: return Types.BIGINT;
            case REAL: return Types.REAL;
            case DOUBLE: return Types.DOUBLE;
            case DECIMAL: return Types.DECIMAL;
            case CHAR: return Types.CHAR;
            case VARCHAR: return Types.VARCHAR;
            case DATE: return Types.DATE;
            case TIME: return Types.TIME;
            case TIMESTAMP: return Types.TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE: return Types.TIMESTAMP_WITH_TIMEZONE;
            case UUID: return Types.OTHER;
            case BINARY: return Types.VARBINARY;
            default: throw new IllegalArgumentException(type.name());
        }
    }
}
