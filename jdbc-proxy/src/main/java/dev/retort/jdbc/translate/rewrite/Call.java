package dev.retort.jdbc.translate.rewrite;

import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/** A function call being rewritten: its name, its argument ranges, and their translations on demand. */
public final class Call {

    public final Rewriter rewriter;
    public final Tokens t;
    public final String name;
    public final int open;
    public final int close;
    public final int[][] ranges;
    private final String[] translated;

    public Call(Rewriter rewriter, String name, int open) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.name = name;
        this.open = open;
        this.close = t.partner[open];
        this.ranges = rewriter.arguments(open);
        this.translated = new String[ranges.length];
    }

    public int count() {
        return ranges.length;
    }

    /** Argument {@code k} translated for the target (each translated once). */
    public String arg(int k) throws SQLException {
        if (translated[k] == null) {
            translated[k] = rewriter.sub(ranges[k][0], ranges[k][1]);
        }
        return translated[k];
    }

    /** All arguments from {@code from} on, translated and joined with ", ". */
    public String args(int from) throws SQLException {
        StringBuilder joined = new StringBuilder();
        for (int k = from; k < ranges.length; k++) {
            joined.append(k > from ? ", " : "").append(arg(k));
        }
        return joined.toString();
    }

    public Long integer(int k) {
        return rewriter.integerLiteral(ranges[k][0], ranges[k][1]);
    }

    public String string(int k) {
        return rewriter.stringLiteral(ranges[k][0], ranges[k][1]);
    }

    public boolean hasParameter(int k) {
        return t.hasParameter(ranges[k][0], ranges[k][1]);
    }

    public boolean hasParameter() {
        return t.hasParameter(open, close);
    }

    /** A single string literal argument (a text needing a cast in PostgreSQL arithmetic). */
    public boolean isString(int k) {
        return ranges[k][1] == ranges[k][0] + 1 && t.kind[ranges[k][0]] == Tokens.STRING;
    }

    /** Refuses calls with a different number of arguments. */
    public void expect(int min, int max) throws SQLException {
        if (ranges.length < min || ranges.length > max) {
            throw rewriter.refuse(name + " with " + ranges.length + " arguments",
                    "MySQL takes " + (min == max ? String.valueOf(min) : min + " to " + max) + " here",
                    "correct the call");
        }
    }

    /** Refuses calls that would have to repeat an argument holding a {@code ?} marker. */
    public void noRepeatedParameter(String alternative) throws SQLException {
        if (hasParameter()) {
            throw rewriter.refuse(name + " with a ? parameter", "its translation repeats an argument, which"
                    + " would change the number and order of the parameters", alternative);
        }
    }
}
