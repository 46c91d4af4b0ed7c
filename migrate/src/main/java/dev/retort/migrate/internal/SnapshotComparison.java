package dev.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.retort.migrate.Difference;
import dev.retort.migrate.Difference.Kind;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.migrate.SchemaSnapshot.ColumnShape;
import dev.retort.migrate.SchemaSnapshot.ForeignKeyShape;
import dev.retort.migrate.SchemaSnapshot.IndexShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;
import dev.retort.migrate.SchemaSnapshot.UniqueShape;

/**
 * The differences between the snapshot of a database and that of the model: the model's sequences the
 * database lacks ({@code sequenceTables} names the table each feeds), then table by table in the model's
 * order, then the tables only the database has. A sequence only the database has is no difference: JDBC
 * metadata does not tell PostgreSQL's identity columns' own sequences from others. Unique constraints and foreign keys are matched
 * by their columns (the database names them itself); indexes by name. An index the database made for a
 * foreign key on its own (H2, InnoDB) is not a difference. Stateless.
 */
public final class SnapshotComparison {
    private SnapshotComparison() {
    }

    public static List<Difference> compare(SchemaSnapshot database, SchemaSnapshot model, List<String> modelOrder,
                                           java.util.Map<String, String> sequenceTables) {
        List<Difference> differences = new ArrayList<>();
        model.sequences().stream().filter(name -> !database.sequences().contains(name)).forEach(name ->
                differences.add(new Difference(Kind.SEQUENCE_MISSING, sequenceTables.get(name), name, null, "sequence")));
        for (String name : modelOrder) {
            TableShape inDatabase = database.tables().get(name);
            if (inDatabase == null) {
                differences.add(new Difference(Kind.TABLE_MISSING, name, null, null, "table"));
            } else {
                compareTable(inDatabase, model.tables().get(name), differences);
            }
        }
        database.tables().keySet().stream().filter(name -> !model.tables().containsKey(name))
                .forEach(name -> differences.add(new Difference(Kind.TABLE_EXTRA, name, null, "table", null)));
        return differences;
    }

    private static void compareTable(TableShape database, TableShape model, List<Difference> differences) {
        String table = model.name();
        for (ColumnShape column : model.columns().values()) {
            ColumnShape existing = database.columns().get(column.name());
            if (existing == null) {
                differences.add(new Difference(Kind.COLUMN_MISSING, table, column.name(), null, column.type()));
                continue;
            }
            if (!existing.type().equals(column.type())) {
                differences.add(new Difference(Kind.COLUMN_TYPE, table, column.name(), existing.type(), column.type()));
            }
            if (existing.nullable() != column.nullable()) {
                differences.add(new Difference(Kind.COLUMN_NULLABILITY, table, column.name(), nullability(existing),
                        nullability(column)));
            }
            if (!Objects.equals(existing.defaultValue(), column.defaultValue())) {
                differences.add(new Difference(Kind.COLUMN_DEFAULT, table, column.name(), existing.defaultValue(), null));
            }
        }
        database.columns().values().stream().filter(column -> !model.columns().containsKey(column.name()))
                .forEach(column -> differences.add(new Difference(Kind.COLUMN_EXTRA, table, column.name(), column.type(), null)));
        if (!database.primaryKey().equals(model.primaryKey())) {
            differences.add(new Difference(Kind.PRIMARY_KEY, table, null, String.join(", ", database.primaryKey()),
                    String.join(", ", model.primaryKey())));
        }
        compareUniques(database, model, differences);
        compareIndexes(database, model, differences);
        compareForeignKeys(database, model, differences);
    }

    private static void compareUniques(TableShape database, TableShape model, List<Difference> differences) {
        Set<List<String>> existing = database.uniques().stream().map(UniqueShape::columns).collect(Collectors.toSet());
        Set<List<String>> wanted = model.uniques().stream().map(UniqueShape::columns).collect(Collectors.toSet());
        for (UniqueShape unique : model.uniques()) {
            if (!existing.contains(unique.columns())) {
                differences.add(new Difference(Kind.UNIQUE_MISSING, model.name(), String.join(", ", unique.columns()), null,
                        unique.name()));
            }
        }
        for (UniqueShape unique : database.uniques()) {
            if (!wanted.contains(unique.columns())) {
                differences.add(new Difference(Kind.UNIQUE_EXTRA, model.name(), String.join(", ", unique.columns()),
                        unique.name(), null));
            }
        }
    }

    private static void compareIndexes(TableShape database, TableShape model, List<Difference> differences) {
        for (IndexShape index : model.indexes()) {
            if (!database.indexes().contains(index)) {
                differences.add(new Difference(Kind.INDEX_MISSING, model.name(), index.name(), null,
                        String.join(", ", index.columns())));
            }
        }
        Set<List<String>> keyColumns = database.foreignKeys().stream().map(ForeignKeyShape::columns).collect(Collectors.toSet());
        for (IndexShape index : database.indexes()) {
            boolean ownIndexOfForeignKey = keyColumns.contains(index.columns())
                    && model.indexes().stream().noneMatch(wanted -> wanted.name().equals(index.name()));
            if (!model.indexes().contains(index) && !ownIndexOfForeignKey) {
                differences.add(new Difference(Kind.INDEX_EXTRA, model.name(), index.name(), String.join(", ", index.columns()),
                        null));
            }
        }
    }

    private static void compareForeignKeys(TableShape database, TableShape model, List<Difference> differences) {
        Set<ForeignKeyShape> existing = database.foreignKeys().stream().map(ForeignKeyShape::unnamed).collect(Collectors.toSet());
        for (ForeignKeyShape key : model.foreignKeys()) {
            if (!existing.contains(key.unnamed())) {
                differences.add(new Difference(Kind.FOREIGN_KEY_MISSING, model.name(), key.describe(model.name()), null, "foreign key"));
            }
        }
        for (ForeignKeyShape key : database.foreignKeys()) {
            if (!model.foreignKeys().contains(key.unnamed())) {
                differences.add(new Difference(Kind.FOREIGN_KEY_EXTRA, model.name(), key.describe(model.name()), key.name(), null));
            }
        }
    }

    private static String nullability(ColumnShape column) {
        return column.nullable() ? "NULL" : "NOT NULL";
    }
}
