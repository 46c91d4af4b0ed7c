package dev.retort.jdbc.translate.lex;

import dev.retort.jdbc.translate.Dialect;

/** Reads string literals as the source dialect means them and writes them as the target reads them. */
public final class Literals {

    private Literals() {
    }

    /** The characters a string token stands for (prefixes such as E or N dropped). */
    public static String value(Tokens tokens, int index, Dialect source) {
        String text = tokens.text(index);
        char first = text.charAt(0);
        int open = Character.isLetter(first) ? 1 : 0;
        char quote = text.charAt(open);
        boolean escapes = source.mysqlFamily() || first == 'e' || first == 'E';
        StringBuilder value = new StringBuilder(text.length());
        for (int i = open + 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                i++;
                value.append(quote);
            } else if (c == '\\' && escapes && i + 1 < text.length() - 1) {
                i++;
                value.append(unescape(text.charAt(i), source));
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** MySQL keeps the backslash of {@code \%} and {@code \_} (for LIKE); both keep unknown escapes' letter. */
    private static String unescape(char c, Dialect source) {
        switch (c) {
            case '0': return "\0";
            case 'b': return "\b";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'Z': return source.mysqlFamily() ? "\u001a" : "Z";
            case '%': return source.mysqlFamily() ? "\\%" : "%";
            case '_': return source.mysqlFamily() ? "\\_" : "_";
            default: return String.valueOf(c);
        }
    }

    /** A literal the target reads as {@code value}: MySQL doubles backslashes, the others read them as is. */
    public static String quote(String value, Dialect target) {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                literal.append("''");
            } else if (c == '\\' && target.mysqlFamily()) {
                literal.append("\\\\");
            } else {
                literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    /** Whether the token is a plain single-quoted literal with no backslash: the same text on every target. */
    public static boolean portable(Tokens tokens, int index) {
        return tokens.first(index) == '\'' && noBackslash(tokens, index);
    }

    private static boolean noBackslash(Tokens tokens, int index) {
        for (int i = tokens.start[index]; i < tokens.end[index]; i++) {
            if (tokens.sql.charAt(i) == '\\') {
                return false;
            }
        }
        return true;
    }
}
