package dev.retort.jdbc.log;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Renders bound values as SQL literals for reading; the database never sees these strings. */
public final class Literals {

    /** Stands for a value bound as SQL NULL, which the value arrays tell apart from "not bound". */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private Literals() {
    }

    /** {@code null} means "never bound" and renders as the placeholder itself. */
    public static String render(Object value) {
        if (value == null) {
            return "?";
        }
        if (value == NULL) {
            return "NULL";
        }
        if (value instanceof String || value instanceof Character) {
            return quote(value.toString());
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? value.toString() : quote(value.toString());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            return "<" + ((byte[]) value).length + " bytes>";
        }
        String temporal = temporal(value);
        return temporal != null ? temporal : opaque(value);
    }

    private static String temporal(Object value) {
        if (value instanceof java.sql.Date) {
            return "DATE '" + ((java.sql.Date) value).toLocalDate() + '\'';
        }
        if (value instanceof Time) {
            return "TIME '" + time(((Time) value).toLocalTime()) + '\'';
        }
        if (value instanceof Timestamp) {
            return "TIMESTAMP '" + dateTime(((Timestamp) value).toLocalDateTime()) + '\'';
        }
        if (value instanceof java.util.Date) {
            return "TIMESTAMP '" + dateTime(new Timestamp(((java.util.Date) value).getTime()).toLocalDateTime()) + '\'';
        }
        if (value instanceof LocalDate) {
            return "DATE '" + value + '\'';
        }
        if (value instanceof LocalTime) {
            return "TIME '" + time((LocalTime) value) + '\'';
        }
        if (value instanceof LocalDateTime) {
            return "TIMESTAMP '" + dateTime((LocalDateTime) value) + '\'';
        }
        if (value instanceof OffsetDateTime) {
            return withZone((OffsetDateTime) value);
        }
        if (value instanceof ZonedDateTime) {
            return withZone(((ZonedDateTime) value).toOffsetDateTime());
        }
        if (value instanceof Instant) {
            return withZone(((Instant) value).atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetTime) {
            OffsetTime time = (OffsetTime) value;
            return "TIME WITH TIME ZONE '" + time(time.toLocalTime()) + time.getOffset() + '\'';
        }
        return null;
    }

    /** Streams and LOBs are not read: that would consume them before the driver does. */
    private static String opaque(Object value) {
        if (value instanceof InputStream) {
            return "<stream>";
        }
        if (value instanceof Reader) {
            return "<character stream>";
        }
        if (value instanceof Blob) {
            return "<blob>";
        }
        if (value instanceof Clob) {
            return "<clob>";
        }
        if (value instanceof SQLXML) {
            return "<xml>";
        }
        if (value instanceof Array) {
            return "<array>";
        }
        return quote(String.valueOf(value));
    }

    private static String withZone(OffsetDateTime value) {
        return "TIMESTAMP WITH TIME ZONE '" + dateTime(value.toLocalDateTime()) + value.getOffset() + '\'';
    }

    private static String dateTime(LocalDateTime value) {
        return value.toLocalDate() + " " + time(value.toLocalTime());
    }

    /** Always with seconds, and fractions without trailing zeros (LocalTime.toString drops zero seconds). */
    private static String time(LocalTime value) {
        StringBuilder text = new StringBuilder(18);
        two(text, value.getHour()).append(':');
        two(text, value.getMinute()).append(':');
        two(text, value.getSecond());
        int nanos = value.getNano();
        if (nanos != 0) {
            String digits = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }

    private static StringBuilder two(StringBuilder text, int number) {
        return text.append(number < 10 ? "0" : "").append(number);
    }

    public static String quote(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
