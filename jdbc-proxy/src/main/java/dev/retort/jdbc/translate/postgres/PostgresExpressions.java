package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL operators, keywords and functions for MySQL/MariaDB and SQLite. PostgreSQL compares text
 * case-sensitively while MySQL's default collation does not, so LIKE and {@code = 'literal'} get BINARY on
 * MySQL; its NULLs sort last ascending, so ORDER BY says so on the targets.
 */
final class PostgresExpressions {

    private final PostgresRewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final boolean mysql;
    /** On SQLite, the last INTERVAL written as DATETIME(…): its last token and its date operand's first. */
    private int intervalEnd = -1;
    private int intervalBase = -1;

    PostgresExpressions(PostgresRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
        this.mysql = target.mysqlFamily();
    }

    int operator(int i, int floor, int limit, StringBuilder out) throws SQLException {
        String op = t.text(i);
        switch (op) {
            case "::":
                return cast(i, floor, limit, out);
            case "||":
                return concat(i, floor, limit, out);
            case "=":
            case "<>":
            case "!=":
                if (mysql && t.next(i, limit) < limit && t.kind[t.next(i, limit)] == Tokens.STRING) {
                    rewriter.fire("case-sensitive comparison");
                    rewriter.copy(i, out);
                    out.append(" BINARY");
                    return i + 1;
                }
                return copy(i, out);
            case "/":
                return divide(i, floor, limit, out);
            case "~":
            case "~*":
            case "!~":
            case "!~*":
            case "->":
            case "->>":
            case "#>":
            case "#>>":
            case "@>":
            case "<@":
            case "&&":
                throw rewriter.refuse("The " + op + " operator", target + " has no equivalent", op.contains("~")
                        ? "use LIKE" : "read the value in the application");
            default:
                return copy(i, out);
        }
    }

    private int copy(int i, StringBuilder out) {
        rewriter.copy(i, out);
        return i + 1;
    }

    /** {@code x::type} binds tighter than any operator: the operand is the primary before it. */
    private int cast(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int start = rewriter.primaryStart(t.previous(i, floor), floor);
        if (start < 0) {
            throw rewriter.refuse(":: after a complex expression", "the operand of a cast must be a name, literal,"
                    + " call or parenthesised expression", "write CAST(… AS type)");
        }
        PostgresTypes type = new PostgresTypes(rewriter);
        type.read(t.next(i, limit), limit);
        String value = rewriter.cut(start, i, out, "::");
        rewriter.fire(":: cast");
        out.append(castTo(value, type));
        return type.end;
    }

    String castTo(String value, PostgresTypes type) throws SQLException {
        String family = type.family();
        if (rewriter.spelling.storageClassesOnly() && (family.equals("date") || family.equals("timestamp"))) {
            return (family.equals("date") ? "DATE(" : "DATETIME(") + value + ")";
        }
        if (rewriter.spelling.storageClassesOnly() && family.equals("decimal") && type.scale() != null) {
            return "ROUND(CAST(" + value + " AS REAL), " + type.scale() + ")";
        }
        if (rewriter.spelling.storageClassesOnly() && family.equals("integer")) {
            return "CAST(ROUND(" + value + ") AS INTEGER)";
        }
        if (family.equals("bool")) {
            throw rewriter.refuse("A cast to boolean", target + " has no boolean type to cast to",
                    "compare the value instead: x <> 0, or x = 'true'");
        }
        return "CAST(" + value + " AS " + type.cast() + ")";
    }

    /**
     * A chain {@code a || b || c}: PostgreSQL's {@code ||} binds looser than arithmetic. MySQL gets
     * CONCAT(a, b, c); SQLite, whose {@code ||} binds tighter, gets the arithmetic operands parenthesised.
     */
    private int concat(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int start = additiveStart(t.previous(i, floor), floor);
        boolean arithmetic = start != rewriter.primaryStart(t.previous(i, floor), floor);
        List<String> parts = new ArrayList<>();
        int op = i;
        int end = i;
        while (op < limit && t.op(op, "||")) {
            int segmentStart = t.next(op, limit);
            end = additiveEnd(segmentStart, limit);
            arithmetic |= end != rewriter.primaryEnd(segmentStart, limit);
            parts.add(rewriter.sub(segmentStart, end));
            op = t.skip(end, limit);
        }
        if (!mysql && !arithmetic) {
            return copy(i, out);
        }
        String first = rewriter.cut(start, i, out, "||");
        if (!mysql) {
            rewriter.fire("|| operands parenthesised");
            out.append('(').append(first).append(')');
            for (String part : parts) {
                out.append(" || (").append(part).append(')');
            }
            return end;
        }
        rewriter.fire("|| as CONCAT");
        out.append("CONCAT(").append(first);
        for (String part : parts) {
            out.append(", ").append(part);
        }
        out.append(')');
        return end;
    }

    private boolean additive(int index) {
        return t.op(index, "+") || t.op(index, "-") || t.op(index, "*") || t.op(index, "/") || t.op(index, "%");
    }

    private int additiveStart(int last, int floor) throws SQLException {
        int start = rewriter.primaryStart(last, floor);
        while (start >= 0) {
            int before = t.previous(start, floor);
            if (before >= floor && additive(before)) {
                start = rewriter.primaryStart(t.previous(before, floor), floor);
            } else {
                break;
            }
        }
        if (start < 0) {
            throw complexOperand("after");
        }
        return start;
    }

    private int additiveEnd(int first, int limit) throws SQLException {
        int end = rewriter.primaryEnd(first, limit);
        while (end >= 0) {
            int next = t.skip(end, limit);
            if (next < limit && additive(next)) {
                end = rewriter.primaryEnd(t.next(next, limit), limit);
            } else {
                break;
            }
        }
        if (end < 0) {
            throw complexOperand("before");
        }
        return end;
    }

    private SQLException complexOperand(String side) {
        return rewriter.refuse("|| " + side + " a complex expression", "the translator finds operands of names,"
                + " literals, markers, calls and parentheses only", "add parentheses around the operand");
    }

    /** PostgreSQL divides integers as integers; MySQL's / always divides exactly. */
    private int divide(int i, int floor, int limit, StringBuilder out) throws SQLException {
        if (!mysql) {
            return copy(i, out);
        }
        int left = t.previous(i, floor);
        int right = t.next(i, limit);
        boolean integers = isInteger(left) && isInteger(right) && rewriter.primaryStart(left, floor) == left
                && rewriter.primaryEnd(right, limit) == right + 1;
        if (integers) {
            rewriter.fire("integer / as DIV");
            out.append("DIV");
            return i + 1;
        }
        rewriter.doubt("Division", "PostgreSQL divides integers as integers, MySQL exactly",
                "write div(a, b) for an integer quotient, or cast an operand to numeric");
        return copy(i, out);
    }

    private boolean isInteger(int index) {
        if (index < 0 || index >= t.count || t.kind[index] != Tokens.NUMBER) {
            return false;
        }
        String text = t.text(index);
        return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    int word(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int next = t.next(i, limit);
        String upper = t.upper(i);
        boolean qualified = t.previous(i, floor) >= floor && t.kind[t.previous(i, floor)] == Tokens.DOT;
        if (next < limit && t.kind[next] == Tokens.OPEN && !qualified && !Keywords.isClauseWord(t, i)
                && (!Keywords.namesTable(t, i) || upper.equals("GENERATE_SERIES") || upper.equals("UNNEST"))) {
            return new PostgresFunctions(rewriter).call(i, next, out);
        }
        if (qualified) {
            return copy(i, out);
        }
        if (rewriter.excludedAsValues && upper.equals("EXCLUDED") && next < limit && t.kind[next] == Tokens.DOT) {
            int column = t.next(next, limit);
            out.append("VALUES(").append(rewriter.sub(column, column + 1)).append(')');
            return column + 1;
        }
        switch (upper) {
            case "ILIKE":
                return like(i, floor, limit, out, true);
            case "LIKE":
                return like(i, floor, limit, out, false);
            case "INTERVAL":
                return interval(i, floor, limit, out);
            case "ORDER":
                return new PostgresOrder(rewriter).orderBy(i, limit, out);
            case "OFFSET":
                return offset(i, floor, limit, out);
            case "FETCH":
                return fetch(i, limit, out);
            case "IS":
                return isDistinct(i, floor, limit, out);
            case "FILTER":
                return new PostgresClauses(rewriter).filter(i, floor, limit, out);
            case "LIMIT":
                return new PostgresClauses(rewriter).limitAll(i, limit, out);
            case "DISTINCT":
                int on = t.next(i, limit);
                int keys = t.next(on, limit);
                if (t.word(on, "ON") && keys < limit && t.kind[keys] == Tokens.OPEN) {
                    return new PostgresDistinctOn(rewriter).write(i, floor, limit, out);
                }
                return copy(i, out);
            case "ARRAY":
                return new PostgresArrays(rewriter).constructor(i, limit, out);
            case "DATE":
            case "TIMESTAMP":
            case "TIME":
                if (rewriter.spelling.typedLiteralsAsText() && next < limit && t.kind[next] == Tokens.STRING) {
                    return typedLiteral(upper, next, out);
                }
                return copy(i, out);
            case "ANY":
            case "SOME":
            case "ALL":
                return new PostgresArrays(rewriter).quantified(i, floor, limit, out);
            default:
                if (t.first(i) == '$' && t.length(i) > 1 && Character.isDigit(t.sql.charAt(t.start[i] + 1))) {
                    throw rewriter.refuse("Positional parameter " + t.text(i), "JDBC binds ? markers",
                            "write ? instead of $n");
                }
                return copy(i, out);
        }
    }

    /**
     * {@code DATE '…'}, {@code TIMESTAMP '…'}, {@code TIME '…'} where dates are text (SQLite): the text in the form
     * the target stores and compares, DATE('2024-02-14') or DATETIME('2024-02-14 13:45:00'), not the typed literal
     * the target cannot read.
     */
    private int typedLiteral(String type, int literal, StringBuilder out) {
        String value = t.text(literal);
        rewriter.fire("typed literal");
        out.append(type.equals("DATE") ? rewriter.spelling.castToDate(value) : type.equals("TIME")
                ? rewriter.spelling.castToTime(value, "") : rewriter.spelling.castToTimestamp(value, "(6)"));
        return literal + 1;
    }

    /** ILIKE compares lower-cased; MySQL's LIKE is made case-sensitive with BINARY. */
    private int like(int i, int floor, int limit, StringBuilder out, boolean insensitive) throws SQLException {
        int pattern = t.next(i, limit);
        int patternEnd = rewriter.primaryEnd(pattern, limit);
        if (!insensitive) {
            if (mysql) {
                rewriter.fire("LIKE BINARY");
                rewriter.copy(i, out);
                out.append(" BINARY");
                return i + 1;
            }
            rewriter.doubt("LIKE", rewriter.spelling.displayName()
                    + "'s LIKE ignores the case of ASCII letters, PostgreSQL's does not",
                    "compare with = or GLOB where case matters");
            return copy(i, out);
        }
        int not = t.previous(i, floor);
        boolean negated = t.word(not, "NOT");
        int leftLast = negated ? t.previous(not, floor) : not;
        int leftStart = rewriter.primaryStart(leftLast, floor);
        if (leftStart < 0 || patternEnd < 0) {
            throw rewriter.refuse("ILIKE between complex expressions", "the translator finds operands of names,"
                    + " literals, markers, calls and parentheses only", "add parentheses around the operands");
        }
        String left = rewriter.cut(leftStart, i, out, "ILIKE");
        if (negated) {
            left = left.substring(0, left.length() - 3).trim();
        }
        rewriter.fire("ILIKE");
        out.append("LOWER(").append(left).append(')').append(negated ? " NOT" : "").append(" LIKE LOWER(")
                .append(rewriter.sub(pattern, patternEnd)).append(')');
        return patternEnd;
    }

    /** {@code INTERVAL '2 hours'} as MySQL's {@code INTERVAL 2 HOUR}, or SQLite's date modifiers. */
    private int interval(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int literal = t.next(i, limit);
        if (literal >= limit || t.kind[literal] != Tokens.STRING) {
            return copy(i, out);
        }
        String[] parts = Literals.value(t, literal, rewriter.source).trim().split("\\s+");
        int unitWord = t.next(literal, limit);
        String unit = parts.length == 2 ? parts[1] : unitWord < limit && t.kind[unitWord] == Tokens.WORD
                && parts.length == 1 ? t.text(unitWord) : null;
        if (unit == null || !parts[0].matches("[+-]?\\d+")) {
            throw rewriter.refuse("INTERVAL '" + String.join(" ", parts) + "'", "only a whole number of one unit"
                    + " is translated", "write INTERVAL '1 day' + INTERVAL '2 hours' as two intervals");
        }
        int end = parts.length == 2 ? literal + 1 : unitWord + 1;
        String singular = unit.toUpperCase(Locale.ROOT).replaceAll("S$", "");
        if (!singular.matches("SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|YEAR")) {
            throw rewriter.refuse("INTERVAL unit " + unit, "it is not one the translator knows",
                    "use seconds, minutes, hours, days, weeks, months or years");
        }
        int after = t.next(end - 1, limit);
        if (t.op(after, "*") || t.op(after, "/") || t.op(t.previous(i, floor), "/")) {
            throw rewriter.refuse("INTERVAL '" + String.join(" ", parts) + "' " + (t.op(after, "/") ? "divided"
                    : "multiplied") + " this way", "the translator writes a factor only before the interval",
                    "write the factor first, as n * INTERVAL '1 " + unit + "'");
        }
        int factorStart = -1;
        if (t.op(t.previous(i, floor), "*")) {
            factorStart = rewriter.primaryStart(t.previous(t.previous(i, floor), floor), floor);
            if (factorStart < 0) {
                throw rewriter.refuse("INTERVAL multiplied by an expression", "the translator writes a factor that"
                        + " is a name, a literal, a ? marker or a parenthesised expression",
                        "put the factor in parentheses: (expression) * INTERVAL '1 " + unit + "'");
            }
        }
        rewriter.fire("INTERVAL literal");
        if (mysql) {
            if (factorStart >= 0) {
                String factor = rewriter.cut(factorStart, i, out, "INTERVAL");
                factor = factor.substring(0, factor.length() - 1).trim();
                out.append("INTERVAL (").append(factor).append(parts[0].matches("\\+?1") ? "" : " * " + parts[0])
                        .append(") ").append(singular);
            } else {
                out.append("INTERVAL ").append(parts[0]).append(' ').append(singular);
            }
            return end;
        }
        return sqliteInterval(i, floor, out, parts[0], singular, end, factorStart);
    }

    /**
     * {@code date ± [factor *] INTERVAL} as {@code DATETIME(date, modifier)}; a chain {@code date + INTERVAL … +
     * INTERVAL …} wraps the DATETIME it already wrote.
     */
    private int sqliteInterval(int i, int floor, StringBuilder out, String amount, String unit, int end,
                               int factorStart) throws SQLException {
        int sign = t.previous(factorStart >= 0 ? factorStart : i, floor);
        int operandEnd = t.previous(sign, floor);
        int baseStart = operandEnd >= 0 && operandEnd == intervalEnd ? intervalBase
                : rewriter.primaryStart(operandEnd, floor);
        if (!(t.op(sign, "+") || t.op(sign, "-")) || baseStart < 0) {
            throw rewriter.refuse("INTERVAL outside date arithmetic",
                    rewriter.spelling.displayName() + " has no interval type",
                    "write date + INTERVAL '…' with a simple date operand");
        }
        int typed = t.previous(baseStart, floor);
        boolean typedLiteral = t.kind[baseStart] == Tokens.STRING && (t.word(typed, "DATE")
                || t.word(typed, "TIMESTAMP"));
        long value = Long.parseLong(amount.replace("+", "")) * (unit.equals("WEEK") ? 7 : 1)
                * (t.op(sign, "-") ? -1 : 1);
        String units = (unit.equals("WEEK") ? "day" : unit.toLowerCase(Locale.ROOT)) + "s";
        String modifier;
        if (factorStart >= 0) {
            String factor = rewriter.sub(factorStart, t.previous(i, floor));
            modifier = "((" + factor + ") * " + value + ") || ' " + units + "'";
        } else {
            modifier = "'" + (value >= 0 ? "+" : "") + value + " " + units + "'";
        }
        String base = typedLiteral ? t.text(baseStart) : null;
        int cutFrom = typedLiteral ? typed : baseStart;
        String cut = rewriter.cut(cutFrom, i, out, "INTERVAL");
        if (base == null) {
            base = cut.substring(0, cut.lastIndexOf(t.text(sign))).trim();
        }
        // 'floor' clamps 31 January + 1 month to 29 February, as PostgreSQL does, where SQLite would roll over
        out.append("DATETIME(").append(base).append(", ").append(modifier)
                .append(unit.equals("MONTH") || unit.equals("YEAR") ? ", 'floor')" : ")");
        intervalEnd = end - 1;
        intervalBase = cutFrom;
        return end;
    }

    /** {@code OFFSET n} without LIMIT: MySQL and SQLite need a LIMIT before OFFSET. */
    private int offset(int i, int floor, int limit, StringBuilder out) {
        boolean afterLimit = false;
        for (int k = i - 1; k >= floor; k--) {
            if (t.kind[k] == Tokens.CLOSE) {
                k = t.partner[k];
            } else if (t.word(k, "LIMIT")) {
                afterLimit = true;
                break;
            } else if (t.word(k, "SELECT") || t.word(k, "FROM") || t.word(k, "WHERE") || t.word(k, "BY")) {
                break;
            }
        }
        if (!afterLimit) {
            rewriter.fire("OFFSET without LIMIT");
            out.append(mysql ? "LIMIT 18446744073709551615 " : "LIMIT -1 ");
        }
        int end = rewriter.primaryEnd(t.next(i, limit), limit);
        rewriter.copy(i, out);
        if (end > 0) {
            rewriter.copy(i + 1, end, out);
            int rows = t.next(end - 1, limit);
            if (t.word(rows, "ROWS") || t.word(rows, "ROW")) {
                return rows + 1;
            }
            return end;
        }
        return i + 1;
    }

    /** {@code FETCH FIRST n ROWS ONLY} as LIMIT n. */
    private int fetch(int i, int limit, StringBuilder out) throws SQLException {
        int first = t.next(i, limit);
        int count = t.next(first, limit);
        int countEnd = rewriter.primaryEnd(count, limit);
        int rows = countEnd < 0 ? limit : t.skip(countEnd, limit);
        int only = t.next(rows, limit);
        if (!(t.word(first, "FIRST") || t.word(first, "NEXT")) || !t.word(only, "ONLY")) {
            throw rewriter.refuse("FETCH " + (first < limit ? t.text(first) : ""), "only FETCH FIRST n ROWS ONLY is"
                    + " translated", "write LIMIT n");
        }
        rewriter.fire("FETCH FIRST as LIMIT");
        out.append("LIMIT ").append(rewriter.sub(count, countEnd));
        return only + 1;
    }

    /** {@code IS [NOT] DISTINCT FROM} as MySQL's {@code <=>} or SQLite's {@code IS [NOT]}. */
    private int isDistinct(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int next = t.next(i, limit);
        boolean not = t.word(next, "NOT");
        int distinct = not ? t.next(next, limit) : next;
        int from = t.next(distinct, limit);
        if (!t.word(distinct, "DISTINCT") || !t.word(from, "FROM")) {
            return copy(i, out);
        }
        rewriter.fire("IS DISTINCT FROM");
        if (!mysql) {
            out.append(not ? "IS" : "IS NOT");
            return from + 1;
        }
        if (not) {
            out.append("<=>");
            return from + 1;
        }
        int leftStart = rewriter.primaryStart(t.previous(i, floor), floor);
        int rightEnd = rewriter.primaryEnd(t.next(from, limit), limit);
        if (leftStart < 0 || rightEnd < 0) {
            throw rewriter.refuse("IS DISTINCT FROM between complex expressions", "the translator finds operands of"
                    + " names, literals, markers, calls and parentheses only", "add parentheses around the operands");
        }
        String left = rewriter.cut(leftStart, i, out, "IS DISTINCT FROM");
        out.append("NOT (").append(left).append(" <=> ").append(rewriter.sub(t.next(from, limit), rightEnd))
                .append(')');
        return rightEnd;
    }
}
