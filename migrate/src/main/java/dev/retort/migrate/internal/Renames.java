package dev.retort.migrate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.retort.ConfigurationException;
import dev.retort.migrate.GenerateOptions;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.migrate.SchemaSnapshot.ColumnShape;
import dev.retort.migrate.SchemaSnapshot.ForeignKeyShape;
import dev.retort.migrate.SchemaSnapshot.IndexShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;
import dev.retort.migrate.SchemaSnapshot.UniqueShape;
import dev.retort.sql.Statement;

/**
 * The renames a person chose, checked against both schemas: the {@code ALTER ... RENAME} statements, and
 * the database's snapshot as it will be after them (databases carry indexes, constraints and foreign keys
 * along with a renamed table or column). Immutable.
 */
public record Renames(List<Statement> statements, SchemaSnapshot database) {

    public static Renames apply(GenerateOptions options, SchemaSnapshot database, SchemaSnapshot model) {
        List<Statement> statements = new ArrayList<>();
        Map<String, TableShape> tables = new TreeMap<>(database.tables());
        options.tableRenames().forEach((from, to) -> {
            requireRename("table " + from, tables.containsKey(from), model.tables().containsKey(to) && !tables.containsKey(to),
                    "table " + to, from + "=" + to);
            tables.put(to, tables.remove(from).renamed(to));
            tables.replaceAll((name, table) -> withReferencedTable(table, from, to));
            statements.add(new Statement.RenameTable(from, to));
        });
        options.columnRenames().forEach((qualified, to) -> {
            String table = qualified.substring(0, qualified.indexOf('.'));
            String from = qualified.substring(qualified.indexOf('.') + 1);
            TableShape shape = tables.get(table);
            TableShape wanted = model.tables().get(table);
            requireRename("column " + qualified, shape != null && shape.columns().containsKey(from),
                    wanted != null && wanted.columns().containsKey(to) && (shape == null || !shape.columns().containsKey(to)),
                    "column " + table + "." + to, qualified + "=" + to);
            tables.put(table, withColumnRenamed(shape, from, to));
            tables.replaceAll((name, other) -> withReferencedColumn(other, table, from, to));
            statements.add(new Statement.RenameColumn(table, from, to));
        });
        return new Renames(statements, new SchemaSnapshot(tables, database.sequences()));
    }

    private static void requireRename(String source, boolean sourceExists, boolean targetIsNew, String target, String option) {
        if (!sourceExists || !targetIsNew) {
            throw new ConfigurationException("Cannot rename " + source + " to " + target + " (--rename " + option + "): "
                    + (!sourceExists ? "the database has no " + source : "the model has no " + target
                    + ", or the database has it already") + ". To fix this, name a " + (source.startsWith("table") ? "table" : "column")
                    + " the database has and its new name in the model.");
        }
    }

    private static TableShape withColumnRenamed(TableShape table, String from, String to) {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        table.columns().forEach((name, column) -> columns.put(name.equals(from) ? to : name,
                name.equals(from) ? column.renamed(to) : column));
        Set<UniqueShape> uniques = new LinkedHashSet<>();
        table.uniques().forEach(unique -> uniques.add(new UniqueShape(unique.name(), replaced(unique.columns(), from, to))));
        Set<IndexShape> indexes = new LinkedHashSet<>();
        table.indexes().forEach(index -> indexes.add(new IndexShape(index.name(), replaced(index.columns(), from, to))));
        Set<ForeignKeyShape> keys = new LinkedHashSet<>();
        table.foreignKeys().forEach(key -> keys.add(new ForeignKeyShape(key.name(), replaced(key.columns(), from, to),
                key.referencedTable(), key.referencedColumns())));
        return new TableShape(table.name(), columns, replaced(table.primaryKey(), from, to), uniques, indexes, keys);
    }

    private static TableShape withReferencedTable(TableShape table, String from, String to) {
        Set<ForeignKeyShape> keys = new LinkedHashSet<>();
        table.foreignKeys().forEach(key -> keys.add(new ForeignKeyShape(key.name(), key.columns(),
                key.referencedTable().equals(from) ? to : key.referencedTable(), key.referencedColumns())));
        return new TableShape(table.name(), table.columns(), table.primaryKey(), table.uniques(), table.indexes(), keys);
    }

    private static TableShape withReferencedColumn(TableShape table, String referencedTable, String from, String to) {
        Set<ForeignKeyShape> keys = new LinkedHashSet<>();
        table.foreignKeys().forEach(key -> keys.add(new ForeignKeyShape(key.name(), key.columns(), key.referencedTable(),
                key.referencedTable().equals(referencedTable) ? replaced(key.referencedColumns(), from, to) : key.referencedColumns())));
        return new TableShape(table.name(), table.columns(), table.primaryKey(), table.uniques(), table.indexes(), keys);
    }

    private static List<String> replaced(List<String> names, String from, String to) {
        return names.stream().map(name -> name.equals(from) ? to : name).toList();
    }
}
