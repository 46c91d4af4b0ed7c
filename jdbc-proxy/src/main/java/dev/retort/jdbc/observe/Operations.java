package dev.retort.jdbc.observe;

import java.util.Locale;

/** A statement's operation for meters and spans: its first keyword in upper case, or {@code OTHER}. */
final class Operations {

    private Operations() {
    }

    static String of(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < length && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return end == start ? "OTHER" : sql.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
