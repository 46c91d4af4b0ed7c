package dev.retort.session;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.ConstraintViolationException;
import dev.retort.DatabaseException;
import dev.retort.DatabaseUnavailableException;
import dev.retort.QueryTimeoutException;
import dev.retort.TransactionConflictException;
import dev.retort.dialect.ErrorKind;
import dev.retort.engine.SqlLog;
import dev.retort.engine.StatementObservers;
import dev.retort.session.flush.Flush;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;

/**
 * Prepares, logs, counts, times and explains statements for one operation of a session. Around each execution
 * {@link #started()} and {@link #executed} count it in the session's statistics and, only when the engine has
 * observers (the slow-statement log, Micrometer, OpenTelemetry), read the clock and tell them.
 */
public final class Statements {
    /** Where a schema comes from, for errors about a missing table. */
    static final String SCHEMA_SOURCES = "metadata.createAll(engine); in CDI retort.schema-management.strategy=create "
            + "(validate checks the tables at start); in Quarkus quarkus.retort.schema-management.strategy=create; or your "
            + "migrations";

    private final SessionContext context;
    private final SessionImpl session;
    private final SqlLog log;
    private final Counters counters;
    private final StatementObservers observers;
    /** Whether a statement was prepared or started and is not yet executed, and since when ({@link #UNTIMED}). */
    private boolean inFlight;
    private long since;

    /** Statements with the session's current statement timeout (a query's own, else the engine's). */
    public Statements(SessionImpl session) {
        this(session.context(), session, session.counters());
    }

    private Statements(SessionContext context, SessionImpl session, Counters counters) {
        this.context = context;
        this.session = session;
        this.log = context.engine().sqlLog();
        this.counters = counters;
        this.observers = context.engine().observers();
    }

    /** Statements with the engine's statement timeout (a flush), counted in {@code session}'s statistics. */
    public static Statements forFlush(SessionImpl session) {
        return new Statements(session.context(), null, session.counters());
    }

    /** Marks an execution's start: the clock when something observes statements, else {@link #UNTIMED}. */
    public long started() {
        inFlight = true;
        since = observers.any() ? System.nanoTime() : UNTIMED;
        return since;
    }

    /** One execution of {@code compiled} (a JDBC batch counts once) that began at {@code started}. */
    public void executed(CompiledStatement compiled, long started) {
        executed(compiled, started, 1);
    }

    /** {@code executions} executions of {@code compiled} (rows written one at a time) since {@code started}. */
    public void executed(CompiledStatement compiled, long started, int executions) {
        inFlight = false;
        counters.statements += executions;
        if (started != UNTIMED) {
            observers.executed(compiled.sql(), System.nanoTime() - started);
        }
    }

    /** Rows a query read from its result set. */
    public void read(long rows) {
        counters.rowsRead += rows;
    }

    /**
     * A statement that failed: counted, and, when it failed while being prepared or run (not while its rows were
     * read, after {@link #executed} told the observers), counted as an execution and told to the observers.
     */
    private void failed(CompiledStatement compiled, SQLException error) {
        counters.failedStatements++;
        if (inFlight) {
            inFlight = false;
            counters.statements++;
            if (since != UNTIMED) {
                observers.failed(compiled.sql(), System.nanoTime() - since, error);
            }
        }
    }

    /** What {@link #started()} returns when nothing observes statements. */
    static final long UNTIMED = Long.MIN_VALUE;

    public PreparedStatement prepare(Connection connection, CompiledStatement compiled) throws SQLException {
        preparing();
        return withTimeout(connection.prepareStatement(compiled.sql()));
    }

    public PreparedStatement prepareReturningKeys(Connection connection, CompiledStatement compiled, String keyColumn) throws SQLException {
        preparing();
        return withTimeout(connection.prepareStatement(compiled.sql(), new String[] {keyColumn}));
    }

    /** A statement is in flight from its preparation (a database may reject it there) unless it already was. */
    private void preparing() {
        if (!inFlight) {
            started();
        }
    }

    private PreparedStatement withTimeout(PreparedStatement statement) throws SQLException {
        int seconds = session != null ? session.statementTimeoutSeconds() : context.engine().statementTimeoutSeconds();
        if (seconds > 0) {
            try {
                context.dialect().applyTimeout(statement, seconds);
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        }
        return statement;
    }

    public void logQuery(CompiledStatement compiled, Object[] row) {
        if (log.enabled()) {
            log.statement(compiled.sql(), parameters(compiled, row), 1, false);
        }
    }

    public void logRows(CompiledStatement compiled, Object[] firstRow, int size, boolean batched) {
        if (log.enabled()) {
            log.statement(compiled.sql(), size == 1 ? parameters(compiled, firstRow) : List.of(), size, batched);
        }
    }

    private static List<Object> parameters(CompiledStatement compiled, Object[] row) {
        List<Object> values = new ArrayList<>(compiled.parameters().size());
        for (Expression parameter : compiled.parameters()) {
            values.add(parameter instanceof Expression.Slot slot ? row[slot.slot()] : ((Expression.Value) parameter).value());
        }
        return values;
    }

    /** The error for a statement outside a flush (a query, a bulk statement), by what the database reported. */
    public DatabaseException queryFailed(CompiledStatement compiled, SQLException failure) {
        SQLException error = serverError(failure);
        failed(compiled, error);
        String reported = error.getMessage().trim() + " [SQL: " + compiled.sql() + "]. ";
        switch (context.dialect().classify(error)) {
            case CONNECTION_FAILURE:
                return new DatabaseUnavailableException("Lost the connection to " + context.engine().location()
                        + " during a query: " + reported + "The database rolls back the transaction that was open on it: "
                        + "nothing it wrote was committed. To fix this, call session.rollback() (in a container transaction, "
                        + "let it roll back) and run the unit of work again once the database is reachable; retrying is safe.", error);
            case QUERY_TIMEOUT:
                return new QueryTimeoutException(context.dialect().displayName() + " cancelled a query that ran past its "
                        + "timeout: " + reported + "To fix this, call session.rollback(), then make the query cheaper or give it "
                        + "more time (query.timeout(...) or the engine option statement-timeout-seconds).", error);
            case MISSING_TABLE:
                return new DatabaseException(context.dialect().displayName() + " has no table for a query: " + reported
                        + "To fix this, create the schema: " + SCHEMA_SOURCES + ".", error);
            case TRANSACTION_CONFLICT:
                return new TransactionConflictException(context.dialect().displayName() + " rolled back a query's "
                        + "transaction to resolve a conflict with a concurrent one: " + reported + "To fix this, call "
                        + "session.rollback() and run the unit of work again (Retry does it for you).", error);
            default:
                return new DatabaseException(context.dialect().displayName() + " rejected a query: " + error.getMessage().trim()
                        + " [SQL: " + compiled.sql() + "]", error);
        }
    }

    /**
     * The error for a statement that failed during a flush, saying what the flush did to the transaction
     * and how to go on.
     */
    public DatabaseException flushFailed(String entityName, String operation, CompiledStatement compiled, SQLException failure,
                                  FailureScope scope) {
        SQLException error = serverError(failure);
        failed(compiled, error);
        ErrorKind kind = context.dialect().classify(error);
        if (kind == ErrorKind.CONNECTION_FAILURE && scope == FailureScope.SAVEPOINT) {
            scope = FailureScope.TRANSACTION;   // the savepoint went with the connection
        }
        String reported = error.getMessage().trim() + " [SQL: " + compiled.sql() + "]. " + scope.rolledBack() + " ";
        String of = "the " + operation + " of " + entityName;
        switch (kind) {
            case CONNECTION_FAILURE:
                return new DatabaseUnavailableException("Flush failed: lost the connection to " + context.engine().location()
                        + " during " + of + ": " + reported
                        + scope.toFix("run the unit of work again once the database is reachable; retrying is safe"), error);
            case QUERY_TIMEOUT:
                return new QueryTimeoutException("Flush failed: " + of + " ran past its statement timeout: " + reported
                        + scope.toFix("give the statement more time (the engine option statement-timeout-seconds) "
                        + "or find what blocks it"), error);
            case MISSING_TABLE:
                return new DatabaseException("Flush failed: " + of + " names a table that does not exist: " + reported
                        + scope.toFix("create the schema (" + SCHEMA_SOURCES + "), and add the objects again"), error);
            case TRANSACTION_CONFLICT:
                return new TransactionConflictException("Flush failed: " + of + " conflicted with a concurrent transaction: "
                        + reported + scope.toFix("run the unit of work again (Retry does it for you)"), error);
            default:
                String what = kind.isIntegrityViolation() ? of + " violated " + kind.description() : of + " failed";
                String message = "Flush failed: " + what + ": " + reported + scope.toFix("correct the data, and add the objects again");
                return kind.isIntegrityViolation() ? new ConstraintViolationException(message, error) : new DatabaseException(message, error);
        }
    }

    /** pgjdbc reports "Batch entry 3 ... was aborted" and keeps the server's error as the next exception. */
    private static SQLException serverError(SQLException failure) {
        return failure instanceof BatchUpdateException && failure.getNextException() != null ? failure.getNextException() : failure;
    }
}
