package dev.retort.jdbc.translate.lex;

import dev.retort.jdbc.translate.Dialect;

import java.util.Arrays;

/**
 * A statement cut into tokens: parallel arrays of kind, start and end offsets into the SQL, plus the index
 * of each parenthesis' partner. Offsets cover the whole text, so copying a token range copies its exact bytes.
 */
public final class Tokens {

    public static final byte SPACE = 0;
    public static final byte COMMENT = 1;
    /** A {@code #} comment, which only MySQL understands. */
    public static final byte HASH_COMMENT = 2;
    public static final byte WORD = 3;
    /** A quoted identifier: backticks in MySQL, double quotes in PostgreSQL. */
    public static final byte QUOTED_NAME = 4;
    /** A string literal; its prefix ({@code E}, {@code X}, {@code N}) is part of the token. */
    public static final byte STRING = 5;
    /** A PostgreSQL dollar-quoted string. */
    public static final byte DOLLAR_STRING = 6;
    public static final byte NUMBER = 7;
    public static final byte PARAM = 8;
    public static final byte OPERATOR = 9;
    public static final byte OPEN = 10;
    public static final byte CLOSE = 11;
    public static final byte COMMA = 12;
    public static final byte SEMICOLON = 13;
    /** The {@code /*!40101} that opens a MySQL executable comment; its content is SQL. */
    public static final byte EXEC_OPEN = 14;
    /** The {@code *}{@code /} that closes an executable comment. */
    public static final byte EXEC_CLOSE = 15;
    public static final byte DOT = 16;
    /** A MySQL {@code @variable} or {@code @@system_variable}. */
    public static final byte VARIABLE = 17;

    public final String sql;
    public byte[] kind;
    public int[] start;
    public int[] end;
    public int[] partner;
    public int count;

    Tokens(String sql) {
        this.sql = sql;
        int capacity = Math.max(8, sql.length() / 3);
        kind = new byte[capacity];
        start = new int[capacity];
        end = new int[capacity];
    }

    void add(byte tokenKind, int from, int to) {
        if (count == kind.length) {
            int capacity = count * 2;
            kind = Arrays.copyOf(kind, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
        }
        kind[count] = tokenKind;
        start[count] = from;
        end[count] = to;
        count++;
    }

    public String text(int index) {
        return sql.substring(start[index], end[index]);
    }

    public int length(int index) {
        return end[index] - start[index];
    }

    public char first(int index) {
        return sql.charAt(start[index]);
    }

    public boolean trivia(int index) {
        return kind[index] <= HASH_COMMENT;
    }

    /** Whether the token is the unquoted word {@code upper}, in any case. */
    public boolean word(int index, String upper) {
        return index >= 0 && index < count && kind[index] == WORD && end[index] - start[index] == upper.length()
                && sql.regionMatches(true, start[index], upper, 0, upper.length());
    }

    /** Whether the token is exactly the operator or punctuation {@code text}. */
    public boolean op(int index, String text) {
        return index >= 0 && index < count && kind[index] >= OPERATOR && end[index] - start[index] == text.length()
                && sql.startsWith(text, start[index]);
    }

    /** The first index at or after {@code index}, below {@code limit}, that is not space or comment. */
    public int skip(int index, int limit) {
        int i = index;
        while (i < limit && trivia(i)) {
            i++;
        }
        return i;
    }

    /** The next significant token after {@code index}, or {@code limit}. */
    public int next(int index, int limit) {
        return skip(index + 1, limit);
    }

    /** The previous significant token before {@code index}, or {@code floor - 1}. */
    public int previous(int index, int floor) {
        int i = index - 1;
        while (i >= floor && trivia(i)) {
            i--;
        }
        return i;
    }

    /** The last significant token before {@code limit}, at or after {@code floor}, or {@code floor - 1}. */
    public int last(int floor, int limit) {
        return previous(limit, floor);
    }

    /** The index of the first token at depth 0 of [from, to) that is the word {@code upper}, or -1. */
    public int findWord(int from, int to, String upper) {
        for (int i = from; i < to; i++) {
            if (kind[i] == OPEN) {
                i = partner[i];
            } else if (word(i, upper)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * [from, to) cut at its commas at depth 0 (a select list, a VALUES tuple, an ON DUPLICATE KEY UPDATE list): the
     * token ranges {@code {start, end}} between them, untrimmed, in order; [from, to) without a comma is one part.
     */
    public java.util.List<int[]> topLevelParts(int from, int to) {
        java.util.List<int[]> parts = new java.util.ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (kind[i] == OPEN) {
                i = partner[i];
            } else if (kind[i] == COMMA) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    /** Whether [from, to) holds a {@code ?} marker anywhere. */
    public boolean hasParameter(int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind[i] == PARAM) {
                return true;
            }
        }
        return false;
    }

    public String upper(int index) {
        return text(index).toUpperCase(java.util.Locale.ROOT);
    }
}
