package dev.retort.jdbc.log;

/**
 * Puts rendered values in place of the JDBC {@code ?} placeholders, skipping question marks inside string
 * literals, quoted identifiers and comments. One loop over the SQL, no recursion; once the output is full,
 * values are measured rather than rendered.
 */
final class SqlInliner {

    private SqlInliner() {
    }

    /** {@code values[i]} belongs to placeholder {@code i} (1-based); index 0 is unused, as in JDBC. */
    static void inline(String sql, Object[] values, int maxValueLength, CappedText out) {
        int placeholder = 0;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(sql, i, c);
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                end = lineEnd(sql, i);
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? length : close + 2;
            } else if (c == '?') {
                placeholder++;
                Object value = placeholder < values.length ? values[placeholder] : null;
                if (out.full()) {
                    out.skip(Literals.renderedLength(value, maxValueLength));
                } else {
                    out.append(Literals.render(value, maxValueLength));
                }
                i++;
                continue;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
    }

    /** A doubled quote character inside the literal is an escaped quote, not the end. */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int start) {
        int newline = sql.indexOf('\n', start);
        return newline < 0 ? sql.length() : newline;
    }
}
