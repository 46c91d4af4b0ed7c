package dev.retort.jdbc.translate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Result rows rendered so that databases can be compared: booleans as 1/0, numbers without trailing zeros
 * (doubles to 12 significant digits), timestamps as {@code yyyy-MM-dd HH:mm:ss[.fff]} and a midnight
 * timestamp as its date, bytes in hex.
 */
final class Rows {

    private static final Pattern TIMESTAMP =
            Pattern.compile("(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d)(:\\d\\d)?(?:\\.(\\d*?))?0*");

    private Rows() {
    }

    static List<String> read(ResultSet resultSet) throws SQLException {
        List<String> rows = new ArrayList<>();
        ResultSetMetaData metaData = resultSet.getMetaData();
        while (resultSet.next()) {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                row.append(column > 1 ? " | " : "").append(render(resultSet.getObject(column)));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return BigDecimal.valueOf(number).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof byte[] bytes) {
            return "x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Time time) {
            return time.toString();
        }
        if (value instanceof Timestamp timestamp) {
            return text(timestamp.toLocalDateTime().toString());
        }
        if (value instanceof LocalDateTime dateTime) {
            return text(dateTime.toString());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return text(dateTime.toLocalDateTime().toString());
        }
        return text(value.toString());
    }

    /** Dates and timestamps written as text (SQLite) get the same shape as typed ones. */
    private static String text(String value) {
        var timestamp = TIMESTAMP.matcher(value);
        if (!timestamp.matches()) {
            return value;
        }
        String time = timestamp.group(2) + (timestamp.group(3) == null ? ":00" : timestamp.group(3));
        String fraction = timestamp.group(4) == null || timestamp.group(4).isEmpty() ? "" : "." + timestamp.group(4);
        if (time.equals("00:00:00") && fraction.isEmpty()) {
            return timestamp.group(1);
        }
        return timestamp.group(1) + " " + time + fraction;
    }
}
