package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.Set;

/** PostgreSQL functions whose names or NULL handling differ on MySQL/MariaDB or SQLite. */
final class PostgresFunctions {

    /** Functions both targets have with PostgreSQL's meaning. */
    private static final Set<String> SAME = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "COALESCE", "NULLIF", "ABS",
            "UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "REPLACE", "ROUND", "CHAR_LENGTH", "CHARACTER_LENGTH",
            "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FLOOR", "CEIL", "SIGN", "SQRT", "EXISTS", "MOD",
            "CONCAT_WS", "NOW", "CURRENT_TIMESTAMP", "FIRST_VALUE", "LAST_VALUE", "LENGTH");

    private final PostgresRewriter rewriter;
    private final Dialect target;
    private final boolean mysql;

    PostgresFunctions(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.target = rewriter.target;
        this.mysql = target.mysqlFamily();
    }

    int call(int name, int open, StringBuilder out) throws SQLException {
        String upper = rewriter.t.upper(name);
        Call call = new Call(rewriter, upper, open);
        if (upper.equals("GENERATE_SERIES")) {
            return new PostgresSeries(rewriter).write(name, call, out);
        }
        if (PostgresArrays.ARRAY_FUNCTIONS.contains(upper)) {
            throw new PostgresArrays(rewriter).function(upper);
        }
        String rewritten = rewrite(call);
        if (rewritten == null) {
            return rewriter.passCall(name, call, SAME.contains(upper) || upper.equals("CAST"), out);
        }
        rewriter.fire(upper.toLowerCase(java.util.Locale.ROOT) + "()");
        out.append(rewritten);
        return call.close + 1;
    }

    private String rewrite(Call call) throws SQLException {
        switch (call.name) {
            case "CAST":
                return cast(call);
            case "LENGTH":
                return mysql ? "CHAR_LENGTH(" + call.args(0) + ")" : null;
            case "STRPOS":
                call.expect(2, 2);
                return mysql ? "LOCATE(" + call.arg(1) + ", " + call.arg(0) + ")"
                        : "INSTR(" + call.arg(0) + ", " + call.arg(1) + ")";
            case "RANDOM":
                return mysql ? "RAND()" : "(ABS(RANDOM()) / 9223372036854775808.0)";
            case "NOW":
                return mysql ? null : "CURRENT_TIMESTAMP";
            case "CONCAT":
                return mysql ? "CONCAT_WS(''" + (call.count() > 0 ? ", " + call.args(0) : "") + ")" : null;
            case "GREATEST":
            case "LEAST":
                return greatestLeast(call);
            case "STRING_AGG":
                return stringAgg(call);
            case "DIV":
                call.expect(2, 2);
                return mysql ? "(" + call.arg(0) + " DIV " + call.arg(1) + ")"
                        : "CAST(" + call.arg(0) + " / " + call.arg(1) + " AS INTEGER)";
            case "DATE_TRUNC":
                return dateTrunc(call);
            case "TRUNC":
                return mysql ? "TRUNCATE(" + call.arg(0) + ", " + (call.count() > 1 ? call.arg(1) : "0") + ")" : null;
            default:
                return null;
        }
    }

    private String cast(Call call) throws SQLException {
        int as = rewriter.t.findWord(call.open + 1, call.close, "AS");
        if (as < 0) {
            return null;
        }
        PostgresTypes type = new PostgresTypes(rewriter);
        type.read(rewriter.t.next(as, call.close), call.close);
        return new PostgresExpressions(rewriter).castTo(rewriter.sub(call.open + 1, as), type);
    }

    /** PostgreSQL's GREATEST/LEAST skip NULLs; MySQL's and SQLite's MAX/MIN return NULL if any is NULL. */
    private String greatestLeast(Call call) throws SQLException {
        call.noRepeatedParameter("coalesce the values before binding them");
        String function = mysql ? call.name : call.name.equals("GREATEST") ? "MAX" : "MIN";
        StringBuilder written = new StringBuilder(function).append('(');
        for (int k = 0; k < call.count(); k++) {
            written.append(k > 0 ? ", " : "").append("COALESCE(").append(call.arg(k));
            for (int other = 0; other < call.count(); other++) {
                if (other != k) {
                    written.append(", ").append(call.arg(other));
                }
            }
            written.append(')');
        }
        return written.append(')').toString();
    }

    /**
     * {@code date_trunc('unit', x)}: the timestamp at the start of its year, quarter, month, week (a Monday),
     * day, hour, minute or second. The unit must be a literal.
     */
    private String dateTrunc(Call call) throws SQLException {
        call.expect(2, 2);
        String unit = call.string(0);
        if (unit == null) {
            throw rewriter.refuse("date_trunc with a computed unit", "the unit is translated when the statement is",
                    "write the unit as a string literal");
        }
        String value = call.arg(1);
        switch (unit.toLowerCase(java.util.Locale.ROOT)) {
            case "year":
                return truncated(value, "%Y-01-01 00:00:00");
            case "quarter":
                call.noRepeatedParameter("truncate the value in the application, or pass it as a literal");
                return mysql ? "CAST(CONCAT(YEAR(" + value + "), '-', LPAD((QUARTER(" + value + ") - 1) * 3 + 1, 2, '0'),"
                        + " '-01 00:00:00') AS DATETIME)"
                        : "STRFTIME('%Y-', " + value + ") || PRINTF('%02d', ((CAST(STRFTIME('%m', " + value
                        + ") AS INTEGER) - 1) / 3) * 3 + 1) || '-01 00:00:00'";
            case "month":
                return truncated(value, "%Y-%m-01 00:00:00");
            case "week":
                call.noRepeatedParameter("truncate the value in the application, or pass it as a literal");
                return mysql ? "CAST(DATE(" + value + ") - INTERVAL WEEKDAY(" + value + ") DAY AS DATETIME)"
                        : "DATETIME(" + value + ", 'start of day', 'weekday 0', '-6 days')";
            case "day":
                return truncated(value, "%Y-%m-%d 00:00:00");
            case "hour":
                return truncated(value, "%Y-%m-%d %H:00:00");
            case "minute":
                return truncated(value, mysql ? "%Y-%m-%d %H:%i:00" : "%Y-%m-%d %H:%M:00");
            case "second":
                return truncated(value, mysql ? "%Y-%m-%d %H:%i:%s" : "%Y-%m-%d %H:%M:%S");
            default:
                throw rewriter.refuse("date_trunc unit '" + unit + "'", "the translator knows year, quarter, month,"
                        + " week, day, hour, minute and second", "use one of those units");
        }
    }

    private String truncated(String value, String format) {
        return mysql ? "CAST(DATE_FORMAT(" + value + ", '" + format + "') AS DATETIME)"
                : "STRFTIME('" + format + "', " + value + ")";
    }

    private String stringAgg(Call call) throws SQLException {
        Tokens t = rewriter.t;
        int order = t.findWord(call.open + 1, call.close, "ORDER");
        int[][] args = rewriter.arguments(call.open);
        if (args.length != 2) {
            throw rewriter.refuse("string_agg with " + args.length + " arguments", "it takes a value and a"
                    + " separator", "pass two arguments");
        }
        String value = rewriter.sub(args[0][0], args[0][1]);
        int separatorEnd = order >= 0 ? order : args[1][1];
        String separator = rewriter.sub(args[1][0], separatorEnd);
        String orderBy = order >= 0 ? " " + rewriter.sub(order, call.close) : "";
        if (mysql) {
            return "GROUP_CONCAT(" + value + orderBy + " SEPARATOR " + separator + ")";
        }
        return "GROUP_CONCAT(" + value + ", " + separator + orderBy + ")";
    }
}
