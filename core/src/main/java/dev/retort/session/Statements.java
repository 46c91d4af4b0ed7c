package dev.retort.session;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.ConstraintViolationException;
import dev.retort.DatabaseException;
import dev.retort.dialect.ErrorKind;
import dev.retort.engine.SqlLog;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;

/** Prepares, logs and explains statements for one operation of a session. */
final class Statements {
    private final SessionContext context;
    private final SqlLog log;

    Statements(SessionContext context) {
        this.context = context;
        this.log = context.engine().sqlLog();
    }

    PreparedStatement prepare(Connection connection, CompiledStatement compiled) throws SQLException {
        return connection.prepareStatement(compiled.sql());
    }

    PreparedStatement prepareReturningKeys(Connection connection, CompiledStatement compiled, String keyColumn) throws SQLException {
        return connection.prepareStatement(compiled.sql(), new String[] {keyColumn});
    }

    void logQuery(CompiledStatement compiled, Object[] row) {
        if (log.enabled()) {
            log.statement(compiled.sql(), parameters(compiled, row), 1, false);
        }
    }

    void logRows(CompiledStatement compiled, Object[] firstRow, int size, boolean batched) {
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

    DatabaseException queryFailed(CompiledStatement compiled, SQLException error) {
        return new DatabaseException(context.dialect().displayName() + " rejected a query: " + error.getMessage().trim()
                + " [SQL: " + compiled.sql() + "]", error);
    }

    /**
     * The error for a statement that failed during a flush, saying what the flush did to the transaction
     * and how to go on.
     */
    DatabaseException flushFailed(String entityName, String operation, CompiledStatement compiled, SQLException failure,
                                  FailureScope scope) {
        // pgjdbc reports "Batch entry 3 ... was aborted" and keeps the server's error as the next exception.
        SQLException error = failure instanceof BatchUpdateException && failure.getNextException() != null
                ? failure.getNextException() : failure;
        ErrorKind kind = context.dialect().classify(error);
        String what = kind.isIntegrityViolation()
                ? "the " + operation + " of " + entityName + " violated " + kind.description()
                : "the " + operation + " of " + entityName + " failed";
        String message = "Flush failed: " + what + ": " + error.getMessage().trim() + " [SQL: " + compiled.sql() + "]. "
                + scope.rolledBack() + " " + scope.toFix("correct the data, and add the objects again");
        return kind.isIntegrityViolation() ? new ConstraintViolationException(message, error) : new DatabaseException(message, error);
    }
}
