package dev.retort.session.persister;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import dev.retort.dialect.Dialect;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityModel;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * The writes of a JOINED subclass to the tables below its root's, which its {@link EntityPersister} does
 * not touch: inserts parent table first, deletes child table first, updates of the tables whose columns
 * changed. Slots index the persister's rows (slot 0, the id, fills each table's key). Thread-safe.
 */
public final class JoinedWrites {
    /** One table below the root's: its name, its key column, and the indexes of the attributes it stores. */
    private record Level(String table, String key, int[] attributes) {
    }

    private final Dialect dialect;
    private final SqlType[] types;
    private final AttributeModel[] attributes;
    private final List<Level> levels = new ArrayList<>();
    private final List<CompiledStatement> inserts = new ArrayList<>();
    private final List<CompiledStatement> deletes = new ArrayList<>();
    private final ConcurrentHashMap<BitSet, List<CompiledStatement>> updates = new ConcurrentHashMap<>();

    JoinedWrites(EntityModel model, Dialect dialect, AttributeModel[] attributes, SqlType[] types) {
        this.dialect = dialect;
        this.types = types;
        this.attributes = attributes;
        List<Table> tables = model.inheritance().orElseThrow().joinedTables();
        for (Table table : tables.subList(1, tables.size())) {
            List<Integer> stored = new ArrayList<>();
            for (int i = 1; i < attributes.length; i++) {
                if (model.tableOf(attributes[i]).equals(table.name())) {
                    stored.add(i);
                }
            }
            levels.add(new Level(table.name(), table.primaryKey().get(0), stored.stream().mapToInt(Integer::intValue).toArray()));
        }
        for (Level level : levels) {
            List<String> columns = new ArrayList<>(List.of(level.key()));
            List<Expression> values = new ArrayList<>(List.of(new Expression.Slot(0, types[0])));
            for (int index : level.attributes()) {
                columns.add(attributes[index].column().name());
                values.add(new Expression.Slot(index, types[index]));
            }
            inserts.add(dialect.compile(new Statement.Insert(level.table(), columns, values, List.of())));
            deletes.add(0, dialect.compile(new Statement.Delete(level.table(), keyMatches(level))));
        }
    }

    private Expression keyMatches(Level level) {
        return Expression.eq(new Expression.ColumnRef(level.key()), new Expression.Slot(0, types[0]));
    }

    /** Inserts into the tables below the root's, parents first; run after the root's insert has the id. */
    List<CompiledStatement> inserts() {
        return inserts;
    }

    /** Deletes from the tables below the root's, children first; run before the root's delete. */
    List<CompiledStatement> deletes() {
        return deletes;
    }

    /** Updates of the tables below the root's that store a changed attribute, parents first. */
    List<CompiledStatement> updates(BitSet changed) {
        return updates.computeIfAbsent(changed, key -> {
            List<CompiledStatement> statements = new ArrayList<>();
            for (Level level : levels) {
                List<String> columns = new ArrayList<>();
                List<Expression> values = new ArrayList<>();
                for (int index : level.attributes()) {
                    if (key.get(index)) {
                        columns.add(attributes[index].column().name());
                        values.add(new Expression.Slot(index, types[index]));
                    }
                }
                if (!columns.isEmpty()) {
                    statements.add(dialect.compile(new Statement.Update(level.table(), columns, values, keyMatches(level))));
                }
            }
            return List.copyOf(statements);
        });
    }
}
