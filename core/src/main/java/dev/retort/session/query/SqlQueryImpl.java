package dev.retort.session.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Row;
import dev.retort.SqlQuery;
import dev.retort.dialect.ColumnReader;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.JavaTypes;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.load.LoadPlan;
import dev.retort.session.load.Loader;
import dev.retort.session.load.ValueReaders;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;

/** Hand-written SQL: named parameters bound in marker order, rows read as values or as entities. */
public final class SqlQueryImpl implements SqlQuery {
    private final SessionImpl session;
    private final String text;
    private final NamedParameters parsed;
    private final Map<String, Object> values;
    /** This query's own statement timeout in seconds, or {@code null} for the engine's. */
    private final Integer timeoutSeconds;

    public SqlQueryImpl(SessionImpl session, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("session.sql(" + (text == null ? "null" : "\"" + text + "\"") + "): there is no SQL. "
                    + "To fix this, pass a statement such as \"select * from users where age > :age\".");
        }
        this.session = session;
        this.text = text;
        this.parsed = NamedParameters.parse(text);
        this.values = Map.of();
        this.timeoutSeconds = null;
    }

    private SqlQueryImpl(SessionImpl session, String text, NamedParameters parsed, Map<String, Object> values,
                         Integer timeoutSeconds) {
        this.session = session;
        this.text = text;
        this.parsed = parsed;
        this.values = values;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public SqlQuery timeout(java.time.Duration timeout) {
        return new SqlQueryImpl(session, text, parsed, values, Timeouts.seconds(timeout, "session.sql(\"" + text + "\")"));
    }

    @Override
    public SqlQuery param(String name, Object value) {
        if (!parsed.names().contains(name)) {
            throw new InvalidRequestException("param(\"" + name + "\", ...): the SQL has no parameter :" + name
                    + (parsed.names().isEmpty() ? "; it has no parameters." : "; its parameters are "
                    + String.join(", ", new LinkedHashSet<>(parsed.names().stream().map(n -> ":" + n).toList())) + ".")
                    + " To fix this, name one of them. [SQL: " + text + "]");
        }
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new SqlQueryImpl(session, text, parsed, more, timeoutSeconds);
    }

    /** The statement with its parameters as values, in marker order; every parameter must have a value. */
    private CompiledStatement compiled() {
        Set<String> missing = new LinkedHashSet<>();
        List<Expression> parameters = new ArrayList<>();
        for (String name : parsed.names()) {
            if (!values.containsKey(name)) {
                missing.add(":" + name);
                continue;
            }
            Object value = values.get(name);
            parameters.add(new Expression.Value(value, sqlType(name, value)));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("No value for " + String.join(", ", missing) + " in session.sql(\"" + text + "\"). "
                    + "To fix this, add .param(\"" + missing.iterator().next().substring(1) + "\", value) for each.");
        }
        return new CompiledStatement(parsed.sql(), parameters);
    }

    private SqlType sqlType(String name, Object value) {
        if (value == null) {
            return SqlType.VARCHAR;
        }
        Object stored = value instanceof Enum<?> constant ? constant.name() : value;
        SqlType type = JavaTypes.columnType(stored.getClass());
        if (type == null) {
            throw new InvalidRequestException("param(\"" + name + "\", " + value + "): a " + value.getClass().getName()
                    + " cannot be bound. To fix this, pass one of: " + JavaTypes.SUPPORTED + ".");
        }
        return type;
    }

    private static Object stored(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : value;
    }

    @Override
    public <T> TypedSqlQuery<T> as(Class<T> entityType) {
        EntityPersister persister = session.context().persister(entityType);
        return new TypedSqlQuery<>() {
            @Override
            public List<T> all() {
                return entities(persister, entityType);
            }

            @Override
            public T first() {
                List<T> rows = all();
                return rows.isEmpty() ? null : rows.get(0);
            }

            @Override
            public T one() {
                List<T> rows = all();
                if (rows.isEmpty()) {
                    throw new NoResultFoundException("one() found no row for session.sql(\"" + text + "\"); it expects exactly "
                            + "one. To fix this, use first() where no row is a normal outcome.");
                }
                if (rows.size() > 1) {
                    throw new MultipleResultsFoundException("Expected one row for session.sql(\"" + text + "\") but found "
                            + rows.size() + ". To fix this, narrow the WHERE clause, or use first() or all().");
                }
                return rows.get(0);
            }
        };
    }

    private <T> List<T> entities(EntityPersister persister, Class<T> entityType) {
        List<T> results = new ArrayList<>();
        query((resultSet, compiled) -> {
            int[] columns = entityColumns(persister, resultSet.getMetaData());
            List<AttributeModel> attributes = persister.model().attributes();
            List<ColumnReader> readers = attributes.stream().map(attribute -> session.context().dialect().reader(
                    attribute.storedType(), attribute.column().type().type(), attribute.column().type().scale())).toList();
            Loader loader = new Loader(session, session.context());
            while (resultSet.next()) {
                Object[] row = new Object[attributes.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = attributes.get(i).fromStored(readers.get(i).read(resultSet, columns[i]));
                }
                results.add(entityType.cast(loader.hydrate(persister, row, LoadPlan.DEFAULT)));
            }
            return results.size();
        });
        return results;
    }

    /** The result column of each attribute, found by name; every column of the entity's table is required. */
    private int[] entityColumns(EntityPersister persister, ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = metaData.getColumnCount(); i >= 1; i--) {
            byName.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        List<AttributeModel> attributes = persister.model().attributes();
        int[] columns = new int[attributes.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Integer index = byName.get(attributes.get(i).column().name().toLowerCase(Locale.ROOT));
            if (index == null) {
                missing.add(attributes.get(i).column().name());
            } else {
                columns[i] = index;
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("as(" + persister.entityName() + ".class): the rows of \"" + text + "\" lack the "
                    + "column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " of table "
                    + persister.model().table().name() + ". To fix this, select every column of the table (select * or "
                    + "list them all), or read the rows as values with rows().");
        }
        return columns;
    }

    @Override
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        query((resultSet, compiled) -> {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                labels.add(metaData.getColumnLabel(i));
            }
            while (resultSet.next()) {
                Object[] values = new Object[labels.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = resultSet.getObject(i + 1);
                }
                rows.add(new RowImpl(List.<Expr<?>>of(), List.copyOf(labels), values));
            }
            return rows.size();
        });
        return rows;
    }

    @Override
    public <T> T scalar(Class<T> type) {
        ColumnReader reader = ValueReaders.of(session.context().dialect(), type);
        Object[] result = new Object[1];
        query((resultSet, compiled) -> {
            if (resultSet.next()) {
                result[0] = reader.read(resultSet, 1);
                return 1;
            }
            return 0;
        });
        return type.cast(result[0]);
    }

    @Override
    public int execute() {
        return session.withStatementTimeout(timeoutSeconds, this::executeNow);
    }

    private int executeNow() {
        session.checkUsable();
        session.beforeWriting("run session.sql(...).execute()");
        session.flush();
        CompiledStatement compiled = compiled();
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            bind(statement, compiled);
            statements.logQuery(compiled, new Object[0]);
            long started = statements.started();
            int count = statement.executeUpdate();
            statements.executed(compiled, started);
            session.persistenceContext().expireEvery(Object.class);
            return count;
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }

    private interface ResultHandler {
        /** Reads the rows it needs and returns how many it read. */
        long handle(ResultSet resultSet, CompiledStatement compiled) throws SQLException;
    }

    private void query(ResultHandler handler) {
        session.withStatementTimeout(timeoutSeconds, () -> {
            queryNow(handler);
            return null;
        });
    }

    private void queryNow(ResultHandler handler) {
        session.checkUsable();
        session.flush();
        CompiledStatement compiled = compiled();
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            bind(statement, compiled);
            statements.logQuery(compiled, new Object[0]);
            long started = statements.started();
            try (ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                statements.read(handler.handle(resultSet, compiled));
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }

    private void bind(PreparedStatement statement, CompiledStatement compiled) throws SQLException {
        List<Expression> parameters = compiled.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Expression.Value value = (Expression.Value) parameters.get(i);
            EntityPersister.bindValue(session.context().dialect(), statement, i + 1,
                    new Expression.Value(stored(value.value()), value.type()));
        }
    }
}
