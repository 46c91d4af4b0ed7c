package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;

/**
 * MySQL's operators and the clauses that read like them: {@code || && ! <=> DIV / ^}, booleans as
 * numbers, LIKE's case and escape, INTERVAL arithmetic, ORDER BY's NULL order, locking clauses.
 */
final class MySqlOperators {

    private final MySqlRewriter rewriter;
    private final Tokens t;
    private final Dialect target;

    MySqlOperators(MySqlRewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    int operator(int i, int floor, int limit, StringBuilder out) throws SQLException {
        String op = t.text(i);
        switch (op) {
            case "||":
                return logical(i, "OR", out);
            case "&&":
                return logical(i, "AND", out);
            case "!":
                return not(i, limit, out);
            case "<=>":
                return logical(i, rewriter.spelling.nullSafeEquals(), out);
            case "/":
                return divide(i, floor, limit, out);
            case "^":
                String xor = rewriter.spelling.bitwiseXor();
                if (xor == null) {
                    throw rewriter.refuse("The ^ operator", target + " has no bitwise XOR operator",
                            "compute it in the application");
                }
                rewriter.fire("^ as " + xor);
                out.append(xor);
                return i + 1;
            case ":=":
            case "->":
            case "->>":
                throw rewriter.refuse("The " + op + " operator", target + " has no equivalent",
                        op.equals(":=") ? "bind the value as a ? parameter" : "use JSON_EXTRACT on MySQL only, or"
                                + " read the JSON in the application");
            case "-":
                if (i + 1 < t.count && t.op(i + 1, "-")) {
                    rewriter.fire("- -");
                    out.append("- ");
                    return i + 1;
                }
                rewriter.copy(i, out);
                return i + 1;
            case "=":
            case "<>":
            case "!=":
                return comparison(i, floor, limit, out);
            default:
                rewriter.copy(i, out);
                return i + 1;
        }
    }

    private int logical(int i, String word, StringBuilder out) {
        rewriter.fire(t.text(i) + " as " + word);
        boolean spaceBefore = out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1));
        boolean spaceAfter = i + 1 < t.count && t.kind[i + 1] != Tokens.SPACE;
        out.append(spaceBefore ? " " : "").append(word).append(spaceAfter ? " " : "");
        return i + 1;
    }

    /** MySQL's {@code !} binds tighter than comparisons, SQL's NOT looser: the operand is parenthesised. */
    private int not(int i, int limit, StringBuilder out) throws SQLException {
        int first = t.next(i, limit);
        int end = rewriter.primaryEnd(first, limit);
        if (end < 0) {
            throw rewriter.refuse("The ! operator before " + (first < limit ? t.text(first) : "nothing"),
                    "its operand is not a simple expression", "write NOT (…)");
        }
        rewriter.fire("! as NOT");
        out.append("(NOT ").append(rewriter.sub(first, end)).append(')');
        return end;
    }

    /** The first token of the left operand of a multiplicative operator at {@code op}. */
    private int leftChain(int op, int floor, String construct) throws SQLException {
        int start = rewriter.primaryStart(t.previous(op, floor), floor);
        while (start >= 0) {
            int before = t.previous(start, floor);
            if (before >= floor && (t.op(before, "*") || t.op(before, "/") || t.op(before, "%")
                    || t.word(before, "DIV") || t.word(before, "MOD"))) {
                start = rewriter.primaryStart(t.previous(before, floor), floor);
            } else if (before >= floor && (t.op(before, "-") || t.op(before, "+")) && unary(before, floor)) {
                start = before;
                break;
            } else {
                break;
            }
        }
        if (start < 0) {
            throw rewriter.refuse(construct + " after a complex expression", "the translator finds operands"
                    + " of names, literals, markers, calls and parentheses only", "add parentheses around the"
                    + " left operand");
        }
        return start;
    }

    private boolean unary(int sign, int floor) {
        int before = t.previous(sign, floor);
        return before < floor || t.kind[before] == Tokens.OPERATOR || t.kind[before] == Tokens.OPEN
                || t.kind[before] == Tokens.COMMA || Keywords.isClauseWord(t, before);
    }

    private int rightEnd(int op, int limit, String construct) throws SQLException {
        int end = rewriter.primaryEnd(t.next(op, limit), limit);
        if (end < 0) {
            throw rewriter.refuse(construct + " before a complex expression", "the translator finds operands"
                    + " of names, literals, markers, calls and parentheses only", "add parentheses around the"
                    + " right operand");
        }
        return end;
    }

    /** MySQL divides exactly, to the dividend's scale + 4 digits; the targets divide integers as integers. */
    private int divide(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int leftStart = leftChain(i, floor, "/");
        int leftLast = t.previous(i, floor);
        if (leftStart == leftLast && t.kind[leftStart] == Tokens.NUMBER
                && (t.text(leftStart).indexOf('e') >= 0 || t.text(leftStart).indexOf('E') >= 0)) {
            rewriter.copy(i, out);
            return i + 1;
        }
        int scale = scale(leftStart, leftLast + 1);
        int rightEnd = rightEnd(i, limit, "/");
        String left = rewriter.cut(leftStart, i, out, "/");
        String right = rewriter.sub(t.next(i, limit), rightEnd);
        rewriter.fire("/ as exact division");
        String exact = rewriter.spelling.exactDivisionType();
        if (scale < 0) {
            rewriter.doubt("Division of an operand of unknown scale", "MySQL rounds the quotient to the"
                    + " dividend's scale + 4 digits", "divide a column of known type or a literal");
            out.append("CAST(").append(left).append(" AS ").append(exact).append(") / ").append(right);
        } else {
            out.append("ROUND(CAST(").append(left).append(" AS ").append(exact).append(") / ").append(right)
                    .append(", ").append(scale + 4).append(')');
        }
        return rightEnd;
    }

    /** The scale of a literal or of an exact column; -1 when unknown. */
    private int scale(int from, int to) {
        if (to == from + 1 && t.kind[from] == Tokens.NUMBER) {
            String number = t.text(from);
            int dot = number.indexOf('.');
            return dot < 0 ? 0 : number.length() - dot - 1;
        }
        SchemaFacts.Column column = rewriter.column(from, to);
        return column != null && column.exact() ? column.scale() : -1;
    }

    int div(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int leftStart = leftChain(i, floor, "DIV");
        int rightEnd = rightEnd(i, limit, "DIV");
        String left = rewriter.cut(leftStart, i, out, "DIV");
        String right = rewriter.sub(t.next(i, limit), rightEnd);
        rewriter.fire("DIV");
        out.append(rewriter.spelling.integerDivision(left, right));
        return rightEnd;
    }

    /**
     * MySQL's TRUE and FALSE are the numbers 1 and 0; they stay booleans after IS and when compared with a
     * column the target declares boolean.
     */
    int booleanLiteral(int i, int floor, StringBuilder out) {
        int before = t.previous(i, floor);
        if (!rewriter.spelling.hasBooleanType() || t.word(before, "IS") || (t.word(before, "NOT")
                && t.word(t.previous(before, floor), "IS"))) {
            rewriter.copy(i, out);
            return i + 1;
        }
        rewriter.fire("TRUE/FALSE as 1/0");
        out.append(t.word(i, "TRUE") ? '1' : '0');
        return i + 1;
    }

    /** {@code col = 1} against a boolean column; in case-insensitive mode {@code x = 'literal'}. */
    private int comparison(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int right = t.next(i, limit);
        int leftLast = t.previous(i, floor);
        int leftStart = rewriter.primaryStart(leftLast, floor);
        if (right < limit && leftStart >= 0 && (t.kind[right] == Tokens.NUMBER || t.word(right, "TRUE")
                || t.word(right, "FALSE"))) {
            SchemaFacts.Column column = rewriter.column(leftStart, leftLast + 1);
            if (column != null && column.bool() && rewriter.spelling.hasBooleanType()) {
                String value = t.text(right);
                if (value.equals("1") || value.equals("0") || t.kind[right] == Tokens.WORD) {
                    rewriter.fire("1/0 as TRUE/FALSE for a boolean column");
                    rewriter.copy(i, out);
                    out.append(' ').append(value.equals("1") || t.word(right, "TRUE") ? "TRUE" : "FALSE");
                    return right + 1;
                }
            }
        }
        if (rewriter.settings.caseInsensitive() && leftStart >= 0 && assignment(leftStart)) {
            rewriter.copy(i, out);
            return i + 1;
        }
        if (rewriter.settings.caseInsensitive() && right < limit && leftStart >= 0
                && (t.kind[right] == Tokens.STRING || t.kind[right] == Tokens.PARAM)
                && !isArithmetic(t.previous(leftStart, floor)) && !isArithmetic(t.next(right, limit))
                && withoutCase(leftStart, leftLast + 1, t.kind[right] == Tokens.PARAM)) {
            rewriter.fire("case-insensitive comparison");
            String collation = rewriter.spelling.literalWithoutCase();
            if (collation != null) {
                rewriter.copy(i, out);
                out.append(' ').append(rewriter.sub(right, right + 1)).append(collation);
                return right + 1;
            }
            String left = rewriter.cut(leftStart, i, out, t.text(i));
            out.append("LOWER(").append(left).append(") ").append(t.text(i)).append(" LOWER(")
                    .append(rewriter.sub(right, right + 1)).append(')');
            return right + 1;
        }
        if (rewriter.settings.caseInsensitive() && right < limit && leftStart >= 0
                && (t.kind[right] == Tokens.WORD || t.kind[right] == Tokens.QUOTED_NAME)) {
            int rightEnd = rewriter.primaryEnd(right, limit);
            if (rightEnd > 0 && !isArithmetic(t.previous(leftStart, floor)) && !isArithmetic(t.skip(rightEnd, limit))
                    && bothCaseSensitiveText(leftStart, leftLast + 1, right, rightEnd)) {
                rewriter.fire("case-insensitive comparison");
                String collation = rewriter.spelling.literalWithoutCase();
                if (collation != null) {
                    rewriter.copy(i, out);
                    out.append(' ').append(rewriter.sub(right, rightEnd)).append(collation);
                    return rightEnd;
                }
                String left = rewriter.cut(leftStart, i, out, t.text(i));
                out.append("LOWER(").append(left).append(") ").append(t.text(i)).append(" LOWER(")
                        .append(rewriter.sub(right, rightEnd)).append(')');
                return rightEnd;
            }
        }
        rewriter.copy(i, out);
        return i + 1;
    }

    /**
     * Whether the {@code =} after [leftStart, …) assigns rather than compares: its left operand opens an item of
     * the statement's SET list (UPDATE … SET, INSERT … SET) or of ON DUPLICATE KEY UPDATE, which runs to the
     * statement's WHERE, ORDER BY or LIMIT.
     */
    private boolean assignment(int leftStart) {
        int from = rewriter.statementFrom;
        int to = rewriter.statementTo;
        int before = t.previous(leftStart, from);
        if (before < from || !(t.kind[before] == Tokens.COMMA || t.word(before, "SET") || t.word(before, "UPDATE"))) {
            return false;
        }
        int set = t.findWord(from, to, "SET");
        int update = t.findWord(from, to, "DUPLICATE");
        int list = set >= 0 ? set : update >= 0 ? t.next(t.next(update, to), to) : -1;
        if (list < 0 || list > before) {
            return false;
        }
        if (before == list) {
            return true;
        }
        int end = to;
        for (String clause : new String[] {"WHERE", "ORDER", "LIMIT"}) {
            int found = t.findWord(list, to, clause);
            end = found >= 0 && found < end ? found : end;
        }
        for (int k = list; k < end; k++) {
            if (k == before) {
                return true;
            }
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            }
        }
        return false;
    }

    /**
     * Whether [from, to) and [rightFrom, rightTo) are both columns the schema shows as case-sensitive text: two
     * columns compared in case-insensitive mode. A column of another type, or an operand the schema does not
     * know, is left alone (LOWER() of a number fails on PostgreSQL).
     */
    private boolean bothCaseSensitiveText(int from, int to, int rightFrom, int rightTo) {
        SchemaFacts.Column left = rewriter.column(from, to);
        SchemaFacts.Column right = left == null || !left.caseSensitiveText() ? null
                : rewriter.column(rightFrom, rightTo);
        return right != null && right.caseSensitiveText();
    }

    /**
     * {@code x [NOT] IN (…)} in case-insensitive mode, when the list holds only string literals and {@code ?}
     * markers and x is text compared with case: every item compared without case, LOWER() on both sides or, where
     * the target has a collation for it, x in that collation (SQLite takes an IN list's collation from x).
     */
    int in(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int open = t.next(i, limit);
        int before = t.previous(i, floor);
        boolean not = t.word(before, "NOT");
        int leftLast = not ? t.previous(before, floor) : before;
        int leftStart = rewriter.primaryStart(leftLast, floor);
        if (!rewriter.settings.caseInsensitive() || open >= limit || t.kind[open] != Tokens.OPEN || leftStart < 0
                || isArithmetic(t.previous(leftStart, floor))) {
            rewriter.copy(i, out);
            return i + 1;
        }
        int[][] items = rewriter.arguments(open);
        boolean parameter = false;
        for (int[] item : items) {
            if (item[1] != item[0] + 1 || (t.kind[item[0]] != Tokens.STRING && t.kind[item[0]] != Tokens.PARAM)) {
                rewriter.copy(i, out);
                return i + 1;
            }
            parameter |= t.kind[item[0]] == Tokens.PARAM;
        }
        if (items.length == 0 || !withoutCase(leftStart, leftLast + 1, parameter)) {
            rewriter.copy(i, out);
            return i + 1;
        }
        rewriter.fire("case-insensitive IN");
        String collation = rewriter.spelling.literalWithoutCase();
        String left = rewriter.cut(leftStart, i, out, (not ? "NOT " : "") + "IN");
        if (not) {
            left = left.substring(0, left.length() - t.text(before).length()).trim();
        }
        StringBuilder list = new StringBuilder();
        for (int[] item : items) {
            String value = rewriter.sub(item[0], item[1]);
            list.append(list.length() > 0 ? ", " : "").append(collation != null ? value : "LOWER(" + value + ")");
        }
        out.append(rewriter.withoutCase(left)).append(not ? " NOT IN (" : " IN (")
                .append(list).append(')');
        return t.partner[open] + 1;
    }

    /**
     * Whether a comparison of [from, to) with a literal or a {@code ?} is rewritten to ignore case: a column the
     * schema shows as case-sensitive text is; a column of another type (a number, citext, VARCHAR_IGNORECASE)
     * is not, which keeps its index; an operand the schema does not know is only with a literal, since
     * LOWER(?) would fail for a number, and only when it is a name or a call that returns text.
     */
    private boolean withoutCase(int from, int to, boolean parameter) {
        SchemaFacts.Column column = rewriter.column(from, to);
        if (column != null || parameter) {
            return column != null && column.caseSensitiveText();
        }
        int first = t.skip(from, to);
        int open = t.next(first, to);
        boolean call = t.kind[first] == Tokens.WORD && open < to && t.kind[open] == Tokens.OPEN;
        return call ? TEXT_FUNCTIONS.contains(t.upper(first)) : t.kind[first] != Tokens.OPEN;
    }

    /**
     * Calls known to return text, compared without case against a literal: any other call or parenthesised
     * expression may be a number (YEAR(d) = '2020'), and LOWER() of a number fails on PostgreSQL.
     */
    private static final java.util.Set<String> TEXT_FUNCTIONS = java.util.Set.of("CONCAT", "CONCAT_WS", "SUBSTRING",
            "SUBSTR", "LEFT", "RIGHT", "TRIM", "LTRIM", "RTRIM", "REPLACE", "LPAD", "RPAD", "UPPER", "LOWER", "UCASE",
            "LCASE", "REVERSE", "SUBSTRING_INDEX", "GROUP_CONCAT");

    private boolean isArithmetic(int index) {
        return index >= 0 && index < t.count && (t.op(index, "+") || t.op(index, "-") || t.op(index, "*")
                || t.op(index, "/") || t.op(index, "%") || t.op(index, "||"));
    }

    /**
     * LIKE: ILIKE in case-insensitive mode, unless the left operand is a column the schema shows as other than
     * case-sensitive text (citext, VARCHAR_IGNORECASE, a collation of its own such as a {@code _bin} column's);
     * on SQLite an explicit ESCAPE for MySQL's backslash.
     */
    int like(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int before = t.previous(i, floor);
        int leftLast = before >= floor && t.word(before, "NOT") ? t.previous(before, floor) : before;
        int leftStart = rewriter.primaryStart(leftLast, floor);
        // The schema is asked only when the answer matters (it makes the translation depend on the schema).
        boolean ilike = rewriter.settings.caseInsensitive() && !rewriter.spelling.likeIgnoresCase();
        if (ilike && leftStart >= 0) {
            SchemaFacts.Column column = rewriter.column(leftStart, leftLast + 1);
            ilike = column == null || column.caseSensitiveText();
        }
        if (ilike) {
            rewriter.fire("LIKE as ILIKE");
            out.append("ILIKE");
        } else {
            rewriter.copy(i, out);
        }
        int pattern = t.next(i, limit);
        if (rewriter.spelling.likeNeedsEscapeClause() && pattern < limit && t.kind[pattern] == Tokens.STRING
                && !t.word(t.next(pattern, limit), "ESCAPE") && Literals.value(t, pattern, rewriter.source)
                .indexOf('\\') >= 0) {
            rewriter.fire("LIKE escape");
            rewriter.copy(i + 1, pattern, out);
            out.append(rewriter.sub(pattern, pattern + 1)).append(" ESCAPE '\\'");
            return pattern + 1;
        }
        return i + 1;
    }

    int regexp(int i, StringBuilder out) throws SQLException {
        String operator = rewriter.spelling.regexpOperator();
        if (operator == null) {
            throw rewriter.refuse(t.upper(i), target + " has no regular expression operator the translator"
                    + " trusts", "use LIKE");
        }
        rewriter.doubt(t.upper(i), "PostgreSQL's regular expressions are POSIX, MySQL's ICU",
                "keep to the syntax both share");
        rewriter.fire("REGEXP as " + operator);
        out.append(operator);
        return i + 1;
    }

    /** {@code date + INTERVAL n unit} and {@code date - INTERVAL n unit}. */
    int interval(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int sign = t.previous(i, floor);
        if (!(t.op(sign, "+") || t.op(sign, "-"))) {
            throw rewriter.refuse("INTERVAL outside date arithmetic", "only date + INTERVAL n unit and"
                    + " date - INTERVAL n unit are translated", "write DATE_ADD(date, INTERVAL n unit)");
        }
        int baseLast = t.previous(sign, floor);
        int baseStart = rewriter.primaryStart(baseLast, floor);
        int amount = t.next(i, limit);
        int amountEnd = rewriter.primaryEnd(amount, limit);
        int unit = amountEnd < 0 ? limit : t.skip(amountEnd, limit);
        if (baseStart < 0 || unit >= limit || t.kind[unit] != Tokens.WORD) {
            throw rewriter.refuse("INTERVAL arithmetic", "its operands are not simple expressions",
                    "write DATE_ADD(date, INTERVAL n unit)");
        }
        rewriter.cut(baseStart, i, out, "INTERVAL");
        rewriter.fire("INTERVAL arithmetic");
        out.append(new MySqlDates(rewriter).add(baseStart, baseLast + 1, t.op(sign, "-") ? -1 : 1, amount,
                amountEnd, t.upper(unit)));
        return unit + 1;
    }

    /**
     * MySQL sorts NULLs first ascending and last descending; PostgreSQL the other way round. In case-insensitive
     * mode a column of case-sensitive text sorts without case, as under MySQL's default collation.
     */
    int orderBy(int i, int limit, StringBuilder out) throws SQLException {
        return orderBy(i, limit, out, sortsWithoutCase());
    }

    /**
     * ORDER BY; {@code byExpressions} when its items may become expressions, as after a SELECT DISTINCT the
     * translator turned into GROUP BY LOWER(…).
     */
    int orderBy(int i, int limit, StringBuilder out, boolean byExpressions) throws SQLException {
        int by = t.next(i, limit);
        boolean withoutCase = rewriter.settings.caseInsensitive() && byExpressions;
        if (!rewriter.spelling.nullsSortLast() && !withoutCase || !t.word(by, "BY")) {
            rewriter.copy(i, out);
            return i + 1;
        }
        return rewriter.orderBy(i, by, limit, out, (from, to) -> {
            if (t.findWord(from, to, "NULLS") >= 0) {
                return rewriter.sub(from, to);
            }
            int last = t.last(from, to);
            boolean direction = t.word(last, "DESC") || t.word(last, "ASC");
            int expressionEnd = direction ? t.last(from, last) + 1 : to;
            String item = withoutCase ? sortKeyWithoutCase(t.skip(from, expressionEnd), expressionEnd) : null;
            if (item == null) {
                item = rewriter.sub(from, to);
            } else if (direction) {
                item += " " + t.text(last);
            }
            if (!rewriter.spelling.nullsSortLast()) {
                return item;
            }
            rewriter.fire("NULL order");
            return item + rewriter.spelling.nullsOrder(!t.word(last, "DESC"));
        });
    }

    /**
     * Whether ORDER BY items may become expressions: not under SELECT DISTINCT or a UNION, where PostgreSQL sorts
     * only by the selected columns.
     */
    private boolean sortsWithoutCase() {
        return t.findWord(rewriter.statementFrom, rewriter.statementTo, "DISTINCT") < 0
                && t.findWord(rewriter.statementFrom, rewriter.statementTo, "UNION") < 0;
    }

    /** The sort key [from, to) without case when it names a column of case-sensitive text; else null. */
    private String sortKeyWithoutCase(int from, int to) throws SQLException {
        SchemaFacts.Column column = rewriter.column(from, to);
        if (column == null || !column.caseSensitiveText()) {
            return null;
        }
        rewriter.fire("case-insensitive ORDER BY");
        return rewriter.withoutCase(rewriter.sub(from, to));
    }

    int lockInShareMode(int i, int limit, StringBuilder out) throws SQLException {
        int in = t.next(i, limit);
        if (!t.word(in, "IN")) {
            rewriter.copy(i, out);
            return i + 1;
        }
        String lock = rewriter.spelling.sharedRowLock();
        if (lock == null) {
            throw rewriter.refuse("LOCK IN SHARE MODE", target + " has no shared row locks",
                    "rely on the transaction's isolation, or drop the clause");
        }
        rewriter.fire("LOCK IN SHARE MODE");
        out.append(lock);
        int mode = t.next(t.next(in, limit), limit);
        return mode + 1;
    }

    int forUpdate(int i, int limit, StringBuilder out) throws SQLException {
        if (!rewriter.spelling.locksRows() && t.word(t.next(i, limit), "UPDATE")) {
            throw rewriter.refuse("SELECT … FOR UPDATE",
                    rewriter.spelling.displayName() + " locks the whole database, not rows",
                    "open the transaction with BEGIN IMMEDIATE and drop FOR UPDATE");
        }
        rewriter.copy(i, out);
        return i + 1;
    }
}
