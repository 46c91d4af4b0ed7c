package dev.retort.jdbc.log;

import dev.retort.jdbc.ProxyOptions;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** {@link #render(Object, int)} with the default {@code retort.log.max-value-length}. */
    public static String render(Object value) {
        return render(value, ProxyOptions.DEFAULT_MAX_VALUE_LENGTH);
    }

    /**
     * The value as a literal of at most {@code maxLength} characters, or summarised by type and size
     * ({@code <String, 10485760 chars>}, {@code <16 bytes>}). The size is checked before anything is
     * built, so a 10 MB string costs a few bytes here. {@code null} means "never bound" and renders as
     * the placeholder itself.
     */
    public static String render(Object value, int maxLength) {
        if (value == null) {
            return "?";
        }
        if (value == NULL) {
            return "NULL";
        }
        if (value instanceof String) {
            return text((String) value, value, maxLength);
        }
        if (value instanceof Character) {
            return quote(value.toString());
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof Number) {
            return number((Number) value, maxLength);
        }
        if (value instanceof byte[]) {
            return "<" + ((byte[]) value).length + " bytes>";
        }
        String temporal = temporal(value);
        return temporal != null ? temporal : opaque(value, maxLength);
    }

    /** The length of {@link #render(Object, int)}'s answer, building at most {@code maxLength} characters. */
    static long renderedLength(Object value, int maxLength) {
        if (value instanceof String) {
            String text = (String) value;
            long quoted = quotedLength(text, maxLength);
            return quoted >= 0 ? quoted : summary(value, text.length(), "chars").length();
        }
        return render(value, maxLength).length();
    }

    /** Quoted if the quoted form fits, else summarised; {@code owner} names the type in the summary. */
    private static String text(String text, Object owner, int maxLength) {
        return quotedLength(text, maxLength) >= 0 ? quote(text) : summary(owner, text.length(), "chars");
    }

    /** The length of {@code 'text'} with its quotes doubled, or -1 beyond {@code maxLength}; reads no further. */
    private static long quotedLength(String text, int maxLength) {
        if (text.length() + 2L > maxLength) {
            return -1;
        }
        long length = text.length() + 2L;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\'' && ++length > maxLength) {
                return -1;
            }
        }
        return length;
    }

    private static String summary(Object value, long size, String unit) {
        String type = value.getClass().getSimpleName();
        return "<" + (type.isEmpty() ? value.getClass().getName() : type) + ", " + size + " " + unit + ">";
    }

    /**
     * BigDecimal's plain form and BigInteger's digits are computed from the scale and the bit length first:
     * {@code 1E+1000000000} is a few bytes that would print as a billion zeros.
     */
    private static String number(Number value, int maxLength) {
        if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            long length = plainLength(decimal);
            return length > maxLength ? summary(value, length, "chars") : decimal.toPlainString();
        }
        if (value instanceof BigInteger) {
            long bits = ((BigInteger) value).bitLength();
            // log10(2) < 0.30103: an upper bound of the digits, plus the sign
            return bits * 0.30103 + 2 > maxLength ? summary(value, bits, "bits") : value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = value.doubleValue();
            return Double.isFinite(number) ? value.toString() : quote(value.toString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        return opaque(value, maxLength);
    }

    private static long plainLength(BigDecimal decimal) {
        long precision = decimal.precision();
        long scale = decimal.scale();
        long digits = scale <= 0 ? precision - scale : scale >= precision ? scale + 2 : precision + 1;
        return digits + (decimal.signum() < 0 ? 1 : 0);
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
    private static String opaque(Object value, int maxLength) {
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
        // an application type's toString is the one value whose length cannot be known before it is built
        return text(String.valueOf(value), value, maxLength);
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
