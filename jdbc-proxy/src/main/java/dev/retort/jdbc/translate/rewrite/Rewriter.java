package dev.retort.jdbc.translate.rewrite;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.Refusal;
import dev.retort.jdbc.translate.Translation;
import dev.retort.jdbc.translate.Translator;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Tokenizer;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rewriting engine shared by both source dialects: walks a statement's tokens once, copies every
 * token no rule claims byte for byte, and lets the subclass's rules replace token ranges. Arguments of a
 * rewritten call are translated by the same walk (each token is visited once), so time stays linear.
 * One instance per translation; not thread-safe.
 */
public abstract class Rewriter {

    public final Tokens t;
    public final String sql;
    public final Settings settings;
    public final Dialect source;
    public final Dialect target;
    /** How the target spells what the rules ask; new rules ask it rather than test {@link #target}. */
    public final Target spelling;
    private final Set<String> fired = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    /** Statements to run after the translated one, in order; see {@link Translation#after()}. */
    private final List<String> after = new ArrayList<>(0);
    /** Statements to run before the translated one (what its DDL needs to exist first); usually empty. */
    private final List<String> before = new ArrayList<>(0);
    /**
     * Where each token's output starts in the builder it was written to; {@link #CUT} once a rule cut it,
     * {@link #UNWRITTEN} while no {@link #emit} has written it (it is pending, or inside a range a rule wrote whole).
     */
    private final int[] outAt;
    private static final int CUT = -1;
    private static final int UNWRITTEN = -2;
    /** How many {@link #emit} calls are running: the only way back into the rules, so the recursion's depth. */
    private int depth;
    /** The bounds of the statement being translated, for statement-wide questions (its tables). */
    public int statementFrom;
    public int statementTo;

    public Rewriter(Tokens tokens, Settings settings) {
        this.t = tokens;
        this.sql = tokens.sql;
        this.settings = settings;
        this.source = settings.source();
        this.target = settings.target();
        this.spelling = Target.of(target);
        this.outAt = new int[tokens.count];
        Arrays.fill(outAt, UNWRITTEN);
    }

    public final Translation run() throws SQLException {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int from = 0;
        for (int i = 0; i <= t.count; i++) {
            if (i == t.count || t.kind[i] == Tokens.SEMICOLON) {
                statementFrom = from;
                statementTo = i;
                int first = firstKeyword(from, i);
                if (first >= i || !statement(first, from, i, out)) {
                    emit(from, i, out);
                }
                if (i < t.count) {
                    copy(i, out);
                }
                from = i + 1;
            }
        }
        if (fired.isEmpty()) {
            return new Translation(sql, List.of(), warnings, before, after);
        }
        return new Translation(out.toString(), new ArrayList<>(fired), warnings, before, after);
    }

    /** The first significant token of a statement, looking inside a leading executable comment. */
    private int firstKeyword(int from, int to) {
        int i = t.skip(from, to);
        while (i < to && (t.kind[i] == Tokens.EXEC_OPEN || t.kind[i] == Tokens.OPEN)) {
            i = t.next(i, to);
        }
        return i;
    }

    /**
     * A rule for the whole statement [from, to) whose first keyword is at {@code first}: writes the
     * translation and returns true, or returns false to let the token rules run.
     */
    protected abstract boolean statement(int first, int from, int to, StringBuilder out) throws SQLException;

    /** Writes token {@code i} (or the range a rule claims from it) and returns the next index to write. */
    protected abstract int token(int i, int floor, int limit, StringBuilder out) throws SQLException;

    /**
     * Writes [from, to) token by token. Every recursion of the rules (a call's arguments, an operand a rule
     * wraps) comes back through here, so the depth is checked here, before going deeper.
     */
    public final void emit(int from, int to, StringBuilder out) throws SQLException {
        // the statement's own emit is level 0, each nested one a level of nesting
        if (depth++ > Translator.MAX_NESTING) {
            throw Refusal.tooDeep(source, target);
        }
        int i = from;
        while (i < to) {
            outAt[i] = out.length();
            i = token(i, from, to, out);
        }
        depth--;
    }

    /** The translation of [from, to) as a new string, trimmed of surrounding space. */
    public final String sub(int from, int to) throws SQLException {
        int first = t.skip(from, to);
        int end = t.last(first, to) + 1;
        StringBuilder builder = new StringBuilder(sql.length() > 64 ? 32 : 16);
        emit(first, end, builder);
        return builder.toString();
    }

    public final void copy(int i, StringBuilder out) {
        out.append(sql, t.start[i], t.end[i]);
    }

    public final void copy(int from, int to, StringBuilder out) {
        if (from < to) {
            out.append(sql, t.start[from], t.end[to - 1]);
        }
    }

    /** A rewriter of the same settings for other SQL of the same source dialect. */
    protected abstract Rewriter forOther(Tokens tokens);

    /**
     * Writes the translation of {@code text}, SQL of the source dialect a rule rewrote into a form the rules
     * know, with its rules, doubts and statements after it.
     */
    public final void translateRewritten(String text, StringBuilder out) throws SQLException {
        Translation translation = forOther(Tokenizer.tokenize(text, source)).run();
        out.append(translation.sql());
        fired.addAll(translation.rules());
        for (String warning : translation.warnings()) {
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        after.addAll(translation.after());
        for (String statement : translation.before()) {
            before(statement);
        }
    }

    /** A statement the proxy runs, on its own, before the one being translated; each one once. */
    public final void before(String statement) {
        if (!before.contains(statement)) {
            before.add(statement);
        }
    }

    /** A statement the proxy runs, on its own, after the one being translated. */
    public final void after(String statement) {
        after.add(statement);
    }

    public final void fire(String rule) {
        fired.add(rule);
    }

    public final SQLException refuse(String construct, String why, String alternative) {
        return Refusal.of(construct, source, target, why, alternative);
    }

    /** A construct that may behave differently on the target: refused in strict mode, else noted once. */
    public final void doubt(String construct, String why, String alternative) throws SQLException {
        if (settings.strict()) {
            throw refuse(construct, why + " (retort.translate.strict=true refuses what it cannot vouch for)",
                    alternative);
        }
        String warning = construct + ": " + why;
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    // ---- operands ----

    /**
     * The first token of the primary expression that ends at significant token {@code last}: a name
     * (qualified or not), a literal, a marker, a parenthesised group or a call; -1 when it is none of these.
     */
    public final int primaryStart(int last, int floor) {
        if (last < floor) {
            return -1;
        }
        int start;
        switch (t.kind[last]) {
            case Tokens.CLOSE:
                start = t.partner[last];
                int before = t.previous(start, floor);
                if (before >= floor && (t.kind[before] == Tokens.WORD || t.kind[before] == Tokens.QUOTED_NAME)
                        && !Keywords.isClauseWord(t, before)) {
                    start = qualifiedStart(before, floor);
                }
                break;
            case Tokens.WORD:
            case Tokens.QUOTED_NAME:
                if (t.word(last, "END")) {
                    return caseStart(last, floor);
                }
                start = qualifiedStart(last, floor);
                break;
            case Tokens.NUMBER:
            case Tokens.STRING:
            case Tokens.DOLLAR_STRING:
            case Tokens.PARAM:
                start = last;
                break;
            default:
                return -1;
        }
        return start;
    }

    private int qualifiedStart(int name, int floor) {
        int start = name;
        int dot = t.previous(start, floor);
        while (dot >= floor && t.kind[dot] == Tokens.DOT) {
            int owner = t.previous(dot, floor);
            if (owner < floor || (t.kind[owner] != Tokens.WORD && t.kind[owner] != Tokens.QUOTED_NAME)) {
                break;
            }
            start = owner;
            dot = t.previous(start, floor);
        }
        return start;
    }

    /** The CASE that an END closes, counting nested CASE … END pairs at the same depth; -1 if none. */
    private int caseStart(int end, int floor) {
        int open = 0;
        for (int i = end; i >= floor; i--) {
            if (t.kind[i] == Tokens.CLOSE) {
                i = t.partner[i];
            } else if (t.word(i, "END")) {
                open++;
            } else if (t.word(i, "CASE") && --open == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the primary expression starting at significant token {@code first}; -1 if none. */
    public final int primaryEnd(int first, int limit) {
        int start = first;
        // signs are skipped in a loop: "- - - … 1" is as long as the input, not as deep as the stack
        while (start < limit && (t.op(start, "-") || t.op(start, "+"))) {
            start = t.next(start, limit);
        }
        if (start >= limit) {
            return -1;
        }
        switch (t.kind[start]) {
            case Tokens.OPEN:
                return t.partner[start] + 1;
            case Tokens.NUMBER:
            case Tokens.STRING:
            case Tokens.DOLLAR_STRING:
            case Tokens.PARAM:
                return start + 1;
            case Tokens.WORD:
            case Tokens.QUOTED_NAME:
                return nameOrCallEnd(start, limit);
            default:
                return -1;
        }
    }

    private int nameOrCallEnd(int first, int limit) {
        if (t.word(first, "CASE")) {
            int open = 0;
            for (int i = first; i < limit; i++) {
                if (t.kind[i] == Tokens.OPEN) {
                    i = t.partner[i];
                } else if (t.word(i, "CASE")) {
                    open++;
                } else if (t.word(i, "END") && --open == 0) {
                    return i + 1;
                }
            }
            return -1;
        }
        int end = first + 1;
        int next = t.next(first, limit);
        if (next < limit && t.kind[next] == Tokens.OPEN && t.kind[first] == Tokens.WORD) {
            return t.partner[next] + 1;
        }
        while (next < limit && t.kind[next] == Tokens.DOT) {
            int name = t.next(next, limit);
            if (name >= limit || (t.kind[name] != Tokens.WORD && t.kind[name] != Tokens.QUOTED_NAME)) {
                break;
            }
            end = name + 1;
            next = t.next(name, limit);
        }
        return end;
    }

    /**
     * Removes from {@code out} what was written from token {@code start} on and returns it, so a rule can
     * wrap an operand it has already written. Refused when an earlier rule already rewrote that text.
     */
    public final String cut(int start, int current, StringBuilder out, String construct) throws SQLException {
        int at = outAt[start];
        if (at == UNWRITTEN) {
            throw refuse(construct, "its left operand starts inside text that another rule wrote as a whole, which"
                    + " the translator cannot take apart", "add parentheses around the operand");
        }
        if (at < 0 || at > out.length()) {
            throw refuse(construct, "its left operand was already rewritten by another rule",
                    "add parentheses around the operand");
        }
        String text = out.substring(at);
        out.setLength(at);
        Arrays.fill(outAt, start + 1, current, CUT);
        return text.trim();
    }

    // ---- ORDER BY ----

    /** Writes one ORDER BY item [from, to), adding what the target needs for the source's NULL order. */
    public interface OrderItem {
        String write(int from, int to) throws SQLException;
    }

    /**
     * Writes {@code ORDER BY} at {@code order} and its items, each through {@code item}; returns the index of
     * the token that ends the clause.
     */
    public final int orderBy(int order, int by, int limit, StringBuilder out, OrderItem item) throws SQLException {
        copy(order, by + 1, out);
        int from = by + 1;
        int end = orderByEnd(from, limit);
        for (int k = from; k <= end; k++) {
            if (k < end && t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (k == end || t.kind[k] == Tokens.COMMA) {
                out.append(' ').append(item.write(from, k)).append(k < end ? "," : "");
                from = k + 1;
            }
        }
        if (end < limit) {
            out.append(' ');
        }
        return end;
    }

    private int orderByEnd(int from, int limit) {
        for (int k = from; k < limit; k++) {
            if (t.kind[k] == Tokens.OPEN) {
                k = t.partner[k];
            } else if (t.kind[k] == Tokens.CLOSE || t.kind[k] == Tokens.EXEC_CLOSE || t.word(k, "LIMIT")
                    || t.word(k, "OFFSET") || t.word(k, "FOR") || t.word(k, "LOCK") || t.word(k, "UNION")
                    || t.word(k, "FETCH") || t.word(k, "RETURNING") || t.word(k, "SEPARATOR") || t.word(k, "INTO")) {
                return k;
            }
        }
        return limit;
    }

    // ---- calls ----

    /**
     * Writes a call no rule rewrote: its name as written and its arguments translated; a name the source
     * dialect's rules do not know is a doubt.
     */
    public final int passCall(int name, Call call, boolean known, StringBuilder out) throws SQLException {
        if (!known) {
            String function = source == Dialect.POSTGRESQL ? call.name.toLowerCase(java.util.Locale.ROOT) : call.name;
            doubt("function " + function + "()", "the translator does not know whether " + target
                    + " has it with the same meaning", "check it on " + target
                    + (source == Dialect.POSTGRESQL ? "" : " or write it with functions the translator knows"));
        }
        copy(name, out);
        emit(name + 1, call.close + 1, out);
        return call.close + 1;
    }

    /** A call's argument ranges [from, to), split at the commas of its own level, trimmed of space. */
    public final int[][] arguments(int open) {
        int close = t.partner[open];
        List<int[]> ranges = new ArrayList<>(4);
        int from = open + 1;
        for (int i = open + 1; i <= close; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                i = t.partner[i] - 1;
                continue;
            }
            if (i == close || t.kind[i] == Tokens.COMMA) {
                int first = t.skip(from, i);
                if (first < i || !ranges.isEmpty() || i != close) {
                    ranges.add(new int[] {first, t.last(first, i) + 1});
                }
                from = i + 1;
            }
        }
        return ranges.toArray(new int[0][]);
    }

    /** A whole number written as a literal (with an optional sign) in [from, to), or null. */
    public final Long integerLiteral(int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (t.op(i, "-") || t.op(i, "+"))) {
            negative = t.op(i, "-");
            i = t.next(i, to);
        }
        if (i != to - 1 || t.kind[i] != Tokens.NUMBER) {
            return null;
        }
        String digits = t.text(i);
        for (int k = 0; k < digits.length(); k++) {
            if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
                return null;
            }
        }
        if (digits.length() > 18) {
            return null;
        }
        long value = Long.parseLong(digits);
        return negative ? -value : value;
    }

    /** The value of a single string literal in [from, to), or null when the range is not one. */
    public final String stringLiteral(int from, int to) {
        if (to != from + 1 || t.kind[from] != Tokens.STRING) {
            return null;
        }
        return Literals.value(t, from, source);
    }
}
