package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
/**
 * MySQL's DATE_FORMAT / STR_TO_DATE specifiers as PostgreSQL to_char patterns, H2 (java.time) patterns or
 * SQLite strftime formats. A specifier a target cannot express yields {@code null} with its name kept in
 * {@link #unsupported}.
 */
final class DateFormats {

    /** Specifier, PostgreSQL, H2, SQLite ("" where the target has no equivalent). */
    private static final String[][] SPECIFIERS = {
            {"Y", "YYYY", "yyyy", "%Y"}, {"y", "YY", "yy", ""}, {"m", "MM", "MM", "%m"}, {"c", "FMMM", "M", ""},
            {"d", "DD", "dd", "%d"}, {"e", "FMDD", "d", ""}, {"H", "HH24", "HH", "%H"}, {"k", "FMHH24", "H", ""},
            {"h", "HH12", "hh", ""}, {"I", "HH12", "hh", ""}, {"l", "FMHH12", "h", ""}, {"i", "MI", "mm", "%M"},
            {"s", "SS", "ss", "%S"}, {"S", "SS", "ss", "%S"}, {"p", "AM", "a", ""}, {"M", "FMMonth", "MMMM", ""},
            {"b", "Mon", "MMM", ""}, {"W", "FMDay", "EEEE", ""}, {"a", "Dy", "EEE", ""}, {"j", "DDD", "DDD", "%j"},
            {"T", "HH24:MI:SS", "HH:mm:ss", "%H:%M:%S"}, {"f", "US", "SSSSSS", ""}, {"%", "%", "%", "%%"}};

    String unsupported;
    boolean hasTime;

    /** The pattern for {@code target}, or null (see {@link #unsupported}). */
    String convert(String mysql, Dialect target) {
        int column = target == Dialect.POSTGRESQL ? 1 : target == Dialect.H2 ? 2 : 3;
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < mysql.length(); i++) {
            char c = mysql.charAt(i);
            if (c != '%' || i + 1 == mysql.length()) {
                literal.append(c);
                continue;
            }
            char specifier = mysql.charAt(++i);
            String replacement = lookup(specifier, column);
            if (replacement == null || replacement.isEmpty()) {
                unsupported = "%" + specifier;
                return null;
            }
            hasTime |= "HkhIlisSpTf".indexOf(specifier) >= 0;
            flush(literal, pattern, target);
            pattern.append(replacement);
        }
        flush(literal, pattern, target);
        return pattern.toString();
    }

    private static String lookup(char specifier, int column) {
        for (String[] row : SPECIFIERS) {
            if (row[0].charAt(0) == specifier) {
                return row[column];
            }
        }
        return null;
    }

    /** Literal text between specifiers, quoted where the target would read its letters as a pattern. */
    private static void flush(StringBuilder literal, StringBuilder pattern, Dialect target) {
        if (literal.length() == 0) {
            return;
        }
        String text = literal.toString();
        boolean letters = text.chars().anyMatch(Character::isLetter);
        if (target == Dialect.POSTGRESQL && letters) {
            pattern.append('"').append(text.replace("\"", "\\\"")).append('"');
        } else if (target == Dialect.H2 && (letters || text.indexOf('\'') >= 0)) {
            pattern.append('\'').append(text.replace("'", "''")).append('\'');
        } else if (target == Dialect.SQLITE) {
            pattern.append(text.replace("%", "%%"));
        } else {
            pattern.append(text);
        }
        literal.setLength(0);
    }
}
