package dev.retort.session.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.dialect.ColumnReader;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;

/**
 * Runs SELECTs whose rows are values, not entities (tuples, aggregates, EXISTS): binds the statement's
 * values, logs it and reads each row through one {@link ColumnReader} per column.
 */
public final class RowQueries {
    private final SessionImpl session;
    private final Statements statements;

    RowQueries(SessionImpl session) {
        this.session = session;
        this.statements = new Statements(session);
    }

    List<Object[]> rows(CompiledStatement compiled, List<ColumnReader> readers) {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            bindValues(statement, compiled);
            statements.logQuery(compiled, new Object[0]);
            long started = statements.started();
            try (ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                while (resultSet.next()) {
                    Object[] row = new Object[readers.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = readers.get(i).read(resultSet, i + 1);
                    }
                    rows.add(row);
                }
            }
            statements.read(rows.size());
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
        return rows;
    }

    /** A statement of one boolean: EXISTS. */
    boolean selectBoolean(CompiledStatement compiled) {
        List<Object[]> rows = rows(compiled, List.of((resultSet, index) -> resultSet.getBoolean(index)));
        return (Boolean) rows.get(0)[0];
    }

    /** Binds a statement made only of values (no slots). */
    void bindValues(PreparedStatement statement, CompiledStatement compiled) throws SQLException {
        List<Expression> parameters = compiled.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            EntityPersister.bindValue(session.context().dialect(), statement, i + 1, (Expression.Value) parameters.get(i));
        }
    }
}
