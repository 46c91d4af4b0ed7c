package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.translate.TranslatedSql;

import java.sql.CallableStatement;

/**
 * Wraps a callable statement: execution and positional values come from the prepared statement wrapper;
 * the generated base records values bound by name. Used by one thread at a time.
 */
public final class RetortCallableStatement extends CallableStatementDelegate {

    RetortCallableStatement(RetortConnection connection, CallableStatement delegate, String sql,
                            TranslatedSql translated) {
        super(connection, delegate, sql, translated);
    }
}
