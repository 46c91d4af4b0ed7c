package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.rewrite.SchemaLookup;
import dev.retort.jdbc.translate.rewrite.Settings;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;

/**
 * Token rules for SQL written for PostgreSQL, read by MySQL/MariaDB or SQLite: names, literals,
 * {@code ::} casts, ILIKE and LIKE's case, {@code ||}, NULL order, INTERVAL, OFFSET without LIMIT.
 * Statements (RETURNING, ON CONFLICT, DDL) go to {@link PostgresStatements}.
 */
public final class PostgresRewriter extends Rewriter {

    final SchemaLookup schema;
    /** Set while ON CONFLICT's SET list is written for MySQL: EXCLUDED.c becomes VALUES(c). */
    boolean excludedAsValues;
    private final PostgresStatements statements;
    private final PostgresExpressions expressions;

    public PostgresRewriter(Tokens tokens, Settings settings, SchemaLookup schema) {
        super(tokens, settings);
        this.schema = schema;
        this.statements = new PostgresStatements(this);
        this.expressions = new PostgresExpressions(this);
    }

    @Override
    protected Rewriter forOther(Tokens tokens) {
        return new PostgresRewriter(tokens, settings, schema);
    }

    boolean mysqlTarget() {
        return target.mysqlFamily();
    }

    @Override
    protected boolean statement(int first, int from, int to, StringBuilder out) throws SQLException {
        return statements.rewrite(first, from, to, out);
    }

    @Override
    protected int token(int i, int floor, int limit, StringBuilder out) throws SQLException {
        switch (t.kind[i]) {
            case Tokens.COMMENT:
                comment(i, out);
                return i + 1;
            case Tokens.QUOTED_NAME:
                if (mysqlTarget()) {
                    fire("quoted name");
                    out.append('`').append(Literals.value(t, i, source).replace("`", "``")).append('`');
                } else {
                    copy(i, out);
                }
                return i + 1;
            case Tokens.STRING:
            case Tokens.DOLLAR_STRING:
                string(i, out);
                return i + 1;
            case Tokens.OPERATOR:
                return expressions.operator(i, floor, limit, out);
            case Tokens.WORD:
                return expressions.word(i, floor, limit, out);
            default:
                copy(i, out);
                return i + 1;
        }
    }

    /** MySQL needs a space after {@code --} and does not nest block comments. */
    private void comment(int i, StringBuilder out) throws SQLException {
        String text = t.text(i);
        if (mysqlTarget() && text.startsWith("--") && text.length() > 2 && text.charAt(2) > ' ') {
            fire("-- comment");
            out.append("-- ").append(text, 2, text.length());
            return;
        }
        if (mysqlTarget() && text.startsWith("/*") && text.indexOf("/*", 2) >= 0) {
            throw refuse("A nested block comment", "MySQL ends a comment at the first */",
                    "remove the inner /* … */");
        }
        copy(i, out);
    }

    private void string(int i, StringBuilder out) {
        char first = t.first(i);
        boolean plain = first == '\'';
        if (plain && (!mysqlTarget() || !hasBackslash(i))) {
            copy(i, out);
            return;
        }
        String value = t.kind[i] == Tokens.DOLLAR_STRING ? dollarValue(i) : Literals.value(t, i, source);
        fire("string literal");
        out.append(Literals.quote(value, target));
    }

    private boolean hasBackslash(int i) {
        for (int k = t.start[i]; k < t.end[i]; k++) {
            if (sql.charAt(k) == '\\') {
                return true;
            }
        }
        return false;
    }

    private String dollarValue(int i) {
        String text = t.text(i);
        int tagEnd = text.indexOf('$', 1) + 1;
        return text.substring(tagEnd, text.length() - tagEnd);
    }
}
