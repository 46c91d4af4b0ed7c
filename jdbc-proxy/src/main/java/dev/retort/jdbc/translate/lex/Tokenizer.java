package dev.retort.jdbc.translate.lex;

import dev.retort.jdbc.translate.Dialect;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

/**
 * Cuts SQL into {@link Tokens} following the source dialect's lexical rules: MySQL (backslash escapes,
 * {@code "} strings, {@code #} and {@code -- } comments, executable comments, backticks) or PostgreSQL
 * ({@code $$} strings, {@code E''} strings, nested block comments, {@code "} names). One pass, no
 * backtracking, no recursion: time and stack are linear in the statement whatever its content.
 *
 * <p>Unterminated strings, names and comments are refused rather than passed through: where the literal
 * ends decides what every later token means, so no translation of the rest could be trusted.
 */
public final class Tokenizer {

    private static final String SYNTAX = "42000";

    private final boolean mysql;
    private final String sql;
    private final int length;
    private final Tokens tokens;
    private boolean inExecutableComment;

    private Tokenizer(boolean mysql, String sql) {
        this.mysql = mysql;
        this.sql = sql;
        this.length = sql.length();
        this.tokens = new Tokens(sql);
    }

    public static Tokens tokenize(String sql, Dialect source) throws SQLException {
        Tokenizer tokenizer = new Tokenizer(source.mysqlFamily(), sql);
        tokenizer.run();
        tokenizer.pairParentheses();
        return tokenizer.tokens;
    }

    private void run() throws SQLException {
        int i = 0;
        while (i < length) {
            i = token(i);
        }
        if (inExecutableComment) {
            throw unterminated("executable comment /*!", sql.lastIndexOf("/*!"), "*/");
        }
    }

    private int token(int i) throws SQLException {
        char c = sql.charAt(i);
        if (Character.isWhitespace(c)) {
            int j = i + 1;
            while (j < length && Character.isWhitespace(sql.charAt(j))) {
                j++;
            }
            return add(Tokens.SPACE, i, j);
        }
        switch (c) {
            case '\'':
                if (mysql && standardEscapeCharacter(i)) {
                    return add(Tokens.STRING, i, i + 3);
                }
                return add(Tokens.STRING, i, quoted(i, i + 1, '\'', mysql, "string literal"));
            case '"':
                return mysql ? add(Tokens.STRING, i, quoted(i, i + 1, '"', true, "string literal"))
                        : add(Tokens.QUOTED_NAME, i, quoted(i, i + 1, '"', false, "quoted name"));
            case '`':
                if (mysql) {
                    return add(Tokens.QUOTED_NAME, i, quoted(i, i + 1, '`', false, "quoted name"));
                }
                return add(Tokens.OPERATOR, i, i + 1);
            case '?':
                return add(Tokens.PARAM, i, i + 1);
            case '(':
                return add(Tokens.OPEN, i, i + 1);
            case ')':
                return add(Tokens.CLOSE, i, i + 1);
            case ',':
                return add(Tokens.COMMA, i, i + 1);
            case ';':
                return add(Tokens.SEMICOLON, i, i + 1);
            case '#':
                if (mysql) {
                    return add(Tokens.HASH_COMMENT, i, lineEnd(i));
                }
                return operator(i);
            case '-':
                if (at(i + 1) == '-' && (!mysql || i + 2 >= length || at(i + 2) <= ' ')) {
                    return add(Tokens.COMMENT, i, lineEnd(i));
                }
                return operator(i);
            case '/':
                if (at(i + 1) == '*') {
                    return blockComment(i);
                }
                return operator(i);
            case '*':
                if (inExecutableComment && at(i + 1) == '/') {
                    inExecutableComment = false;
                    return add(Tokens.EXEC_CLOSE, i, i + 2);
                }
                return operator(i);
            case '.':
                if (isDigit(at(i + 1)) && !afterName()) {
                    return add(Tokens.NUMBER, i, number(i));
                }
                return add(Tokens.DOT, i, i + 1);
            case '$':
                if (!mysql) {
                    return dollar(i);
                }
                return add(Tokens.WORD, i, word(i + 1));
            case '@':
                if (mysql) {
                    int j = at(i + 1) == '@' ? i + 2 : i + 1;
                    return add(Tokens.VARIABLE, i, word(j));
                }
                return operator(i);
            default:
                return other(i, c);
        }
    }

    private int other(int i, char c) throws SQLException {
        if (isDigit(c)) {
            if (c == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHex(at(i + 2))) {
                return add(Tokens.NUMBER, i, word(i + 2));
            }
            return add(Tokens.NUMBER, i, number(i));
        }
        if (isWordStart(c)) {
            char next = at(i + 1);
            if (next == '\'' && (c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' || c == 'N'
                    || (!mysql && (c == 'e' || c == 'E')))) {
                boolean escapes = mysql || c == 'e' || c == 'E';
                return add(Tokens.STRING, i, quoted(i, i + 2, '\'', escapes, "string literal"));
            }
            return add(Tokens.WORD, i, word(i + 1));
        }
        return operator(i);
    }

    /** Whether the previous token is a name, so {@code t.5} is a qualified name and not a number. */
    private boolean afterName() {
        int last = tokens.count - 1;
        return last >= 0 && (tokens.kind[last] == Tokens.WORD || tokens.kind[last] == Tokens.QUOTED_NAME);
    }

    private int add(byte kind, int from, int to) {
        tokens.add(kind, from, to);
        return to;
    }

    private char at(int i) {
        return i < length ? sql.charAt(i) : '\0';
    }

    private int lineEnd(int i) {
        int j = i;
        while (j < length && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /**
     * {@code ESCAPE '\'} as standard SQL (and a framework that took the database for PostgreSQL) writes it: in
     * MySQL's reading the backslash would escape the closing quote and leave the literal open, so after
     * ESCAPE a lone backslash between quotes is read as the backslash it means.
     */
    private boolean standardEscapeCharacter(int i) {
        if (at(i + 1) != '\\' || at(i + 2) != '\'' || at(i + 3) == '\'') {
            return false;
        }
        int last = tokens.count - 1;
        while (last >= 0 && tokens.kind[last] == Tokens.SPACE) {
            last--;
        }
        return last >= 0 && tokens.word(last, "ESCAPE");
    }

    /** The end of a quoted token whose content starts at {@code from}; doubled quotes stay inside. */
    private int quoted(int tokenStart, int from, char quote, boolean backslash, String what) throws SQLException {
        int j = from;
        while (j < length) {
            char c = sql.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (at(j + 1) != quote) {
                    return j + 1;
                }
                j += 2;
            } else {
                j++;
            }
        }
        throw unterminated(what, tokenStart, String.valueOf(quote));
    }

    private int blockComment(int i) throws SQLException {
        if (mysql && at(i + 2) == '!') {
            if (inExecutableComment) {
                throw new SQLSyntaxErrorException("Nested executable comment /*! at offset " + i + " in "
                        + excerpt(i) + ". To fix this, close the first executable comment before opening another.",
                        SYNTAX);
            }
            int j = i + 3;
            while (j < length && isDigit(sql.charAt(j))) {
                j++;
            }
            inExecutableComment = true;
            return add(Tokens.EXEC_OPEN, i, j);
        }
        int depth = 1;
        int j = i + 2;
        while (j < length) {
            char c = sql.charAt(j);
            if (c == '*' && at(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return add(Tokens.COMMENT, i, j);
                }
            } else if (!mysql && c == '/' && at(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        throw unterminated("comment /*", i, "*/");
    }

    /** {@code $tag$ ... $tag$} strings, or {@code $1} positional parameters (left as words). */
    private int dollar(int i) throws SQLException {
        int j = i + 1;
        while (j < length && isWordPart(sql.charAt(j)) && sql.charAt(j) != '$') {
            j++;
        }
        if (at(j) != '$' || (j > i + 1 && isDigit(sql.charAt(i + 1)))) {
            return add(Tokens.WORD, i, word(i + 1));
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string " + tag, i, tag);
        }
        return add(Tokens.DOLLAR_STRING, i, close + tag.length());
    }

    private int number(int i) {
        int j = i;
        while (j < length && isDigit(sql.charAt(j))) {
            j++;
        }
        if (at(j) == '.' && (isDigit(at(j + 1)) || !isWordStart(at(j + 1)))) {
            j++;
            while (j < length && isDigit(sql.charAt(j))) {
                j++;
            }
        }
        if ((at(j) == 'e' || at(j) == 'E')
                && (isDigit(at(j + 1)) || ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
            j += 2;
            while (j < length && isDigit(sql.charAt(j))) {
                j++;
            }
        }
        return j;
    }

    private int word(int from) {
        int j = from;
        while (j < length && isWordPart(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    private static final String[] MYSQL_OPERATORS = {"<=>", "->>", "<=", ">=", "<>", "!=", "||", "&&", "<<", ">>",
            ":=", "->"};
    private static final String[] POSTGRES_OPERATORS = {"->>", "#>>", "!~*", "~~*", "::", "<=", ">=", "<>", "!=",
            "||", "->", "#>", "@>", "<@", "!~", "~*", "<<", ">>", "&&"};

    private int operator(int i) {
        for (String candidate : mysql ? MYSQL_OPERATORS : POSTGRES_OPERATORS) {
            if (sql.startsWith(candidate, i)) {
                return add(Tokens.OPERATOR, i, i + candidate.length());
            }
        }
        int codePoint = sql.codePointAt(i);
        return add(Tokens.OPERATOR, i, i + Character.charCount(codePoint));
    }

    private void pairParentheses() throws SQLException {
        int[] partner = new int[tokens.count];
        int[] stack = new int[16];
        int depth = 0;
        for (int i = 0; i < tokens.count; i++) {
            partner[i] = -1;
            if (tokens.kind[i] == Tokens.OPEN) {
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = i;
            } else if (tokens.kind[i] == Tokens.CLOSE) {
                if (depth == 0) {
                    throw new SQLSyntaxErrorException("Unbalanced ')' at offset " + tokens.start[i] + " in "
                            + excerpt(tokens.start[i]) + ". To fix this, remove it or add the missing '('.", SYNTAX);
                }
                int open = stack[--depth];
                partner[open] = i;
                partner[i] = open;
            }
        }
        if (depth > 0) {
            int open = tokens.start[stack[depth - 1]];
            throw new SQLSyntaxErrorException("Unclosed '(' at offset " + open + " in " + excerpt(open)
                    + ". To fix this, add the missing ')'.", SYNTAX);
        }
        tokens.partner = partner;
    }

    private SQLException unterminated(String what, int offset, String closer) {
        return new SQLSyntaxErrorException("Unterminated " + what + " starting at offset " + offset + " in "
                + excerpt(offset) + ". To fix this, close it with " + closer + " (the statement is not sent).",
                SYNTAX);
    }

    /** Up to 40 characters from {@code offset}, quoted, so a 1 MB statement does not land in the message. */
    private String excerpt(int offset) {
        int to = Math.min(length, offset + 40);
        return "\"" + sql.substring(offset, to) + (to < length ? "…" : "") + "\"";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '$' || (c > 127 && Character.isLetterOrDigit(c));
    }
}
