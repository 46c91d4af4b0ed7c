package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;
import dev.retort.jdbc.translate.rewrite.SchemaLookup;
import dev.retort.jdbc.translate.rewrite.Settings;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Token rules for SQL written for MySQL or MariaDB: names, literals, comments, operators, keywords and the
 * clauses that differ (LIMIT, ORDER BY's NULL order). Calls go to {@link MySqlFunctions}, whole statements
 * to {@link MySqlStatements}.
 */
public final class MySqlRewriter extends Rewriter {

    private static final Set<String> DROPPED_MODIFIERS = Set.of("SQL_NO_CACHE", "SQL_CACHE", "HIGH_PRIORITY",
            "LOW_PRIORITY", "DELAYED", "QUICK", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT");

    final SchemaLookup schema;
    private final MySqlFunctions functions;
    private final MySqlStatements statements;
    private final MySqlDates dates;
    final MySqlOperators operators;
    private final MySqlGrouping grouping;
    private List<String> statementTables;
    /**
     * How names read while the SET list of ON DUPLICATE KEY UPDATE is written: VALUES(c) and alias.c are the
     * row not inserted, and on the right of "=" the table's bare columns its current row. Null elsewhere.
     */
    record UpsertScope(String alias, String table, java.util.Set<String> columns) {
    }

    /** The scope of the SET list being written, or null: one context object, not flags set one by one. */
    UpsertScope upsert;

    public MySqlRewriter(Tokens tokens, Settings settings, SchemaLookup schema) {
        super(tokens, settings);
        this.schema = schema;
        this.functions = new MySqlFunctions(this);
        this.statements = new MySqlStatements(this);
        this.dates = new MySqlDates(this);
        this.operators = new MySqlOperators(this);
        this.grouping = new MySqlGrouping(this);
    }

    @Override
    protected Rewriter forOther(Tokens tokens) {
        return new MySqlRewriter(tokens, settings, schema);
    }

    @Override
    protected boolean statement(int first, int from, int to, StringBuilder out) throws SQLException {
        statementTables = null;
        return statements.rewrite(first, from, to, out);
    }

    @Override
    protected int token(int i, int floor, int limit, StringBuilder out) throws SQLException {
        switch (t.kind[i]) {
            case Tokens.HASH_COMMENT:
                fire("# comment");
                boolean spaced = t.length(i) > 1 && sql.charAt(t.start[i] + 1) <= ' ';
                out.append(spaced ? "--" : "-- ").append(sql, t.start[i] + 1, t.end[i]);
                return i + 1;
            case Tokens.EXEC_OPEN:
            case Tokens.EXEC_CLOSE:
                fire("executable comment");
                return i + 1;
            case Tokens.QUOTED_NAME:
                fire("quoted name");
                out.append(spelling.name(Literals.value(t, i, Dialect.MYSQL)));
                return i + 1;
            case Tokens.STRING:
                if (quotedString(i) && quotedString(t.next(i, limit))) {
                    return adjacentStrings(i, limit, out);
                }
                string(i, out);
                return i + 1;
            case Tokens.NUMBER:
                if (t.length(i) > 2 && (sql.charAt(t.start[i] + 1) == 'x' || sql.charAt(t.start[i] + 1) == 'X')) {
                    throw refuse("Hexadecimal literal " + t.text(i), "MySQL reads it as a string or a number"
                            + " depending on context", "write a decimal number, or X'…' for bytes");
                }
                copy(i, out);
                return i + 1;
            case Tokens.VARIABLE:
                return variable(i, limit, out);
            case Tokens.OPERATOR:
                return operators.operator(i, floor, limit, out);
            case Tokens.WORD:
                return word(i, floor, limit, out);
            default:
                copy(i, out);
                return i + 1;
        }
    }

    /**
     * A variable: the system variables a framework reads while it detects the database (Hibernate's
     * {@code SELECT @@character_set_database, @@sql_mode}) are answered with what the proxy emulates; every
     * other variable, and any assignment, is refused.
     */
    private int variable(int i, int limit, StringBuilder out) throws SQLException {
        String text = t.text(i);
        int end = i + 1;
        String name = text.length() > 2 && text.startsWith("@@") ? text.substring(2).toLowerCase(Locale.ROOT) : null;
        if (name != null && (name.equals("session") || name.equals("global") || name.equals("local"))
                && end < limit && t.kind[end] == Tokens.DOT && end + 1 < limit && t.kind[end + 1] == Tokens.WORD) {
            name = t.text(end + 1).toLowerCase(Locale.ROOT);
            end += 2;
        }
        int next = t.next(end - 1, limit);
        boolean assigned = next < limit && (t.op(next, "=") || t.op(next, ":="));
        String value = name == null || assigned ? null : systemVariable(name);
        if (value == null) {
            throw refuse("Variable " + text, target + " has no MySQL session or user variables",
                    "bind the value as a ? parameter");
        }
        fire("system variable @@" + name);
        out.append(value);
        return end;
    }

    /** The SQL mode the translator reads MySQL statements in: backslash escapes, no ANSI quotes, strict. */
    static final String EMULATED_SQL_MODE = "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION";

    private String systemVariable(String name) {
        switch (name) {
            case "character_set_database":
            case "character_set_server":
            case "character_set_client":
            case "character_set_connection":
            case "character_set_results":
                return spelling.literal("utf8mb4");
            case "sql_mode":
                return spelling.literal(EMULATED_SQL_MODE);
            case "version":
                return spelling.serverVersion();
            default:
                return null;
        }
    }

    /** Plain '…' literals without backslashes are copied; others are re-quoted for the target. */
    private void string(int i, StringBuilder out) throws SQLException {
        if (Literals.portable(t, i)) {
            copy(i, out);
            return;
        }
        char first = t.first(i);
        if (first == 'x' || first == 'X') {
            String bytes = spelling.hexString(sql.substring(t.start[i] + 2, t.end[i] - 1));
            if (bytes != null) {
                fire("X'' literal");
                out.append(bytes);
            } else {
                copy(i, out);
            }
            return;
        }
        if (first == 'b' || first == 'B') {
            throw refuse("Bit literal " + t.text(i), target + " reads it differently", "write a number");
        }
        String value = Literals.value(t, i, source);
        if (value.indexOf('\0') >= 0 && !spelling.textHoldsNul()) {
            throw refuse("A string literal holding \\0", target + " cannot store NUL characters in text",
                    "bind the value as bytes");
        }
        fire("string literal");
        out.append(Literals.quote(value, target));
    }

    /** A string literal in plain quotes, without a prefix (X'…', N'…', b'…'). */
    private boolean quotedString(int i) {
        return i < t.count && t.kind[i] == Tokens.STRING && (t.first(i) == '\'' || t.first(i) == '"');
    }

    /** MySQL joins adjacent literals, {@code 'a' 'b'}, into one; the targets do not (PostgreSQL only across lines). */
    private int adjacentStrings(int i, int limit, StringBuilder out) throws SQLException {
        StringBuilder value = new StringBuilder(Literals.value(t, i, source));
        int last = i;
        for (int k = t.next(i, limit); k < limit && quotedString(k); k = t.next(k, limit)) {
            value.append(Literals.value(t, k, source));
            last = k;
        }
        if (value.indexOf("\0") >= 0 && !spelling.textHoldsNul()) {
            throw refuse("A string literal holding \\0", target + " cannot store NUL characters in text",
                    "bind the value as bytes");
        }
        fire("adjacent string literals");
        out.append(Literals.quote(value.toString(), target));
        return last + 1;
    }

    private int word(int i, int floor, int limit, StringBuilder out) throws SQLException {
        int next = t.next(i, limit);
        String upper = t.upper(i);
        boolean qualified = t.kind[Math.max(0, t.previous(i, floor))] == Tokens.DOT && t.previous(i, floor) >= floor;
        UpsertScope scope = upsert;
        if (scope != null && upper.equals("VALUES") && next < limit && t.kind[next] == Tokens.OPEN) {
            out.append(spelling.newRow()).append('.').append(spelling.name(nameValue(t.next(next, limit))));
            return t.partner[next] + 1;
        }
        if (scope != null && scope.columns() != null && !qualified && (next >= limit || (t.kind[next] != Tokens.OPEN
                && t.kind[next] != Tokens.DOT)) && scope.columns().contains(upper.toLowerCase(java.util.Locale.ROOT))) {
            out.append(scope.table()).append('.').append(spelling.name(t.text(i)));
            return i + 1;
        }
        if (scope != null && scope.alias() != null && upper.equalsIgnoreCase(scope.alias()) && next < limit
                && t.kind[next] == Tokens.DOT) {
            out.append(spelling.newRow());
            return i + 1;
        }
        if (next < limit && t.kind[next] == Tokens.OPEN && !qualified && !Keywords.isClauseWord(t, i)
                && !Keywords.namesTable(t, i)) {
            return functions.call(i, next, out);
        }
        if (qualified) {
            if (spelling.reservesName(upper)) {
                fire("name reserved on " + target);
                out.append(spelling.name(t.text(i)));
                return i + 1;
            }
            copy(i, out);
            return i + 1;
        }
        if (upper.equals("INFORMATION_SCHEMA") && next < limit && t.kind[next] == Tokens.DOT
                && !spelling.hasInformationSchema()) {
            int view = t.next(next, limit);
            throw refuse("Table information_schema." + (view < limit ? t.text(view) : ""), target
                    + " has no information_schema", "read java.sql.DatabaseMetaData instead");
        }
        switch (upper) {
            case "DIV":
                return operators.div(i, floor, limit, out);
            case "MOD":
                fire("MOD operator");
                out.append('%');
                return i + 1;
            case "TRUE":
            case "FALSE":
                return operators.booleanLiteral(i, floor, out);
            case "LIKE":
                return operators.like(i, floor, limit, out);
            case "IN":
                return operators.in(i, floor, limit, out);
            case "REGEXP":
            case "RLIKE":
                return operators.regexp(i, out);
            case "XOR":
                throw refuse("XOR", target + " has no logical XOR", "write (a AND NOT b) OR (NOT a AND b)");
            case "INTERVAL":
                return operators.interval(i, floor, limit, out);
            case "LIMIT":
                return limit(i, limit, out);
            case "ORDER":
                return operators.orderBy(i, limit, out);
            case "SELECT":
                int grouped = grouping.select(i, limit, out);
                if (grouped >= 0) {
                    return grouped;
                }
                break;
            case "DUAL":
                return dual(i, floor, out);
            case "SQL_CALC_FOUND_ROWS":
                throw refuse("SQL_CALC_FOUND_ROWS", target + " has no FOUND_ROWS()",
                        "run SELECT COUNT(*) with the same WHERE clause");
            case "VALUE":
                if (next < limit && t.kind[next] == Tokens.OPEN) {
                    fire("VALUE as VALUES");
                    out.append("VALUES");
                    return i + 1;
                }
                break;
            case "STRAIGHT_JOIN":
                fire("STRAIGHT_JOIN");
                out.append("JOIN");
                return i + 1;
            case "BINARY":
                fire("BINARY");
                return t.skip(i + 1, limit);
            case "LOCK":
                return operators.lockInShareMode(i, limit, out);
            case "FOR":
                return operators.forUpdate(i, limit, out);
            case "WITH":
                if (t.word(next, "ROLLUP")) {
                    throw refuse("WITH ROLLUP", "the translator does not rewrite grouping sets",
                            "compute the totals with a second query or UNION ALL");
                }
                break;
            case "USE":
            case "FORCE":
            case "IGNORE":
                if (t.word(next, "INDEX") || t.word(next, "KEY")) {
                    return indexHint(i, next, limit);
                }
                break;
            case "DATE":
            case "TIMESTAMP":
            case "TIME":
                if (spelling.typedLiteralsAsText() && next < limit && t.kind[next] == Tokens.STRING) {
                    fire("typed literal");
                    return next;
                }
                break;
            default:
                break;
        }
        return wordRest(i, upper, next, floor, limit, out);
    }

    private int wordRest(int i, String upper, int next, int floor, int limit, StringBuilder out) {
        if (DROPPED_MODIFIERS.contains(upper)) {
            fire(upper);
            return t.skip(i + 1, limit);
        }
        if (upper.startsWith("_") && i + 1 < t.count && t.kind[i + 1] == Tokens.STRING) {
            fire("character set introducer");
            return i + 1;
        }
        String now = dates.bareWord(upper);
        if (now != null && !(next < limit && t.kind[next] == Tokens.OPEN)) {
            fire(upper);
            out.append(now);
            return i + 1;
        }
        if (spelling.reservesName(upper) && bareName(i, next, floor, limit)) {
            fire("name reserved on " + target);
            out.append(spelling.name(t.text(i)));
            return i + 1;
        }
        if (Keywords.targetOnlyName(upper) && !afterDefinitionKeyword(i, floor)) {
            fire("name reserved on " + target);
            out.append(spelling.name(t.text(i)));
            return i + 1;
        }
        copy(i, out);
        return i + 1;
    }

    /**
     * Whether a word the target reserves stands as a name here: not a call, not the unit of an INTERVAL or
     * of EXTRACT(unit FROM …), not {@code IS UNKNOWN}.
     */
    private boolean bareName(int i, int next, int floor, int limit) {
        if (next < limit && (t.kind[next] == Tokens.OPEN || t.word(next, "FROM") && t.kind[Math.max(floor,
                t.previous(i, floor))] == Tokens.OPEN)) {
            return false;
        }
        int before = t.previous(i, floor);
        if (before < floor) {
            return true;
        }
        if (t.word(before, "IS") || t.word(before, "NOT")) {
            return false;
        }
        for (int k = before; k >= floor && k >= before - 8; k = t.previous(k, floor)) {
            if (t.word(k, "INTERVAL")) {
                return false;
            }
            if (t.kind[k] == Tokens.COMMA || t.word(k, "SELECT") || t.word(k, "WHERE") || t.word(k, "AND")
                    || t.word(k, "OR") || t.word(k, "BY") || t.word(k, "AS") || t.word(k, "ON")) {
                break;
            }
            if (t.kind[k] == Tokens.CLOSE) {
                k = t.partner[k];
            }
        }
        return true;
    }

    /** {@code CREATE USER}, {@code DROP USER}: the word is a keyword there, not a name. */
    private boolean afterDefinitionKeyword(int i, int floor) {
        int before = t.previous(i, floor);
        return t.word(before, "CREATE") || t.word(before, "DROP") || t.word(before, "ALTER")
                || t.word(before, "RENAME") || t.word(before, "GRANT");
    }

    private int dual(int i, int floor, StringBuilder out) throws SQLException {
        int from = t.previous(i, floor);
        if (spelling.hasDual() || !t.word(from, "FROM")) {
            copy(i, out);
            return i + 1;
        }
        fire("FROM DUAL");
        cut(from, i, out, "FROM DUAL");
        return i + 1;
    }

    private int indexHint(int i, int keyword, int limit) {
        int open = keyword;
        while (open < limit && t.kind[open] != Tokens.OPEN) {
            open++;
        }
        if (open >= limit) {
            return i + 1;
        }
        fire("index hint");
        return t.partner[open] + 1;
    }

    /**
     * {@code LIMIT offset, count}: the markers keep their order (OFFSET comes first on the targets). A count
     * beyond the targets' 64-bit range is MySQL's "all rows" idiom ({@code LIMIT 5, 18446744073709551615}).
     */
    private int limit(int i, int limit, StringBuilder out) throws SQLException {
        int first = t.next(i, limit);
        int firstEnd = primaryEnd(first, limit);
        int comma = firstEnd < 0 ? limit : t.skip(firstEnd, limit);
        if (comma >= limit || t.kind[comma] != Tokens.COMMA) {
            if (firstEnd > 0 && beyondSigned64(first, firstEnd)) {
                return allRows(i, firstEnd, limit, out);
            }
            copy(i, out);
            return i + 1;
        }
        int second = t.next(comma, limit);
        int secondEnd = primaryEnd(second, limit);
        if (secondEnd < 0) {
            throw refuse("LIMIT with an expression", "only numbers and ? markers are translated",
                    "write LIMIT count OFFSET offset");
        }
        if (beyondSigned64(second, secondEnd)) {
            String written = spelling.allRowsAfter(sub(first, firstEnd));
            if (written != null) {
                fire("LIMIT all rows");
                out.append(written);
                return secondEnd;
            }
        }
        String written = spelling.offsetLimit(sub(first, firstEnd), sub(second, secondEnd));
        if (written == null) {
            copy(i, secondEnd, out);
            return secondEnd;
        }
        fire("LIMIT offset, count");
        out.append(written);
        return secondEnd;
    }

    /** {@code LIMIT 18446744073709551615 [OFFSET n]}: no limit, from the offset on. */
    private int allRows(int i, int countEnd, int limit, StringBuilder out) throws SQLException {
        int offset = t.skip(countEnd, limit);
        String offsetText = null;
        int end = countEnd;
        if (offset < limit && t.word(offset, "OFFSET")) {
            int value = t.next(offset, limit);
            int valueEnd = primaryEnd(value, limit);
            if (valueEnd < 0) {
                copy(i, out);
                return i + 1;
            }
            offsetText = sub(value, valueEnd);
            end = valueEnd;
        }
        String written = spelling.allRowsAfter(offsetText);
        if (written == null) {
            copy(i, out);
            return i + 1;
        }
        fire("LIMIT all rows");
        out.append(written);
        return end;
    }

    /** Whether [from, to) is one whole number beyond a signed 64-bit integer, which no target's LIMIT takes. */
    private boolean beyondSigned64(int from, int to) {
        if (to != from + 1 || t.kind[from] != Tokens.NUMBER) {
            return false;
        }
        String digits = t.text(from);
        for (int k = 0; k < digits.length(); k++) {
            if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
                return false;
            }
        }
        String max = String.valueOf(Long.MAX_VALUE);
        return digits.length() > max.length() || digits.length() == max.length() && digits.compareTo(max) > 0;
    }

    // ---- schema questions ----

    /** The tables named after FROM, JOIN, UPDATE and INTO in the current statement. */
    /** {@code expression} compared without case: in the target's case-insensitive collation, else {@code LOWER(...)}. */
    String withoutCase(String expression) {
        String collation = spelling.literalWithoutCase();
        return collation != null ? expression + collation : "LOWER(" + expression + ")";
    }

    List<String> statementTables() {
        if (statementTables == null) {
            statementTables = new ArrayList<>(2);
            for (int i = statementFrom; i < statementTo; i++) {
                if (t.word(i, "FROM") || t.word(i, "JOIN") || t.word(i, "UPDATE") || t.word(i, "INTO")) {
                    int name = t.next(i, statementTo);
                    if (name < statementTo && (t.kind[name] == Tokens.WORD || t.kind[name] == Tokens.QUOTED_NAME)) {
                        statementTables.add(nameValue(name));
                    }
                }
            }
        }
        return statementTables;
    }

    String nameValue(int index) {
        return t.kind[index] == Tokens.QUOTED_NAME ? Literals.value(t, index, Dialect.MYSQL) : t.text(index);
    }

    /** The facts of the column a [from, to) range names ({@code c} or {@code t.c}), or null. */
    SchemaFacts.Column column(int from, int to) {
        int last = t.last(from, to);
        if (last < from || (t.kind[last] != Tokens.WORD && t.kind[last] != Tokens.QUOTED_NAME)
                || t.kind[from] == Tokens.OPEN || (last != from && t.kind[t.previous(last, from)] != Tokens.DOT)) {
            return null;
        }
        String column = nameValue(last).toLowerCase(java.util.Locale.ROOT);
        SchemaFacts.Column found = null;
        for (String table : statementTables()) {
            SchemaFacts.Column candidate = schema.table(table).columns().get(column);
            if (candidate != null) {
                if (found != null && !found.equals(candidate)) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    /** Whether [from, to) is known to be a DATE: a date literal, CURDATE(), DATE(…) or a DATE column. */
    boolean isDateOnly(int from, int to) {
        int first = t.skip(from, to);
        if (to == first + 1 && t.kind[first] == Tokens.STRING) {
            String value = Literals.value(t, first, source);
            return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-';
        }
        if (t.word(first, "DATE") && t.next(first, to) == to - 1 && t.kind[to - 1] == Tokens.STRING) {
            return true;
        }
        if (t.word(first, "CURDATE") || t.word(first, "CURRENT_DATE") || t.word(first, "UTC_DATE")
                || t.word(first, "LAST_DAY") || (t.word(first, "DATE") && t.next(first, to) < to
                && t.kind[t.next(first, to)] == Tokens.OPEN)) {
            return true;
        }
        SchemaFacts.Column column = column(from, to);
        return column != null && column.jdbcType() == java.sql.Types.DATE;
    }
}
