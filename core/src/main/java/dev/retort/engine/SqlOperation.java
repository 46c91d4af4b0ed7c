package dev.retort.engine;

import java.util.Locale;

/**
 * The operation of a statement as metrics and traces name it ({@code db.operation.name}): its first keyword
 * in upper case ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code WITH}, ...), or
 * {@code OTHER} when the text starts with no word.
 */
public final class SqlOperation {
    private SqlOperation() {
    }

    public static String of(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < length && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        if (end == start) {
            return "OTHER";
        }
        String word = sql.substring(start, end);
        return word.toUpperCase(Locale.ROOT);
    }
}
