package dev.retort.jdbc.translate.lex;

import dev.retort.jdbc.translate.Dialect;

import java.util.Locale;
import java.util.Set;

/** Word lists the rules consult: keywords that precede a parenthesis, portable functions, reserved names. */
public final class Keywords {

    private Keywords() {
    }

    /** Words followed by "(" that are not function calls. */
    private static final Set<String> CLAUSE_WORDS = Set.of("IN", "VALUES", "VALUE", "EXISTS", "ANY", "ALL", "SOME",
            "USING", "ON", "AS", "AND", "OR", "NOT", "WHERE", "SELECT", "FROM", "JOIN", "KEY", "INDEX", "UNIQUE",
            "PRIMARY", "CHECK", "REFERENCES", "INTO", "TABLE", "OVER", "FILTER", "WITHIN", "LIMIT", "SET", "THEN",
            "ELSE", "WHEN", "CASE", "BY", "IS", "LIKE", "ILIKE", "BETWEEN", "RETURNING", "CONFLICT", "DO", "UPDATE",
            "DELETE", "INSERT", "WITH", "UNION", "INTERSECT", "EXCEPT", "HAVING", "OFFSET", "DEFAULT", "ROLLUP",
            "CONSTRAINT", "FOREIGN", "CASCADE", "LATERAL", "DISTINCT", "RECURSIVE", "VIEW", "ENUM", "REPLACE_INTO",
            "PARTITION", "WINDOW", "ROW", "ROWS", "ORDER", "GROUP", "IGNORE", "MATCH", "AGAINST", "GENERATED",
            "IDENTITY");

    /** Types whose parenthesis holds a length or precision, never arguments. */
    private static final Set<String> TYPE_WORDS = Set.of("VARCHAR", "CHAR", "CHARACTER", "DECIMAL", "NUMERIC",
            "INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "FLOAT", "DOUBLE", "REAL", "BIT",
            "BINARY", "VARBINARY", "DATETIME", "TIMESTAMP", "TIME", "VARYING", "NVARCHAR", "NCHAR", "DEC", "FIXED",
            "BOOL", "BOOLEAN", "SERIAL", "BIGSERIAL", "SMALLSERIAL");

    /** Functions that mean the same on every target this translator writes. */
    public static final Set<String> PORTABLE_FUNCTIONS = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "COALESCE",
            "NULLIF", "ABS", "UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "REPLACE", "CAST", "CHAR_LENGTH",
            "CHARACTER_LENGTH", "CONCAT_WS", "ROUND", "SIGN", "FLOOR", "CEIL", "CEILING", "EXISTS", "MOD",
            "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTILE", "POSITION", "SQRT",
            "EXP", "LN", "LOG10");

    /** Words the targets reserve, or read as a function of the session, that MySQL reads as plain names. */
    private static final Set<String> TARGET_ONLY_NAMES = Set.of("USER", "SESSION_USER",
            "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "ARRAY", "ANALYSE", "VERBOSE");

    /** Reserved words quoted when a MySQL backtick name is written for a target. */
    private static final Set<String> RESERVED = Set.of("ALL", "ALTER", "AND", "ANY", "ARRAY", "AS", "ASC",
            "BETWEEN", "BOTH", "BY", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DAY", "DEFAULT", "DELETE",
            "DESC", "DISTINCT", "DO", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INDEX", "INNER",
            "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT",
            "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER",
            "PRIMARY", "QUALIFY", "REFERENCES", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT",
            "SESSION_USER", "SET", "SOME", "TABLE", "THEN", "TO", "TOP", "TRAILING", "TRUE", "UNION", "UNIQUE",
            "UNKNOWN", "UPDATE", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR");

    public static boolean isClauseWord(Tokens tokens, int index) {
        if (tokens.kind[index] != Tokens.WORD) {
            return false;
        }
        String upper = tokens.upper(index);
        return CLAUSE_WORDS.contains(upper) || TYPE_WORDS.contains(upper);
    }

    /** Whether the word is a table named after INTO, TABLE, UPDATE, JOIN, FROM, REFERENCES or ON (an index). */
    public static boolean namesTable(Tokens tokens, int index) {
        int before = tokens.previous(index, 0);
        if (tokens.word(before, "FROM") && inFunctionTakingFrom(tokens, before)) {
            return false;
        }
        return tokens.word(before, "INTO") || tokens.word(before, "TABLE") || tokens.word(before, "EXISTS")
                && tokens.word(tokens.previous(before, 0), "NOT") || tokens.word(before, "REFERENCES")
                || tokens.word(before, "UPDATE") || tokens.word(before, "JOIN") || tokens.word(before, "FROM")
                || tokens.word(before, "ON") && tokens.findWord(0, before, "INDEX") >= 0;
    }

    /** Whether the FROM at {@code from} is inside EXTRACT(unit FROM …), TRIM(… FROM …) or SUBSTRING(… FROM …). */
    private static boolean inFunctionTakingFrom(Tokens tokens, int from) {
        for (int k = from - 1; k >= 0; k--) {
            if (tokens.kind[k] == Tokens.CLOSE) {
                k = tokens.partner[k];
            } else if (tokens.kind[k] == Tokens.OPEN) {
                int name = tokens.previous(k, 0);
                return tokens.word(name, "EXTRACT") || tokens.word(name, "TRIM") || tokens.word(name, "SUBSTRING")
                        || tokens.word(name, "SUBSTR") || tokens.word(name, "POSITION");
            } else if (tokens.word(k, "SELECT")) {
                return false;
            }
        }
        return false;
    }

    public static boolean isType(String upper) {
        return TYPE_WORDS.contains(upper);
    }

    public static boolean targetOnlyName(String upper) {
        return TARGET_ONLY_NAMES.contains(upper);
    }

    /** Whether {@code upper}, a plain word, must be quoted to be read as a name. */
    public static boolean reserved(String upper) {
        return RESERVED.contains(upper);
    }
}
