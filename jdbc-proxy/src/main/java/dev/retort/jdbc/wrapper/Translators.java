package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.log.UrlMasker;
import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.SqlTranslator;
import dev.retort.jdbc.translate.Translator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Translator} per translation settings and database URL, shared by all connections to that
 * database so that a pool's connections share the translation cache and the schema facts. Thread-safe.
 */
final class Translators {

    private static final Map<String, Translator> SHARED = new ConcurrentHashMap<>();

    private Translators() {
    }

    /** The translator for a new connection, or null when translation is off or not needed. */
    static SqlTranslator forConnection(ProxyOptions options, Connection connection) throws SQLException {
        Dialect source = options.translateFrom();
        if (source == null) {
            return null;
        }
        String url = String.valueOf(connection.getMetaData().getURL());
        Dialect target = options.translateTo() != null ? options.translateTo() : Dialect.ofUrl(url);
        if (target == null) {
            throw new SQLNonTransientConnectionException("Cannot tell which database " + UrlMasker.mask(url)
                    + " is, to translate " + source + " SQL for it. To fix this, set " + ProxyOptions.TRANSLATE_TO
                    + " to postgresql, h2, sqlite, mysql or mariadb.", "08001");
        }
        if (source.sameFamily(target)) {
            return null;
        }
        if (!Translator.supports(source, target)) {
            throw new SQLNonTransientConnectionException("Cannot translate " + source + " SQL for " + target + " ("
                    + UrlMasker.mask(url) + "): supported are mysql to postgresql, h2 or sqlite, and postgresql to"
                    + " mysql, mariadb or sqlite. To fix this, correct " + ProxyOptions.TRANSLATE_FROM + " or "
                    + ProxyOptions.TRANSLATE_TO + ".", "08001");
        }
        String key = source + ">" + target + (options.translateStrict() ? ",strict" : "")
                + (options.translateCaseInsensitive() ? ",ci" : "")
                + (options.translateCaseInsensitiveColumns() ? ",ci-columns" : "") + "@" + url;
        return SHARED.computeIfAbsent(key, k -> Translator.of(source, target, options.translateStrict(),
                options.translateCaseInsensitive(), options.translateCaseInsensitiveColumns()));
    }
}
