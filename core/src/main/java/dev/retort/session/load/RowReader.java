package dev.retort.session.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;

/**
 * The JDBC of loading: runs a compiled SELECT on the session's connection (logged, with its timeout) and
 * returns the rows as field values, foreign keys still as ids. Without a statement timeout the prepared
 * statement is kept for the rest of the transaction and reused by the next run of the same SQL, as
 * hand-written JDBC does. Turning rows into objects is the {@link Loader}'s job.
 */
public final class RowReader {
    private final SessionImpl session;

    RowReader(SessionImpl session) {
        this.session = session;
    }

    /** The rows of a query as field values (foreign keys still as ids), the entity's columns from {@code offset + 1}. */
    List<Object[]> readRows(EntityPersister persister, CompiledStatement compiled, Object[] row, int offset) {
        List<Object[]> rows = new ArrayList<>();
        Statements statements = new Statements(session);
        PreparedStatement kept = null;
        try {
            kept = compiled.reusable() ? session.reusableQuery(compiled.sql()) : null;
            if (kept != null) {
                read(persister, compiled, row, offset, kept, statements, rows);
            } else {
                try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
                    read(persister, compiled, row, offset, statement, statements, rows);
                }
            }
        } catch (SQLException e) {
            if (kept != null) {
                session.discardQuery(compiled.sql());
            }
            throw statements.queryFailed(compiled, e);
        }
        return rows;
    }

    private static void read(EntityPersister persister, CompiledStatement compiled, Object[] row, int offset,
                             PreparedStatement statement, Statements statements, List<Object[]> rows) throws SQLException {
        persister.bind(statement, compiled, row);
        statements.logQuery(compiled, row);
        long started = statements.started();
        int before = rows.size();
        try (ResultSet resultSet = statement.executeQuery()) {
            statements.executed(compiled, started);
            while (resultSet.next()) {
                Object[] values = persister.readRow(resultSet, offset);
                if (offset > 0) {
                    // The column before the entity's: the owner key of a join-table row.
                    Object[] withOwner = new Object[values.length + 1];
                    System.arraycopy(values, 0, withOwner, 0, values.length);
                    withOwner[values.length] = resultSet.getObject(1);
                    values = withOwner;
                }
                rows.add(values);
            }
        }
        statements.read(rows.size() - before);
    }

    /** Runs a SELECT of one number (COUNT). */
    long selectLong(EntityPersister persister, CompiledStatement compiled) {
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            persister.bind(statement, compiled, new Object[0]);
            statements.logQuery(compiled, null);
            long started = statements.started();
            try (ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                statements.read(1);
                resultSet.next();
                return resultSet.getLong(1);
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }
}
