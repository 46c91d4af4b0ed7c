package dev.retort.session.flush;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.mapping.RelationshipModel;
import dev.retort.session.FailureScope;
import dev.retort.session.SessionContext;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.Relations;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * Writes the rows of many-to-many join tables during a flush: deletes first (links removed from
 * collections, and every link of a deleted object), inserts once both objects have their rows. Each kind
 * of statement goes as one JDBC batch per join table.
 */
public final class JoinRows {
    private final SessionContext context;
    private final Statements statements;
    private final FailureScopeSupplier scope;

    interface FailureScopeSupplier {
        FailureScope get();
    }

    JoinRows(SessionContext context, Statements statements, FailureScopeSupplier scope) {
        this.context = context;
        this.statements = statements;
        this.scope = scope;
    }

    /** Deletes the removed links and all links of the deleted entries. */
    void deleteLinks(Connection connection, List<Relations.Link> links, List<EntityEntry> deleted) {
        Map<RelationshipModel, List<Object[]>> pairs = new LinkedHashMap<>();
        for (Relations.Link link : unique(links, false)) {
            pairs.computeIfAbsent(link.owning(), key -> new ArrayList<>()).add(new Object[] {idOf(link.owner()), idOf(link.target())});
        }
        pairs.forEach((owning, rows) -> {
            RelationshipModel.JoinTable table = owning.joinTable();
            run(connection, owning, new Statement.Delete(table.table().name(), new Expression.And(List.of(
                    matches(table, table.ownerColumn(), 0), matches(table, table.targetColumn(), 1)))), rows);
        });
        Map<String, List<Object[]>> byColumn = new LinkedHashMap<>();
        Map<String, RelationshipModel> relationships = new LinkedHashMap<>();
        for (EntityEntry entry : deleted) {
            for (RelationshipModel relationship : entry.persister().collections()) {
                if (relationship.kind() != RelationshipModel.Kind.MANY_TO_MANY) {
                    continue;
                }
                RelationshipModel owning = relationship.owning() ? relationship : context.otherSide(relationship).orElseThrow();
                String column = relationship.owning() ? owning.joinTable().ownerColumn() : owning.joinTable().targetColumn();
                String key = owning.joinTable().table().name() + "." + column;
                relationships.put(key, owning);
                byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {entry.id()});
            }
        }
        byColumn.forEach((key, rows) -> {
            RelationshipModel owning = relationships.get(key);
            RelationshipModel.JoinTable table = owning.joinTable();
            String column = key.substring(key.lastIndexOf('.') + 1);
            run(connection, owning, new Statement.Delete(table.table().name(), matches(table, column, 0)), rows);
        });
    }

    void insertLinks(Connection connection, List<Relations.Link> links) {
        Map<RelationshipModel, List<Object[]>> pairs = new LinkedHashMap<>();
        for (Relations.Link link : unique(links, true)) {
            pairs.computeIfAbsent(link.owning(), key -> new ArrayList<>()).add(new Object[] {idOf(link.owner()), idOf(link.target())});
        }
        pairs.forEach((owning, rows) -> {
            RelationshipModel.JoinTable table = owning.joinTable();
            run(connection, owning, new Statement.Insert(table.table().name(), List.of(table.ownerColumn(), table.targetColumn()),
                    List.of(slot(table, table.ownerColumn(), 0), slot(table, table.targetColumn(), 1)), List.of()), rows);
        });
    }

    /** The links of one direction, each pair once (a link may be made from both sides). */
    private static List<Relations.Link> unique(List<Relations.Link> links, boolean add) {
        Map<Object, Map<Object, Set<Object>>> seen = new IdentityHashMap<>();
        List<Relations.Link> result = new ArrayList<>();
        for (Relations.Link link : links) {
            if (link.add() == add && seen.computeIfAbsent(link.owning(), key -> new IdentityHashMap<>())
                    .computeIfAbsent(link.owner(), key -> Collections.newSetFromMap(new IdentityHashMap<>())).add(link.target())) {
                result.add(link);
            }
        }
        return result;
    }

    private Object idOf(Object entity) {
        return context.persister(entity.getClass()).attribute(0).get(entity);
    }

    private static Expression matches(RelationshipModel.JoinTable table, String column, int slot) {
        return Expression.eq(new Expression.ColumnRef(column), slot(table, column, slot));
    }

    private static Expression slot(RelationshipModel.JoinTable table, String column, int slot) {
        SqlType type = table.table().column(column).type().type();
        return new Expression.Slot(slot, type);
    }

    private void run(Connection connection, RelationshipModel owning, Statement statement, List<Object[]> rows) {
        CompiledStatement compiled = context.compileWrite(statement);
        try (PreparedStatement prepared = statements.prepare(connection, compiled)) {
            for (Object[] row : rows) {
                List<Expression> parameters = compiled.parameters();
                for (int i = 0; i < parameters.size(); i++) {
                    Expression.Slot slot = (Expression.Slot) parameters.get(i);
                    EntityPersister.bindValue(context.dialect(), prepared, i + 1, new Expression.Value(row[slot.slot()], slot.type()));
                }
                prepared.addBatch();
            }
            statements.logRows(compiled, rows.get(0), rows.size(), true);
            long started = statements.started();
            prepared.executeBatch();
            statements.executed(compiled, started);
        } catch (SQLException e) {
            throw statements.flushFailed(owning.toString(), statement instanceof Statement.Insert ? "INSERT" : "DELETE",
                    compiled, e, scope.get());
        }
    }
}
