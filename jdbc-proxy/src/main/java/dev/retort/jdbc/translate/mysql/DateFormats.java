package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.target.Target;

/**
 * MySQL's DATE_FORMAT / STR_TO_DATE specifiers in the target's date pattern language (to_char, java.time,
 * strftime: {@link Target#datePattern}). A specifier a target cannot express yields {@code null} with its name kept in
 * {@link #unsupported}.
 */
final class DateFormats {

    String unsupported;
    boolean hasTime;

    /** The pattern for {@code target}, or null (see {@link #unsupported}). */
    String convert(String mysql, Target target) {
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < mysql.length(); i++) {
            char c = mysql.charAt(i);
            if (c != '%' || i + 1 == mysql.length()) {
                literal.append(c);
                continue;
            }
            char specifier = mysql.charAt(++i);
            String replacement = target.datePattern(specifier);
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

    /** Literal text between specifiers, quoted where the target would read its letters as a pattern. */
    private static void flush(StringBuilder literal, StringBuilder pattern, Target target) {
        if (literal.length() == 0) {
            return;
        }
        pattern.append(target.datePatternText(literal.toString()));
        literal.setLength(0);
    }
}
