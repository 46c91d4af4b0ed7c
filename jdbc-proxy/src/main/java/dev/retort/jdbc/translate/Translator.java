package dev.retort.jdbc.translate;

import dev.retort.jdbc.translate.mysql.MySqlRewriter;
import dev.retort.jdbc.translate.postgres.PostgresRewriter;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.rewrite.SchemaFacts;
import dev.retort.jdbc.translate.rewrite.SchemaLookup;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.rewrite.Settings;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Tokenizer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Set;

/**
 * Rewrites SQL written for one database so that another returns what the first would have, or refuses it
 * with an {@link SQLSyntaxErrorException} of SQLState {@code 42000} naming the construct, the target and the way out.
 * SQL that needs no rewriting comes back as the same string. Translations are cached per SQL string, so a
 * statement shape is translated once. Thread-safe; share one instance per database.
 */
public final class Translator implements SqlTranslator {

    /** The logger doubtful constructs are reported to, once per statement shape. */
    public static final String LOGGER_NAME = "dev.retort.jdbc.translate";

    private static final Logger LOGGER = System.getLogger(LOGGER_NAME);
    private static final int CACHE_CAPACITY = 4096;
    /** The default retort.log.max-statement-length: the translator has no options of the log at hand. */
    private static final int WARNING_SQL_LENGTH = 8192;

    /**
     * The deepest nesting of function calls and rewritten expressions translated; deeper statements are
     * refused with SQLState {@code 42000}. Far beyond hand-written or generated SQL (ORMs nest a few
     * levels). Each level costs up to about 2 KB of stack once the JIT has compiled the rules (measured:
     * 200 levels needed 410 KB), so 100 levels leave most of a default 1 MB thread stack to the
     * application. Parentheses that no rule rewrites pass through at any depth: they are copied, not
     * recursed into.
     */
    public static final int MAX_NESTING = 100;


    private static final Set<String> PAIRS = Set.of("mysql>postgresql", "mysql>h2", "mysql>sqlite",
            "postgresql>mysql", "postgresql>mariadb", "postgresql>sqlite");

    private final Settings settings;
    private final TranslationCache cache = new TranslationCache(CACHE_CAPACITY);
    private final SchemaFacts facts;

    private Translator(Settings settings) {
        this.settings = settings;
        this.facts = new SchemaFacts(Target.of(settings.target()), settings.source() == Dialect.MYSQL && settings.caseInsensitive());
    }

    /**
     * A translator from {@code source} to {@code target}. {@code strict} refuses every construct it cannot
     * vouch for; {@code caseInsensitive} emulates MySQL's default case-insensitive comparisons.
     *
     * @throws IllegalArgumentException when the pair is not supported, listing those that are
     */
    public static Translator of(Dialect source, Dialect target, boolean strict, boolean caseInsensitive) {
        return of(source, target, strict, caseInsensitive, false);
    }

    /**
     * As {@link #of(Dialect, Dialect, boolean, boolean)}; {@code caseInsensitiveColumns} gives the text columns
     * of translated CREATE TABLE statements the target's case-insensitive type or collation (the proxy's
     * default, {@code retort.translate.case-insensitive-columns}).
     */
    public static Translator of(Dialect source, Dialect target, boolean strict, boolean caseInsensitive,
                                boolean caseInsensitiveColumns) {
        Dialect from = source == Dialect.MARIADB ? Dialect.MYSQL : source;
        if (!supports(from, target)) {
            throw new IllegalArgumentException("Cannot translate from " + source + " to " + target
                    + ": supported are mysql (or mariadb) to postgresql, h2 or sqlite, and postgresql to mysql,"
                    + " mariadb or sqlite. To fix this, correct retort.translate.from or retort.translate.to.");
        }
        return new Translator(new Settings(from, target, strict, caseInsensitive, caseInsensitiveColumns));
    }

    /** Whether SQL written for {@code source} can be translated for {@code target}. */
    public static boolean supports(Dialect source, Dialect target) {
        Dialect from = source == Dialect.MARIADB ? Dialect.MYSQL : source;
        return PAIRS.contains(from.key() + '>' + target.key());
    }

    @Override
    public Dialect source() {
        return settings.source();
    }

    @Override
    public Dialect target() {
        return settings.target();
    }

    /** The SQL to send for {@code sql}, without schema facts. */
    public String translate(String sql) throws SQLException {
        return translate(sql, null);
    }

    /**
     * The SQL to send for {@code sql}; {@code schema} (may be null) answers the questions some rules ask
     * of the target's tables. Cached per SQL string.
     *
     * @throws SQLSyntaxErrorException SQLState 42000 for a refused construct or unterminated input
     */
    public String translate(String sql, Connection schema) throws SQLException {
        return translated(sql, schema).toString();
    }

    @Override
    public TranslatedSql translated(String sql, Connection schema) throws SQLException {
        TranslationCache.Entry cached = cache.get(sql);
        if (cached == null) {
            cached = compute(sql, schema);
        } else if (cached.ddl()) {
            forgetSchema();
        }
        if (cached.refusal() != null) {
            throw new SQLSyntaxErrorException(cached.refusal(), cached.state());
        }
        return cached.sent();
    }

    private TranslationCache.Entry compute(String sql, Connection schema) {
        SchemaLookup lookup = new SchemaLookup(facts, schema);
        TranslationCache.Entry entry;
        try {
            Translation translation = run(sql, lookup);
            String how = unchanged(sql, translation) ? " unchanged although " : " with a difference: ";
            for (String warning : translation.warnings()) {
                LOGGER.log(Level.WARNING, "Translated from " + settings.source() + " to " + settings.target()
                        + how + warning + ": " + excerpt(sql));
            }
            entry = new TranslationCache.Entry(translation.sent(lookup.ddl()), null, null, lookup.used(), lookup.ddl());
        } catch (SQLException refused) {
            entry = new TranslationCache.Entry(null, refused.getMessage(), refused.getSQLState(), lookup.used(),
                    lookup.ddl());
        }
        if (lookup.ddl()) {
            forgetSchema();
        }
        cache.put(sql, entry);
        return entry;
    }

    /** Whether the proxy sends {@code sql} itself and nothing else. */
    private static boolean unchanged(String sql, Translation translation) {
        return translation.before().isEmpty() && translation.after().isEmpty() && translation.sql().equals(sql);
    }

    /**
     * The statement as a warning shows it: a multi-megabyte statement would otherwise be copied into every
     * warning, the same hazard retort.log.max-statement-length bounds in the SQL log.
     */
    private static String excerpt(String sql) {
        if (sql.length() <= WARNING_SQL_LENGTH) {
            return sql;
        }
        return sql.substring(0, WARNING_SQL_LENGTH) + "... [" + (sql.length() - WARNING_SQL_LENGTH)
                + " more characters]";
    }

    /** DDL is passing through: what was read of the schema, and translations built on it, may be stale. */
    private void forgetSchema() {
        facts.forget();
        cache.forgetSchemaDependent();
    }

    /** The translation with the rules that fired and the doubts let through; not cached. */
    public Translation explain(String sql) throws SQLException {
        return explain(sql, null);
    }

    public Translation explain(String sql, Connection schema) throws SQLException {
        return run(sql, new SchemaLookup(facts, schema));
    }

    private Translation run(String sql, SchemaLookup lookup) throws SQLException {
        Tokens tokens = Tokenizer.tokenize(sql, settings.source());
        Rewriter rewriter = settings.source() == Dialect.MYSQL
                ? new MySqlRewriter(tokens, settings, lookup)
                : new PostgresRewriter(tokens, settings, lookup);
        return rewriter.run();
    }

    int cachedCount() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "Translator[" + settings.source() + " to " + settings.target()
                + (settings.strict() ? ", strict" : "") + (settings.caseInsensitive() ? ", case-insensitive" : "")
                + (settings.caseInsensitiveColumns() ? ", case-insensitive columns" : "")
                + "]";
    }
}
