package dev.retort.jdbc.wrapper;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times read from ISO text when the driver cannot read them. sqlite-jdbc parses text with one pattern
 * ({@code yyyy-MM-dd HH:mm:ss.SSS} unless configured), so a DATE column holding {@code '1995-09-04'} or a DATETIME
 * holding {@code '2020-01-02 03:04:05'}, as MySQL scripts insert them, fails with "Error parsing date" (nine of
 * spring-petclinic's tests through the proxy on SQLite). Asked only after the driver's own getter failed, so what
 * a driver can read stays as it reads it; text that is not ISO gets the driver's error.
 */
final class IsoTemporal {
    /** {@code yyyy-MM-dd}, optionally followed by a time with {@code T} or a space: what MySQL scripts write. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?");

    private IsoTemporal() {
    }

    /** The date of {@code text} (its day, when it has a time too), in the calendar's zone or the JVM's. */
    static Date date(String text, Calendar calendar, SQLException driverFailed) throws SQLException {
        LocalDateTime value = dateTime(text, driverFailed);
        return calendar == null ? Date.valueOf(value.toLocalDate())
                : new Date(value.toLocalDate().atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
    }

    /** The timestamp of {@code text} (midnight for a date alone), in the calendar's zone or the JVM's. */
    static Timestamp timestamp(String text, Calendar calendar, SQLException driverFailed) throws SQLException {
        LocalDateTime value = dateTime(text, driverFailed);
        return calendar == null ? Timestamp.valueOf(value) : Timestamp.from(value.atZone(zone(calendar)).toInstant());
    }

    /** The time of {@code text} (a time alone, or the time of a date and time), in the calendar's zone or the JVM's. */
    static Time time(String text, Calendar calendar, SQLException driverFailed) throws SQLException {
        LocalTime value;
        if (text != null && TIME.matcher(text).matches()) {
            try {
                value = LocalTime.parse(text);
            } catch (DateTimeException outOfRange) {
                throw driverFailed;
            }
        } else {
            value = dateTime(text, driverFailed).toLocalTime();
        }
        return calendar == null ? Time.valueOf(value)
                : new Time(LocalDate.EPOCH.atTime(value).atZone(zone(calendar)).toInstant().toEpochMilli());
    }

    private static LocalDateTime dateTime(String text, SQLException driverFailed) throws SQLException {
        Matcher matcher = text == null ? null : DATE_TIME.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw driverFailed;
        }
        try {
            LocalDate day = LocalDate.parse(matcher.group(1));
            return matcher.group(2) == null ? day.atStartOfDay() : day.atTime(LocalTime.parse(matcher.group(2)));
        } catch (DateTimeException outOfRange) {
            throw driverFailed;
        }
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar.getTimeZone().toZoneId();
    }
}
