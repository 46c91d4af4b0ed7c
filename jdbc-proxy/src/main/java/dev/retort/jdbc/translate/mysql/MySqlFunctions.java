package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;

import java.sql.SQLException;
import java.util.Set;

/**
 * MySQL's string, number and control functions, written for PostgreSQL, H2 and SQLite with MySQL's
 * results (NULL handling, negative positions, byte lengths). Date functions live in {@link MySqlDates}.
 */
final class MySqlFunctions {

    /** Names {@link #rewrite} or {@link MySqlDates} know, whether or not they change them on a target. */
    private static final Set<String> KNOWN = Set.of("IFNULL", "IF", "CONCAT", "GROUP_CONCAT", "SUBSTRING",
            "SUBSTR", "MID", "LEFT", "RIGHT", "LOCATE", "INSTR", "LCASE", "UCASE", "LENGTH", "OCTET_LENGTH",
            "CHAR_LENGTH", "CHARACTER_LENGTH", "TRUNCATE", "ROUND", "RAND", "MOD", "GREATEST", "LEAST", "POW",
            "POWER", "CAST", "CONVERT", "SPACE", "REPEAT", "LPAD", "RPAD", "NOW", "SYSDATE", "LOCALTIME",
            "LOCALTIMESTAMP", "CURRENT_TIMESTAMP", "CURDATE", "CURRENT_DATE", "CURTIME", "CURRENT_TIME",
            "UTC_TIMESTAMP", "UTC_DATE", "DATE", "YEAR", "MONTH", "DAY", "DAYOFMONTH", "HOUR", "MINUTE", "SECOND",
            "DATE_FORMAT", "STR_TO_DATE", "DATE_ADD", "ADDDATE", "DATE_SUB", "SUBDATE", "DATEDIFF", "TIMESTAMPDIFF",
            "LAST_DAY", "UNIX_TIMESTAMP", "FROM_UNIXTIME", "VERSION", "DATABASE", "SCHEMA", "EXTRACT");

    /** Operators and words that make an expression a comparison, a boolean MySQL sums as 1 or 0. */
    private static final Set<String> COMPARING = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "<=>", "IS", "LIKE",
            "IN", "BETWEEN", "REGEXP", "RLIKE", "AND", "OR", "NOT", "EXISTS", "&&", "||");

    private final MySqlRewriter rewriter;
    private final Dialect target;
    private final Target spelling;
    private final MySqlDates dates;

    MySqlFunctions(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.target = rewriter.target;
        this.spelling = rewriter.spelling;
        this.dates = new MySqlDates(rewriter);
    }

    /** Writes the call whose name is token {@code name}; returns the index after its ")". */
    int call(int name, int open, StringBuilder out) throws SQLException {
        String upper = rewriter.t.upper(name);
        Call call = new Call(rewriter, upper, open);
        String rewritten = rewrite(call);
        if (rewritten == null) {
            rewritten = dates.rewrite(call);
        }
        if (rewritten == null) {
            return rewriter.passCall(name, call, KNOWN.contains(upper) || Keywords.PORTABLE_FUNCTIONS.contains(upper),
                    out);
        }
        rewriter.fire(upper + "()");
        out.append(rewritten);
        return call.close + 1;
    }

    private String rewrite(Call call) throws SQLException {
        switch (call.name) {
            case "IFNULL":
                call.expect(2, 2);
                String ifNull = spelling.ifNullFunction();
                return ifNull.equals("IFNULL") ? null : ifNull + "(" + call.args(0) + ")";
            case "SUM":
            case "AVG":
                return sumOfComparison(call);
            case "COUNT":
                return countDistinctWithoutCase(call);
            case "EXTRACT":
                return extract(call);
            case "VERSION":
                call.expect(0, 0);
                return rewriter.spelling.serverVersion();
            case "DATABASE":
            case "SCHEMA":
                call.expect(0, 0);
                return rewriter.spelling.currentSchema();
            case "IF":
                call.expect(3, 3);
                return "CASE WHEN " + call.arg(0) + " THEN " + call.arg(1) + " ELSE " + call.arg(2) + " END";
            case "CONCAT":
                return concat(call);
            case "GROUP_CONCAT":
                return new GroupConcat(rewriter, call).write();
            case "SUBSTRING":
            case "SUBSTR":
            case "MID":
                return substring(call);
            case "LEFT":
            case "RIGHT":
                return leftRight(call);
            case "LOCATE":
                return locate(call);
            case "INSTR":
                call.expect(2, 2);
                return spelling.hasInstr() ? null : spelling.position(call.arg(1), call.arg(0));
            case "LCASE":
                return "LOWER(" + call.args(0) + ")";
            case "UCASE":
                return "UPPER(" + call.args(0) + ")";
            case "LENGTH":
            case "OCTET_LENGTH":
                call.expect(1, 1);
                return spelling.octetLength(call.arg(0));
            case "CHAR_LENGTH":
            case "CHARACTER_LENGTH":
                String charLength = spelling.charLengthFunction();
                return charLength.equals("CHAR_LENGTH") ? null : charLength + "(" + call.args(0) + ")";
            case "TRUNCATE":
                return truncate(call);
            case "ROUND":
                call.expect(1, 2);
                return call.count() == 2 && !spelling.roundsLikeMySql() ? spelling.roundToDigits(call.arg(0), call.arg(1)) : null;
            case "RAND":
                if (call.count() > 0) {
                    throw rewriter.refuse("RAND(seed)", "a seeded sequence cannot be reproduced on " + target,
                            "call RAND() without a seed");
                }
                return spelling.random();
            case "MOD":
                call.expect(2, 2);
                return spelling.hasMod() ? null : spelling.modulo(call.arg(0), call.arg(1));
            case "GREATEST":
            case "LEAST":
                return greatestLeast(call);
            case "POW":
            case "POWER":
                return call.name.equals("POW") ? "POWER(" + call.args(0) + ")" : null;
            case "CAST":
                return new Casts(rewriter).cast(call);
            case "CONVERT":
                return new Casts(rewriter).convert(call);
            case "SPACE":
                call.expect(1, 1);
                if (!spelling.hasRepeat()) {
                    throw rewriter.refuse("SPACE()", spelling.displayName() + " has no function repeating a string",
                            "pass the spaces as a parameter");
                }
                return "REPEAT(' ', " + call.arg(0) + ")";
            case "REPEAT":
            case "LPAD":
            case "RPAD":
                if (!spelling.hasRepeat()) {
                    throw rewriter.refuse(call.name + "()", spelling.displayName() + " has no " + call.name + " function",
                            "build the string in the application");
                }
                return null;
            case "FIELD":
            case "ELT":
            case "FIND_IN_SET":
            case "FORMAT":
                throw rewriter.refuse(call.name + "()", target + " has no equivalent function",
                        "use a CASE expression");
            default:
                return null;
        }
    }

    /** MySQL's CONCAT is NULL when any argument is; PostgreSQL's and H2's skip NULLs, their || does not. */
    private String concat(Call call) throws SQLException {
        if (call.count() == 0) {
            throw rewriter.refuse("CONCAT()", "MySQL requires at least one argument", "pass an argument");
        }
        StringBuilder joined = new StringBuilder("(");
        for (int k = 0; k < call.count(); k++) {
            joined.append(k > 0 ? " || " : "");
            if (spelling.concatenatesAnyType() || call.isString(k)) {
                joined.append(call.arg(k));
            } else {
                joined.append("CAST(").append(call.arg(k)).append(" AS ").append(spelling.unboundedText()).append(')');
            }
        }
        return joined.append(')').toString();
    }

    /** MySQL counts a negative start from the end, and returns '' for start 0 or before the beginning. */
    private String substring(Call call) throws SQLException {
        if (rewriter.t.findWord(call.open + 1, call.close, "FROM") >= 0) {
            rewriter.doubt(call.name + "(… FROM …)", "a start position that is zero or negative is counted"
                    + " differently", "use the comma form with a literal start position");
            return null;
        }
        call.expect(2, 3);
        String length = call.count() == 3 ? ", " + call.arg(2) : "";
        Long start = call.integer(1);
        if (start == null) {
            rewriter.doubt(call.name + "() with a computed start", "a zero or negative start behaves"
                    + " differently on " + target, "use a literal start position");
            return "SUBSTR(" + call.arg(0) + ", " + call.arg(1) + length + ")";
        }
        if (start > 0) {
            return call.name.equals("SUBSTR") ? null : "SUBSTR(" + call.arg(0) + ", " + start + length + ")";
        }
        if (start == 0) {
            return "SUBSTR(" + call.arg(0) + ", 1, 0)";
        }
        call.noRepeatedParameter("use a literal string, or a positive start position");
        long fromEnd = -start;
        String charLength = spelling.charLengthFunction();
        String size = charLength + "(" + call.arg(0) + ")";
        String count = call.count() == 3 ? call.arg(2) : String.valueOf(fromEnd);
        return "SUBSTR(" + call.arg(0) + ", " + size + " - " + (fromEnd - 1) + ", CASE WHEN " + size + " >= "
                + fromEnd + " THEN " + count + " ELSE 0 END)";
    }

    private String leftRight(Call call) throws SQLException {
        call.expect(2, 2);
        Long count = call.integer(1);
        if (count != null && count < 0) {
            return "SUBSTR(" + call.arg(0) + ", 1, 0)";
        }
        if (count == null && spelling.hasLeftRight()) {
            rewriter.doubt(call.name + "() with a computed length", "a negative length behaves differently on "
                    + target, "use a literal length");
        }
        if (spelling.hasLeftRight()) {
            return null;
        }
        if (call.name.equals("LEFT")) {
            return "SUBSTR(" + call.arg(0) + ", 1, " + call.arg(1) + ")";
        }
        if (call.hasParameter(1)) {
            throw rewriter.refuse("RIGHT() with a ? length on sqlite", "its translation repeats the length",
                    "use a literal length");
        }
        return "SUBSTR(" + call.arg(0) + ", -(" + call.arg(1) + "), " + call.arg(1) + ")";
    }

    private String locate(Call call) throws SQLException {
        call.expect(2, 3);
        if (spelling.hasLocate()) {
            return null;
        }
        if (call.count() == 3) {
            throw rewriter.refuse("LOCATE() with a start position", target + " has no such form",
                    "use LOCATE(needle, SUBSTRING(haystack, start)) and add start - 1 when it is not 0");
        }
        return spelling.position(call.arg(0), call.arg(1));
    }

    private String truncate(Call call) throws SQLException {
        call.expect(2, 2);
        if (spelling.hasTruncateFunction()) {
            return null;
        }
        if (!spelling.truncatesByScaling()) {
            return spelling.truncateNumber(call.arg(0), call.arg(1));
        }
        Long digits = call.integer(1);
        if (digits == null || digits < 0 || digits > 15) {
            throw rewriter.refuse("TRUNCATE() with digits other than a literal 0 to 15", spelling.displayName() + " has no"
                    + " TRUNCATE and the emulation needs the power of ten", "use a literal number of digits");
        }
        String scale = "1" + "0".repeat(digits.intValue());
        return "(CAST((" + call.arg(0) + ") * " + scale + " AS INTEGER) / " + scale + ".0)";
    }

    /** MySQL's GREATEST and LEAST are NULL when any argument is; PostgreSQL's and H2's skip NULLs. */
    private String greatestLeast(Call call) throws SQLException {
        String ownFunction = spelling.nullPropagatingGreatest(call.name.equals("GREATEST"), call.args(0));
        if (ownFunction != null) {
            return ownFunction;
        }
        call.noRepeatedParameter("use CASE WHEN ? > x THEN ? ELSE x END with the values bound twice");
        StringBuilder anyNull = new StringBuilder("CASE WHEN ");
        for (int k = 0; k < call.count(); k++) {
            anyNull.append(k > 0 ? " OR " : "").append(call.arg(k)).append(" IS NULL");
        }
        return anyNull.append(" THEN NULL ELSE ").append(call.name).append('(').append(call.args(0))
                .append(") END").toString();
    }

    /** {@code SUM(a > 1)}: MySQL counts a true comparison as 1; targets with a boolean type need the cast. */
    private String sumOfComparison(Call call) throws SQLException {
        if (rewriter.spelling.sumsBooleans() || call.count() != 1 || !comparison(call.ranges[0][0], call.ranges[0][1])) {
            return null;
        }
        return call.name + "(CAST(" + call.arg(0) + " AS INTEGER))";
    }

    /**
     * {@code COUNT(DISTINCT x)} over a column of case-sensitive text in case-insensitive mode: counts 'Davis' and
     * 'davis' once, as MySQL's default collation does ({@code LOWER(x)}, or x in the target's collation).
     */
    private String countDistinctWithoutCase(Call call) throws SQLException {
        Tokens t = rewriter.t;
        if (!rewriter.settings.caseInsensitive() || call.count() != 1 || !t.word(call.ranges[0][0], "DISTINCT")) {
            return null;
        }
        int from = t.next(call.ranges[0][0], call.ranges[0][1]);
        SchemaFacts.Column column = rewriter.column(from, call.ranges[0][1]);
        if (column == null || !column.caseSensitiveText()) {
            return null;
        }
        rewriter.fire("case-insensitive COUNT(DISTINCT)");
        String value = rewriter.sub(from, call.ranges[0][1]);
        return call.name + "(DISTINCT " + rewriter.withoutCase(value) + ")";
    }

    /** Whether [from, to) is a comparison or a logical expression at its own level (not inside parentheses). */
    private boolean comparison(int from, int to) {
        Tokens t = rewriter.t;
        if (t.word(from, "DISTINCT") || t.word(from, "ALL")) {
            return false;
        }
        int cases = 0;
        for (int k = from; k < to; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.word(k, "CASE")) {
                cases++;
            } else if (t.word(k, "END")) {
                cases--;
            } else if (cases == 0 && (t.kind[k] == Tokens.OPERATOR || t.kind[k] == Tokens.WORD)
                    && COMPARING.contains(t.upper(k))) {
                return true;
            }
        }
        SchemaFacts.Column column = rewriter.column(from, to);
        return column != null && column.jdbcType() == java.sql.Types.BOOLEAN;
    }

    /**
     * {@code EXTRACT(unit FROM value)} where the target has no EXTRACT (SQLite): MySQL's own {@code unit(value)},
     * translated as that call is.
     */
    private String extract(Call call) throws SQLException {
        Tokens t = rewriter.t;
        int unit = t.next(call.open, call.close);
        int from = unit < call.close ? t.next(unit, call.close) : call.close;
        if (!t.word(from, "FROM")) {
            return null;
        }
        String name = t.upper(unit);
        int value = t.next(from, call.close);
        if (rewriter.spelling.hasExtract()) {
            // a string literal has no type on PostgreSQL, which then cannot choose among EXTRACT's forms
            return value + 1 == call.close && t.kind[value] == Tokens.STRING ? "EXTRACT(" + name + " FROM CAST("
                    + rewriter.sub(value, value + 1) + " AS TIMESTAMP))" : null;
        }
        if (!Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(name)) {
            throw rewriter.refuse("EXTRACT(" + name + " FROM …)", target + " has no EXTRACT",
                    "extract YEAR, MONTH, DAY, HOUR, MINUTE or SECOND, or compute the value in the application");
        }
        StringBuilder written = new StringBuilder();
        rewriter.translateRewritten(name + "(" + rewriter.sql.substring(t.start[value], t.start[call.close]) + ")",
                written);
        return written.toString();
    }
}
