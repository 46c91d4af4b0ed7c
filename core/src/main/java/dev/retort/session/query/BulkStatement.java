package dev.retort.session.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.Attribute;
import dev.retort.DeleteQuery;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Predicate;
import dev.retort.UpdateQuery;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.load.HierarchyFilters;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * Bulk UPDATE and DELETE of one entity's table. Immutable: each refinement returns a new statement.
 * Execution flushes, runs the one statement in the session's transaction, then expires the loaded
 * instances of the entity so that none is served with the state it had before.
 */
public final class BulkStatement<T> implements UpdateQuery<T>, DeleteQuery<T> {
    private final SessionImpl session;
    private final EntityPersister persister;
    private final boolean delete;
    private final List<Expression> conditions;
    private final List<String> columns;
    private final List<Expression> values;

    private BulkStatement(SessionImpl session, EntityPersister persister, boolean delete, List<Expression> conditions,
                          List<String> columns, List<Expression> values) {
        this.session = session;
        this.persister = persister;
        this.delete = delete;
        this.conditions = conditions;
        this.columns = columns;
        this.values = values;
    }

    public static <T> BulkStatement<T> update(SessionImpl session, EntityPersister persister) {
        return new BulkStatement<>(session, persister, false, List.of(), List.of(), List.of());
    }

    public static <T> BulkStatement<T> delete(SessionImpl session, EntityPersister persister) {
        return new BulkStatement<>(session, persister, true, List.of(), List.of(), List.of());
    }

    @Override
    public BulkStatement<T> where(Predicate condition) {
        if (condition == null) {
            throw new InvalidRequestException("where(null) on session." + verb() + "(" + persister.entityName() + ".class): there "
                    + "is no condition. To fix this, pass one, or leave where() out to " + verb() + " every row.");
        }
        return new BulkStatement<>(session, persister, delete, append(conditions, condition.node()), columns, values);
    }

    @Override
    public <V> BulkStatement<T> set(Attribute<T, V> attribute, V value) {
        if (value == null) {
            return setNull(attribute);
        }
        // Bound as the attribute binds values in conditions: type checked, enums as stored, the column's type.
        return assign(attribute, ((Expression.Comparison) attribute.eq(value).node()).right());
    }

    @Override
    public <V> BulkStatement<T> set(Attribute<T, V> attribute, Expr<? extends V> value) {
        return assign(attribute, value.node());
    }

    @Override
    public <V> BulkStatement<T> setNull(Attribute<T, V> attribute) {
        requireOwn(attribute);
        return assign(attribute, new Expression.Value(null,
                persister.model().requireAttribute(attribute.name()).column().type().type()));
    }

    private void requireOwn(Attribute<T, ?> attribute) {
        if (attribute.entityType() != persister.entityType()) {
            throw new InvalidRequestException("set(" + attribute + ", ...) on session.update(" + persister.entityName()
                    + ".class): the attribute belongs to " + attribute.entityType().getSimpleName() + ". To fix this, set "
                    + "attributes of " + persister.entityName() + ".");
        }
    }

    /** Adds {@code column = value}. */
    private BulkStatement<T> assign(Attribute<T, ?> attribute, Expression value) {
        requireOwn(attribute);
        String column = persister.model().requireAttribute(attribute.name()).column().name();
        if (columns.contains(column)) {
            throw new InvalidRequestException("set(" + attribute + ", ...) is given twice on session.update(" + persister.entityName()
                    + ".class). To fix this, set each attribute once.");
        }
        return new BulkStatement<>(session, persister, delete, conditions, append(columns, column), append(values, value));
    }

    @Override
    public int execute() {
        session.checkUsable();
        session.beforeWriting(verb() + " " + persister.entityName() + " rows");
        if (!delete && columns.isEmpty()) {
            throw new InvalidRequestException("session.update(" + persister.entityName() + ".class) sets nothing. To fix this, "
                    + "add set(" + persister.entityName() + "_.attribute, value) before execute().");
        }
        session.flush();
        Optional<Expression> where = conditions.isEmpty() ? Optional.empty()
                : Optional.of(conditions.size() == 1 ? conditions.get(0) : new Expression.And(conditions));
        String table = persister.model().table().name();
        where = HierarchyFilters.restrict(persister, where, verb());
        Statement statement = delete ? new Statement.Delete(table, where.orElse(null))
                : new Statement.Update(table, columns, values, where.orElse(null));
        CompiledStatement compiled = session.context().compileQuery(statement);
        int count = run(compiled);
        expireLoaded();
        return count;
    }

    private int run(CompiledStatement compiled) {
        Statements statements = new Statements(session);
        try (PreparedStatement prepared = statements.prepare(session.connection(), compiled)) {
            new RowQueries(session).bindValues(prepared, compiled);
            statements.logQuery(compiled, new Object[0]);
            long started = statements.started();
            int count = prepared.executeUpdate();
            statements.executed(compiled, started);
            return count;
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }

    private void expireLoaded() {
        session.persistenceContext().expireEvery(persister.entityType());
    }

    private String verb() {
        return delete ? "delete" : "update";
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
