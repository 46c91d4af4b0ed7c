package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.Locale;

/**
 * MySQL's date and time functions and {@code INTERVAL} arithmetic for PostgreSQL, H2 and SQLite. MySQL's
 * NOW() has whole seconds and no time zone, so the targets get LOCALTIMESTAMP(0) or SQLite's local time.
 */
final class MySqlDates {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final Target spelling;

    MySqlDates(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
        this.spelling = rewriter.spelling;
    }

    String rewrite(Call call) throws SQLException {
        switch (call.name) {
            case "NOW":
            case "SYSDATE":
            case "LOCALTIME":
            case "LOCALTIMESTAMP":
            case "CURRENT_TIMESTAMP":
                return now(call);
            case "CURDATE":
            case "CURRENT_DATE":
                call.expect(0, 0);
                return currentDate();
            case "CURTIME":
            case "CURRENT_TIME":
                call.expect(0, 0);
                return spelling.currentTime();
            case "UTC_TIMESTAMP":
                call.expect(0, 0);
                return spelling.utcTimestamp();
            case "UTC_DATE":
                call.expect(0, 0);
                return spelling.utcDate();
            case "DATE":
                call.expect(1, 1);
                return spelling.hasMySqlDateFunction() ? null : spelling.castToDate(call.arg(0));
            case "YEAR":
            case "MONTH":
            case "DAY":
            case "DAYOFMONTH":
            case "HOUR":
            case "MINUTE":
            case "SECOND":
                return field(call);
            case "DATE_FORMAT":
                return dateFormat(call);
            case "STR_TO_DATE":
                return strToDate(call);
            case "DATE_ADD":
            case "ADDDATE":
            case "DATE_SUB":
            case "SUBDATE":
                return dateAddCall(call);
            case "DATEDIFF":
                call.expect(2, 2);
                return datediff(call);
            case "TIMESTAMPDIFF":
                return timestampdiff(call);
            case "LAST_DAY":
                call.expect(1, 1);
                return spelling.hasLastDay() ? null : spelling.lastDay(call.arg(0));
            case "UNIX_TIMESTAMP":
                return unixTimestamp(call);
            case "FROM_UNIXTIME":
                return fromUnixtime(call);
            default:
                return null;
        }
    }

    private String now(Call call) throws SQLException {
        call.expect(0, 1);
        String digits = call.count() == 1 ? call.arg(0) : "0";
        String now = spelling.localTimestamp(digits);
        if (now == null) {
            throw rewriter.refuse(call.name + "(" + digits + ")", spelling.displayName() + " keeps milliseconds at most",
                    "use " + call.name + "() or " + call.name + "(3)");
        }
        return now;
    }

    private String currentDate() {
        return spelling.currentDate();
    }

    /** {@code CURRENT_TIMESTAMP} and friends written without parentheses. */
    String bareWord(String upper) {
        switch (upper) {
            case "CURRENT_TIMESTAMP":
            case "LOCALTIMESTAMP":
            case "LOCALTIME":
                return spelling.localTimestamp("0");
            case "CURRENT_DATE":
                String date = spelling.currentDate();
                return date.equals("CURRENT_DATE") ? null : date;
            case "CURRENT_TIME":
                return spelling.currentTime();
            default:
                return null;
        }
    }

    private String field(Call call) throws SQLException {
        call.expect(1, 1);
        String field = call.name.equals("DAYOFMONTH") ? "DAY" : call.name;
        String function = spelling.datePartFunction(call.name);
        if (function != null) {
            return function.equals(call.name) ? null : function + "(" + call.arg(0) + ")";
        }
        return spelling.datePart(field, spelling.datesAsText() ? call.arg(0) : timestamp(call, 0));
    }

    /** An argument PostgreSQL and H2 must see as a timestamp: string literals and markers are cast. */
    private String timestamp(Call call, int k) throws SQLException {
        int[] range = call.ranges[k];
        if (range[1] == range[0] + 1 && (t.kind[range[0]] == Tokens.STRING || t.kind[range[0]] == Tokens.PARAM)) {
            return "CAST(" + call.arg(k) + " AS TIMESTAMP)";
        }
        return call.arg(k);
    }

    /** The format argument, which must be a literal: it is translated once, with the statement. */
    private String literalFormat(Call call) throws SQLException {
        call.expect(2, 2);
        String format = call.string(1);
        if (format == null) {
            throw rewriter.refuse(call.name + " with a computed format", "the format is translated when the"
                    + " statement is", "write the format as a string literal");
        }
        return format;
    }

    private String pattern(Call call, DateFormats formats, String format, String alternative) throws SQLException {
        String pattern = formats.convert(format, spelling);
        if (pattern == null) {
            throw rewriter.refuse(call.name + " specifier " + formats.unsupported, target + " has no equivalent",
                    alternative);
        }
        return pattern;
    }

    private String dateFormat(Call call) throws SQLException {
        String pattern = pattern(call, new DateFormats(), literalFormat(call),
                "format the value in the application, or use %Y %m %d %H %i %s");
        String value = spelling.datesAsText() ? call.arg(0) : timestamp(call, 0);
        String formatted = spelling.formatDate(value, Literals.quote(pattern, target));
        if (formatted == null) {
            throw rewriter.refuse("DATE_FORMAT", target + " has no function formatting dates",
                    "format the value in the application");
        }
        return formatted;
    }

    private String strToDate(Call call) throws SQLException {
        String format = literalFormat(call);
        if (spelling.parsesIsoDatesOnly()) {
            if (format.equals("%Y-%m-%d")) {
                return spelling.castToDate(call.arg(0));
            }
            if (format.equals("%Y-%m-%d %H:%i:%s") || format.equals("%Y-%m-%d %T")) {
                return spelling.castToTimestamp(call.arg(0), "");
            }
            throw rewriter.refuse("STR_TO_DATE with format " + Literals.quote(format, target), spelling.displayName()
                    + " parses only ISO dates", "pass the value as a java.time parameter, or as 'YYYY-MM-DD HH:MM:SS'");
        }
        DateFormats formats = new DateFormats();
        String pattern = pattern(call, formats, format, "parse the value in the application");
        String parsed = spelling.parseDate(call.arg(0), Literals.quote(pattern, target), formats.hasTime);
        if (parsed == null) {
            throw rewriter.refuse("STR_TO_DATE", target + " has no function parsing dates",
                    "parse the value in the application");
        }
        return parsed;
    }

    private String dateAddCall(Call call) throws SQLException {
        call.expect(2, 2);
        int sign = call.name.equals("DATE_SUB") || call.name.equals("SUBDATE") ? -1 : 1;
        int[] second = call.ranges[1];
        if (!t.word(second[0], "INTERVAL")) {
            if (call.name.equals("DATE_ADD") || call.name.equals("DATE_SUB")) {
                throw rewriter.refuse(call.name + " without INTERVAL", "MySQL requires INTERVAL here",
                        "write INTERVAL n DAY");
            }
            return add(call.ranges[0][0], call.ranges[0][1], sign, second[0], second[1], "DAY");
        }
        int unit = t.last(second[0], second[1]);
        int amountFrom = t.next(second[0], second[1]);
        return add(call.ranges[0][0], call.ranges[0][1], sign, amountFrom, unit, t.upper(unit));
    }

    /**
     * {@code base + amount unit} for the target. The result is a date when the base is known to be one and
     * the unit is days or longer, as in MySQL.
     */
    String add(int baseFrom, int baseTo, int sign, int amountFrom, int amountTo, String unit) throws SQLException {
        String base = rewriter.sub(baseFrom, baseTo);
        String amount = rewriter.sub(amountFrom, amountTo);
        int factor = 1;
        String normalized = unit;
        if (unit.equals("WEEK")) {
            normalized = "DAY";
            factor = 7;
        } else if (unit.equals("QUARTER")) {
            normalized = "MONTH";
            factor = 3;
        } else if (!(unit.equals("SECOND") || unit.equals("MINUTE") || unit.equals("HOUR") || unit.equals("DAY")
                || unit.equals("MONTH") || unit.equals("YEAR"))) {
            throw rewriter.refuse("INTERVAL … " + unit, "only single units are translated",
                    "use SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR");
        }
        boolean dateOnly = rewriter.isDateOnly(baseFrom, baseTo) && !(normalized.equals("SECOND")
                || normalized.equals("MINUTE") || normalized.equals("HOUR"));
        String scaled = (sign < 0 ? "-" : "") + "(" + amount + ")" + (factor == 1 ? "" : " * " + factor);
        boolean literalBase = baseTo == baseFrom + 1 && t.kind[baseFrom] == Tokens.STRING;
        if (spelling.addToDateRepeatsOperands(normalized)
                && (t.hasParameter(baseFrom, baseTo) || t.hasParameter(amountFrom, amountTo))) {
            throw rewriter.refuse("INTERVAL … " + normalized + " with a ? parameter on " + target, spelling.displayName()
                    + " rolls 31 January + 1 month over into March, and clamping it repeats the operands", "use a literal date"
                    + " and amount, or compute the date in the application");
        }
        String sum = spelling.addToDate(base, literalBase, scaled, normalized, dateOnly);
        if (sum == null) {
            throw rewriter.refuse("INTERVAL arithmetic", target + " has no date arithmetic the translator knows",
                    "compute the date in the application");
        }
        return sum;
    }

    private String datediff(Call call) throws SQLException {
        String days = spelling.daysBetween(call.arg(0), call.arg(1));
        if (days == null) {
            throw rewriter.refuse("DATEDIFF()", target + " has no date difference the translator knows",
                    "compute the difference in the application");
        }
        return days;
    }

    private String timestampdiff(Call call) throws SQLException {
        call.expect(3, 3);
        String unit = t.upper(call.ranges[0][0]);
        long seconds = switch (unit) {
            case "SECOND" -> 1;
            case "MINUTE" -> 60;
            case "HOUR" -> 3600;
            case "DAY" -> 86400;
            case "WEEK" -> 604800;
            default -> 0;
        };
        String a = call.arg(1);
        String b = call.arg(2);
        if (seconds > 0) {
            String units = spelling.unitsBetween(a, b, seconds);
            if (units != null) {
                return units;
            }
        }
        int months = unit.equals("MONTH") ? 1 : unit.equals("QUARTER") ? 3 : unit.equals("YEAR") ? 12 : 0;
        String calendar = months == 0 ? null : spelling.monthsBetween(a, b, months);
        if (calendar == null) {
            throw rewriter.refuse("TIMESTAMPDIFF(" + unit + ", …)", target + " counts calendar units differently",
                    "use TIMESTAMPDIFF(DAY, …) or compute the difference in the application");
        }
        call.noRepeatedParameter("bind the dates into a derived table first");
        return calendar;
    }

    private String unixTimestamp(Call call) throws SQLException {
        call.expect(0, 1);
        return spelling.unixTimestamp(call.count() == 0 ? null : call.arg(0));
    }

    private String fromUnixtime(Call call) throws SQLException {
        if (call.count() == 2) {
            throw rewriter.refuse("FROM_UNIXTIME with a format", "the two-argument form is not translated",
                    "write DATE_FORMAT(FROM_UNIXTIME(n), format)");
        }
        call.expect(1, 1);
        String timestamp = spelling.fromUnixTime(call.arg(0));
        if (timestamp == null) {
            throw rewriter.refuse("FROM_UNIXTIME()", target + " has no conversion from Unix time the translator"
                    + " knows", "convert the value in the application");
        }
        return timestamp;
    }
}
