package dev.retort.migrate.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.migrate.SchemaSnapshot.ColumnShape;
import dev.retort.migrate.SchemaSnapshot.ForeignKeyShape;
import dev.retort.migrate.SchemaSnapshot.IndexShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;
import dev.retort.migrate.SchemaSnapshot.UniqueShape;
import dev.retort.sql.Column;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Index;
import dev.retort.sql.Table;

/**
 * The {@link SchemaSnapshot} that {@code createAll} builds for a model's tables on one dialect: types as
 * the dialect's DDL spells them, the indexes it creates (not those on foreign keys where the database
 * indexes foreign keys itself). Stateless.
 */
public final class ModelShapes {
    private ModelShapes() {
    }

    public static SchemaSnapshot of(List<Table> tables, Dialect dialect) {
        Map<String, TableShape> shapes = new TreeMap<>();
        Set<String> sequences = new java.util.TreeSet<>();
        for (Table table : tables) {
            TableShape shape = of(table, dialect);
            shapes.put(shape.name(), shape);
            if (dialect.supportsSequences()) {
                table.sequence().ifPresent(sequence -> sequences.add(lower(sequence.name())));
            }
        }
        return new SchemaSnapshot(shapes, sequences);
    }

    public static TableShape of(Table table, Dialect dialect) {
        List<String> primaryKey = lower(table.primaryKey());
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        Set<UniqueShape> uniques = new LinkedHashSet<>();
        for (Column column : table.columns()) {
            String name = lower(column.name());
            columns.put(name, new ColumnShape(name, type(column, dialect), column.nullable() && !primaryKey.contains(name), null));
            if (column.unique() && !primaryKey.equals(List.of(name))) {
                uniques.add(new UniqueShape(null, List.of(name)));
            }
        }
        table.uniqueConstraints().forEach(unique -> uniques.add(new UniqueShape(null, lower(unique))));
        Set<IndexShape> indexes = new LinkedHashSet<>();
        for (Index index : table.indexes()) {
            if (index.unique()) {
                uniques.add(new UniqueShape(lower(index.name()), lower(index.columns())));
            } else if (!index.forForeignKey() || !dialect.indexesForeignKeys()) {
                indexes.add(new IndexShape(lower(index.name()), lower(index.columns())));
            }
        }
        Set<ForeignKeyShape> foreignKeys = new LinkedHashSet<>();
        for (ForeignKey key : table.foreignKeys()) {
            foreignKeys.add(new ForeignKeyShape(null, lower(key.columns()), lower(key.referencedTable()),
                    lower(key.referencedColumns())));
        }
        return new TableShape(lower(table.name()), columns, primaryKey, uniques, indexes, foreignKeys);
    }

    /** The column's type in canonical spelling, as the dialect's DDL writes it. */
    public static String type(Column column, Dialect dialect) {
        return TypeNames.ofDdl(dialect.typeName(column.type()), SchemaReader.reportsDecimalSizes(dialect));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static List<String> lower(List<String> names) {
        return names.stream().map(ModelShapes::lower).toList();
    }
}
