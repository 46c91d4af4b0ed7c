package dev.retort.jdbc.translate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * All the JDBC wrappers know of translation: SQL in, the statements to send out. Implementations are
 * thread-safe and cache per SQL string.
 */
public interface SqlTranslator {

    /**
     * What to send for {@code sql}; {@code schema} (may be null) is the target connection the rules may read
     * table facts from.
     *
     * @throws java.sql.SQLSyntaxErrorException SQLState 42000 for a refused construct or unterminated input
     *     (never 0A000: pools read that as a broken connection)
     */
    TranslatedSql translated(String sql, Connection schema) throws SQLException;

    /** The dialect the application writes. */
    Dialect source();

    /** The dialect of the database behind the proxy. */
    Dialect target();
}
