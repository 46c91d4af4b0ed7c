package dev.retort.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import dev.retort.sql.SqlType;

/** The Java field types Retort maps, and the column type each gets by default. */
public final class JavaTypes {
    private JavaTypes() {
    }

    private static final Map<Class<?>, SqlType> COLUMN_TYPES = Map.ofEntries(
            Map.entry(String.class, SqlType.VARCHAR),
            Map.entry(Long.class, SqlType.BIGINT), Map.entry(long.class, SqlType.BIGINT),
            Map.entry(Integer.class, SqlType.INTEGER), Map.entry(int.class, SqlType.INTEGER),
            Map.entry(Short.class, SqlType.SMALLINT), Map.entry(short.class, SqlType.SMALLINT),
            Map.entry(Byte.class, SqlType.TINYINT), Map.entry(byte.class, SqlType.TINYINT),
            Map.entry(Boolean.class, SqlType.BOOLEAN), Map.entry(boolean.class, SqlType.BOOLEAN),
            Map.entry(Double.class, SqlType.DOUBLE), Map.entry(double.class, SqlType.DOUBLE),
            Map.entry(Float.class, SqlType.REAL), Map.entry(float.class, SqlType.REAL),
            Map.entry(Character.class, SqlType.CHAR), Map.entry(char.class, SqlType.CHAR),
            Map.entry(BigDecimal.class, SqlType.DECIMAL), Map.entry(BigInteger.class, SqlType.DECIMAL),
            Map.entry(LocalDate.class, SqlType.DATE), Map.entry(LocalDateTime.class, SqlType.TIMESTAMP),
            Map.entry(LocalTime.class, SqlType.TIME), Map.entry(Instant.class, SqlType.TIMESTAMP_WITH_TIME_ZONE),
            Map.entry(OffsetDateTime.class, SqlType.TIMESTAMP_WITH_TIME_ZONE),
            Map.entry(UUID.class, SqlType.UUID), Map.entry(byte[].class, SqlType.BINARY));

    /** Names of the supported types, for messages. */
    public static final String SUPPORTED = "String, char, long, int, short, byte, boolean, double, float (primitive or boxed), "
            + "BigDecimal, BigInteger, LocalDate, LocalDateTime, LocalTime, Instant, OffsetDateTime, UUID, byte[] and enums";

    public static SqlType columnType(Class<?> javaType) {
        return COLUMN_TYPES.get(javaType);
    }

    /** The boxed type of a primitive; other types as they are. */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) return Long.class;
        if (type == int.class) return Integer.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == boolean.class) return Boolean.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == char.class) return Character.class;
        throw new IllegalArgumentException(type.getName());
    }

    /**
     * An integral {@code value} (Long, Integer, Short, Byte) as {@code target} (Long, Integer, Short) when it
     * fits, so that {@code get(User.class, 1)} finds a Long id; {@code null} otherwise.
     */
    public static Object widenIntegral(Object value, Class<?> target) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (target == Long.class) {
                return number;
            }
            if (target == Integer.class && number == (int) number) {
                return (int) number;
            }
            if (target == Short.class && number == (short) number) {
                return (short) number;
            }
        }
        return null;
    }

    /** "a Long", "an Integer": a type name for messages, with its article. */
    public static String withArticle(String typeName) {
        return ("AEIOU".indexOf(Character.toUpperCase(typeName.charAt(0))) >= 0 ? "an " : "a ") + typeName;
    }
}
