package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.SqlEvent.Kind;
import dev.retort.jdbc.log.SqlLog;
import dev.retort.jdbc.log.StatementRecord;
import dev.retort.jdbc.translate.SqlTranslator;
import dev.retort.jdbc.translate.TranslatedSql;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the driver's connection: hands out statement wrappers, logs commit and rollback, and closes its
 * statements with itself. Like any JDBC connection, used by one thread at a time.
 */
public final class RetortConnection extends ConnectionDelegate {

    private static final AtomicLong IDS = new AtomicLong();

    final long id;
    final SqlLog log;
    final boolean logging;
    /** Null unless {@code retort.translate.from} names a dialect other than the database's. */
    private final SqlTranslator translator;
    /** Whether SQL is translated: the statements test this copy, not the translator. */
    final boolean translating;
    private final OpenStatements openStatements = new OpenStatements();
    private boolean closed;

    private RetortConnection(Connection delegate, SqlLog log, SqlTranslator translator) {
        super(delegate);
        this.id = IDS.incrementAndGet();
        this.log = log;
        this.logging = log.enabled();
        this.translator = translator;
        this.translating = translator != null;
    }

    /**
     * {@code source} names where the connection came from and must not contain a password.
     *
     * @throws SQLException when translation is asked for a database the translator cannot write for
     */
    public static RetortConnection wrap(Connection delegate, SqlLog log, String source) throws SQLException {
        SqlTranslator translator;
        try {
            translator = Translators.forConnection(log.options(), delegate);
        } catch (SQLException unsupported) {
            delegate.close();
            throw unsupported;
        }
        RetortConnection connection = new RetortConnection(delegate, log, translator);
        log.opened(connection.id, source);
        return connection;
    }

    public long id() {
        return id;
    }

    /**
     * What to send for the SQL the application wrote under the {@code retort.translate.*} options (cached per
     * SQL string), or null when the connection does not translate. Every wrapper logs both.
     */
    TranslatedSql translated(String sql) throws SQLException {
        return translator == null ? null : translator.translated(sql, connectionDelegate);
    }

    /** The dialect the application writes, for messages; null when not translating. */
    String translationSource() {
        return translator == null ? null : translator.source().toString();
    }

    /** The SQL to send in place of {@code sql}. */
    String sent(String sql) throws SQLException {
        return translator == null ? sql : translator.translated(sql, connectionDelegate).sql();
    }

    /**
     * Runs, one at a time on this connection (so in the application's transaction), the statements a
     * translation puts after the application's own; each is logged as a statement of its own.
     */
    void runAfter(TranslatedSql translated) throws SQLException {
        run(translated, translated.after(), "after");
    }

    /** Runs the statements a translation needs before the application's own (see {@link #runAfter}). */
    void runBefore(TranslatedSql translated) throws SQLException {
        run(translated, translated.before(), "before");
    }

    /** The translation of a statement being prepared, with the statements it needs first already run. */
    TranslatedSql preparing(String sql) throws SQLException {
        TranslatedSql translated = translated(sql);
        if (translated != null && translated.hasAfter()) {
            runBefore(translated);
        }
        return translated;
    }

    private void run(TranslatedSql translated, List<String> statements, String where) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (Statement statement = connectionDelegate.createStatement()) {
            for (String sql : statements) {
                StatementRecord record = logging ? log.start(id, Kind.UPDATE, sql, sql, List.of(), 0) : null;
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    SQLException failed = new SQLException("The proxy ran the translation of \"" + translated.sql()
                            + "\", but the statement it runs " + where + " it failed: " + sql + ": " + e.getMessage()
                            + " To fix this, correct the original statement or run it on the database directly.",
                            e.getSQLState(), e.getErrorCode(), e);
                    throw record == null ? failed : log.failed(record, failed);
                }
                if (record != null) {
                    record.executed();
                    record.rows(-1);
                    log.emit(record);
                }
            }
        }
    }

    private synchronized <S extends RetortStatement> S track(S statement) {
        openStatements.add(statement);
        return statement;
    }

    synchronized void untrack(RetortStatement statement) {
        openStatements.remove(statement);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return track(new RetortStatement(this, connectionDelegate.createStatement(), null, null));
    }

    @Override
    public Statement createStatement(int resultSetType, int concurrency) throws SQLException {
        return track(new RetortStatement(this, connectionDelegate.createStatement(resultSetType, concurrency),
                null, null));
    }

    @Override
    public Statement createStatement(int resultSetType, int concurrency, int holdability) throws SQLException {
        return track(new RetortStatement(this,
                connectionDelegate.createStatement(resultSetType, concurrency, holdability), null, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this, connectionDelegate.prepareStatement(sent), sql, translated));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this, connectionDelegate.prepareStatement(sent, autoGeneratedKeys),
                sql, translated));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this, connectionDelegate.prepareStatement(sent, columnIndexes),
                sql, translated));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this, connectionDelegate.prepareStatement(sent, columnNames),
                sql, translated));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int concurrency) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this,
                connectionDelegate.prepareStatement(sent, resultSetType, concurrency), sql, translated));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int concurrency, int holdability)
            throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortPreparedStatement(this,
                connectionDelegate.prepareStatement(sent, resultSetType, concurrency, holdability), sql, translated));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortCallableStatement(this, connectionDelegate.prepareCall(sent), sql, translated));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int concurrency) throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortCallableStatement(this,
                connectionDelegate.prepareCall(sent, resultSetType, concurrency), sql, translated));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int concurrency, int holdability)
            throws SQLException {
        TranslatedSql translated = preparing(sql);
        String sent = translated == null ? sql : translated.sql();
        return track(new RetortCallableStatement(this,
                connectionDelegate.prepareCall(sent, resultSetType, concurrency, holdability), sql, translated));
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return new RetortDatabaseMetaData(this, connectionDelegate.getMetaData());
    }

    @Override
    public void commit() throws SQLException {
        if (!logging) {
            connectionDelegate.commit();
            return;
        }
        StatementRecord record = log.start(id, Kind.COMMIT, "COMMIT", "COMMIT", List.of(), 0);
        try {
            connectionDelegate.commit();
        } catch (SQLException e) {
            throw log.failed(record, e);
        }
        record.executed();
        log.emit(record);
    }

    @Override
    public void rollback() throws SQLException {
        if (!logging) {
            connectionDelegate.rollback();
            return;
        }
        StatementRecord record = log.start(id, Kind.ROLLBACK, "ROLLBACK", "ROLLBACK", List.of(), 0);
        try {
            connectionDelegate.rollback();
        } catch (SQLException e) {
            throw log.failed(record, e);
        }
        record.executed();
        log.emit(record);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        if (!logging) {
            connectionDelegate.rollback(savepoint);
            return;
        }
        String sql = "ROLLBACK TO SAVEPOINT " + savepointName(savepoint);
        StatementRecord record = log.start(id, Kind.ROLLBACK, sql, sql, List.of(), 0);
        try {
            connectionDelegate.rollback(savepoint);
        } catch (SQLException e) {
            throw log.failed(record, e);
        }
        record.executed();
        log.emit(record);
    }

    /** Unnamed savepoints refuse getSavepointName, named ones getSavepointId (JDBC 3.0). */
    private static String savepointName(Savepoint savepoint) {
        try {
            return savepoint.getSavepointName();
        } catch (SQLException unnamed) {
            try {
                return "#" + savepoint.getSavepointId();
            } catch (SQLException neither) {
                return "?";
            }
        }
    }

    /**
     * Closes this connection's statements first, so records of result sets still open reach the log,
     * then the driver's connection; a pool's connection handle would not close them itself.
     */
    @Override
    public void close() throws SQLException {
        RetortStatement[] statements;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            statements = openStatements.drain();
        }
        SQLException failure = null;
        for (RetortStatement statement : statements) {
            try {
                statement.closeFromConnection();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        connectionDelegate.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Unwrapping.unwrap(this, connectionDelegate, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return Unwrapping.isWrapperFor(this, connectionDelegate, type);
    }

    @Override
    public String toString() {
        return "RetortConnection[" + id + "] wrapping " + connectionDelegate;
    }
}
