package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Call;
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

    MySqlDates(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
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
                return target == Dialect.SQLITE ? "TIME('now', 'localtime')" : "LOCALTIME(0)";
            case "UTC_TIMESTAMP":
                call.expect(0, 0);
                return target == Dialect.SQLITE ? "DATETIME('now')" : target == Dialect.POSTGRESQL
                        ? "CAST(NOW() AT TIME ZONE 'UTC' AS TIMESTAMP(0))"
                        : "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP(0))";
            case "UTC_DATE":
                call.expect(0, 0);
                return target == Dialect.SQLITE ? "DATE('now')" : target == Dialect.POSTGRESQL
                        ? "CAST(NOW() AT TIME ZONE 'UTC' AS DATE)"
                        : "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATE)";
            case "DATE":
                call.expect(1, 1);
                return target == Dialect.SQLITE ? null : Casts.date(call.arg(0), target);
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
                return target == Dialect.H2 ? null : target == Dialect.SQLITE
                        ? "DATE(" + call.arg(0) + ", 'start of month', '+1 month', '-1 day')"
                        : "CAST(DATE_TRUNC('month', CAST(" + call.arg(0) + " AS DATE)) + INTERVAL '1 month'"
                        + " - INTERVAL '1 day' AS DATE)";
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
        if (target != Dialect.SQLITE) {
            return "LOCALTIMESTAMP(" + digits + ")";
        }
        if (digits.equals("0")) {
            return "DATETIME('now', 'localtime')";
        }
        if (digits.equals("3")) {
            return "STRFTIME('%Y-%m-%d %H:%M:%f', 'now', 'localtime')";
        }
        throw rewriter.refuse(call.name + "(" + digits + ")", "SQLite keeps milliseconds at most",
                "use " + call.name + "() or " + call.name + "(3)");
    }

    private String currentDate() {
        return target == Dialect.SQLITE ? "DATE('now', 'localtime')" : "CURRENT_DATE";
    }

    /** {@code CURRENT_TIMESTAMP} and friends written without parentheses. */
    String bareWord(String upper) {
        switch (upper) {
            case "CURRENT_TIMESTAMP":
            case "LOCALTIMESTAMP":
            case "LOCALTIME":
                return target == Dialect.SQLITE ? "DATETIME('now', 'localtime')" : "LOCALTIMESTAMP(0)";
            case "CURRENT_DATE":
                return target == Dialect.SQLITE ? currentDate() : null;
            case "CURRENT_TIME":
                return target == Dialect.SQLITE ? "TIME('now', 'localtime')" : "LOCALTIME(0)";
            default:
                return null;
        }
    }

    private String field(Call call) throws SQLException {
        call.expect(1, 1);
        String field = call.name.equals("DAYOFMONTH") ? "DAY" : call.name;
        if (target == Dialect.H2) {
            return call.name.equals("DAYOFMONTH") ? "DAY_OF_MONTH(" + call.arg(0) + ")" : null;
        }
        if (target == Dialect.SQLITE) {
            String format = switch (field) {
                case "YEAR" -> "%Y";
                case "MONTH" -> "%m";
                case "DAY" -> "%d";
                case "HOUR" -> "%H";
                case "MINUTE" -> "%M";
                default -> "%S";
            };
            return "CAST(STRFTIME('" + format + "', " + call.arg(0) + ") AS INTEGER)";
        }
        return "CAST(EXTRACT(" + field + " FROM " + timestamp(call, 0) + ") AS INTEGER)";
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
        String pattern = formats.convert(format, target);
        if (pattern == null) {
            throw rewriter.refuse(call.name + " specifier " + formats.unsupported, target + " has no equivalent",
                    alternative);
        }
        return pattern;
    }

    private String dateFormat(Call call) throws SQLException {
        String pattern = pattern(call, new DateFormats(), literalFormat(call),
                "format the value in the application, or use %Y %m %d %H %i %s");
        String value = call.arg(0);
        switch (target) {
            case POSTGRESQL:
                return "TO_CHAR(" + timestamp(call, 0) + ", " + Literals.quote(pattern, target) + ")";
            case H2:
                return "FORMATDATETIME(" + timestamp(call, 0) + ", " + Literals.quote(pattern, target) + ", 'en')";
            default:
                return "STRFTIME(" + Literals.quote(pattern, target) + ", " + value + ")";
        }
    }

    private String strToDate(Call call) throws SQLException {
        String format = literalFormat(call);
        if (target == Dialect.SQLITE) {
            if (format.equals("%Y-%m-%d")) {
                return "DATE(" + call.arg(0) + ")";
            }
            if (format.equals("%Y-%m-%d %H:%i:%s") || format.equals("%Y-%m-%d %T")) {
                return "DATETIME(" + call.arg(0) + ")";
            }
            throw rewriter.refuse("STR_TO_DATE with format " + Literals.quote(format, target), "SQLite parses"
                    + " only ISO dates", "pass the value as a java.time parameter, or as 'YYYY-MM-DD HH:MM:SS'");
        }
        DateFormats formats = new DateFormats();
        String pattern = pattern(call, formats, format, "parse the value in the application");
        String type = formats.hasTime ? "TIMESTAMP" : "DATE";
        if (target == Dialect.POSTGRESQL) {
            return formats.hasTime ? "CAST(TO_TIMESTAMP(" + call.arg(0) + ", " + Literals.quote(pattern, target)
                    + ") AS TIMESTAMP)" : "TO_DATE(" + call.arg(0) + ", " + Literals.quote(pattern, target) + ")";
        }
        return "CAST(PARSEDATETIME(" + call.arg(0) + ", " + Literals.quote(pattern, target) + ", 'en') AS "
                + type + ")";
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
        switch (target) {
            case POSTGRESQL: {
                String from = literalBase ? "CAST(" + base + " AS TIMESTAMP)" : base;
                String sum = from + " + " + scaled + " * INTERVAL '1 " + normalized.toLowerCase(Locale.ROOT) + "'";
                return dateOnly ? "CAST(" + sum + " AS DATE)" : "(" + sum + ")";
            }
            case H2: {
                String from = literalBase ? "CAST(" + base + " AS " + (dateOnly ? "DATE" : "TIMESTAMP") + ")" : base;
                return "DATEADD(" + normalized + ", " + scaled + ", " + from + ")";
            }
            default:
                return sqliteAdd(base, dateOnly, scaled, normalized, t.hasParameter(baseFrom, baseTo)
                        || t.hasParameter(amountFrom, amountTo));
        }
    }

    private String sqliteAdd(String base, boolean dateOnly, String scaled, String unit, boolean parameter)
            throws SQLException {
        String function = dateOnly ? "DATE(" : "DATETIME(";
        String modifier = "(" + scaled + ") || ' " + unit.toLowerCase(Locale.ROOT) + "s'";
        if (!unit.equals("MONTH") && !unit.equals("YEAR")) {
            return function + base + ", " + modifier + ")";
        }
        if (parameter) {
            throw rewriter.refuse("INTERVAL … " + unit + " with a ? parameter on sqlite", "SQLite rolls 31 January"
                    + " + 1 month over into March, and clamping it repeats the operands", "use a literal date and"
                    + " amount, or compute the date in the application");
        }
        String shifted = function + base + ", " + modifier + ")";
        return "CASE WHEN STRFTIME('%d', " + shifted + ") = STRFTIME('%d', " + base + ") THEN " + shifted
                + " ELSE " + function + base + ", " + modifier + ", 'start of month', '-1 day') END";
    }

    private String datediff(Call call) throws SQLException {
        switch (target) {
            case POSTGRESQL:
                return "(CAST(" + call.arg(0) + " AS DATE) - CAST(" + call.arg(1) + " AS DATE))";
            case H2:
                return "DATEDIFF(DAY, " + Casts.date(call.arg(1), target) + ", " + Casts.date(call.arg(0), target) + ")";
            default:
                return "CAST(JULIANDAY(DATE(" + call.arg(0) + ")) - JULIANDAY(DATE(" + call.arg(1)
                        + ")) AS INTEGER)";
        }
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
            switch (target) {
                case POSTGRESQL:
                    return "CAST(TRUNC(EXTRACT(EPOCH FROM (CAST(" + b + " AS TIMESTAMP) - CAST(" + a
                            + " AS TIMESTAMP))) / " + seconds + ") AS BIGINT)";
                case H2:
                    return "CAST(DATEDIFF(SECOND, CAST(" + a + " AS TIMESTAMP), CAST(" + b + " AS TIMESTAMP)) / "
                            + seconds + " AS BIGINT)";
                default:
                    return "((CAST(STRFTIME('%s', " + b + ") AS INTEGER) - CAST(STRFTIME('%s', " + a
                            + ") AS INTEGER)) / " + seconds + ")";
            }
        }
        int months = unit.equals("MONTH") ? 1 : unit.equals("QUARTER") ? 3 : unit.equals("YEAR") ? 12 : 0;
        if (months == 0 || target != Dialect.POSTGRESQL) {
            throw rewriter.refuse("TIMESTAMPDIFF(" + unit + ", …)", target + " counts calendar units differently",
                    "use TIMESTAMPDIFF(DAY, …) or compute the difference in the application");
        }
        call.noRepeatedParameter("bind the dates into a derived table first");
        String age = "AGE(CAST(" + b + " AS TIMESTAMP), CAST(" + a + " AS TIMESTAMP))";
        return "CAST(TRUNC((EXTRACT(YEAR FROM " + age + ") * 12 + EXTRACT(MONTH FROM " + age + ")) / " + months
                + ") AS BIGINT)";
    }

    private String unixTimestamp(Call call) throws SQLException {
        call.expect(0, 1);
        if (target == Dialect.SQLITE) {
            return "CAST(STRFTIME('%s', " + (call.count() == 0 ? "'now'" : call.arg(0)) + ") AS INTEGER)";
        }
        String value = call.count() == 0 ? "CURRENT_TIMESTAMP"
                : "CAST(" + call.arg(0) + " AS TIMESTAMP WITH TIME ZONE)";
        return "CAST(FLOOR(EXTRACT(EPOCH FROM " + value + ")) AS BIGINT)";
    }

    private String fromUnixtime(Call call) throws SQLException {
        if (call.count() == 2) {
            throw rewriter.refuse("FROM_UNIXTIME with a format", "the two-argument form is not translated",
                    "write DATE_FORMAT(FROM_UNIXTIME(n), format)");
        }
        call.expect(1, 1);
        switch (target) {
            case POSTGRESQL:
                return "CAST(TO_TIMESTAMP(" + call.arg(0) + ") AS TIMESTAMP(0))";
            case H2:
                return "CAST(DATEADD(SECOND, " + call.arg(0) + ", TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')"
                        + " AS TIMESTAMP(0))";
            default:
                return "DATETIME(" + call.arg(0) + ", 'unixepoch', 'localtime')";
        }
    }
}
