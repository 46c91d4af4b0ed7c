package dev.retort.migrate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.Difference;
import dev.retort.migrate.Difference.Kind;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.migrate.SchemaSnapshot.ForeignKeyShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;
import dev.retort.sql.Column;
import dev.retort.sql.Expression;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Index;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Writes the statements that turn the database into the model, every one compiled by the dialect, in an
 * order that works: foreign keys, constraints and indexes that go are dropped first; new tables are
 * created parents first; columns are added and changed; new foreign keys come once every table and column
 * exists; columns and tables that go are dropped last (children first). Where the database cannot change
 * a table in place (SQLite), the table is copied into a new one. A change that loses data is preceded by a
 * {@code -- DATA LOSS} comment. One instance per script.
 */
public final class ScriptPlanner {
    private final Dialect dialect;
    private final List<Table> modelTables;
    private final SchemaSnapshot database;
    private final List<Difference> differences;
    private final Map<Difference, String> losses;
    private final List<String> lines = new ArrayList<>();

    public ScriptPlanner(Dialect dialect, List<Table> modelTables, SchemaSnapshot database, List<Difference> differences,
                         Map<Difference, String> losses) {
        this.dialect = dialect;
        this.modelTables = modelTables;
        this.database = database;
        this.differences = differences;
        this.losses = losses;
    }

    /** The script's statements and their comments, one line each, after the given renames. */
    public List<String> plan(List<Statement> renames) {
        Set<String> copied = tablesToCopy();
        if (!copied.isEmpty()) {
            statement(new Statement.DeferForeignKeyChecks());
        }
        renames.forEach(this::statement);
        for (Difference difference : differences) {
            if (difference.kind() == Kind.SEQUENCE_MISSING) {
                modelTable(difference.table()).sequence().ifPresent(sequence -> statement(new Statement.CreateSequence(sequence)));
            }
        }
        for (Difference difference : only(Kind.FOREIGN_KEY_EXTRA, copied)) {
            statement(new Statement.DropForeignKey(difference.table(), difference.inDatabase()));
        }
        for (Difference difference : only(Kind.UNIQUE_EXTRA, copied)) {
            statement(new Statement.DropUnique(difference.table(), difference.inDatabase()));
        }
        for (Difference difference : only(Kind.INDEX_EXTRA, copied)) {
            statement(new Statement.DropIndex(difference.table(), difference.subject()));
        }
        for (Table table : modelTables) {
            if (!database.tables().containsKey(table.name().toLowerCase(java.util.Locale.ROOT))) {
                create(table);
            } else if (copied.contains(table.name())) {
                copy(table);
            } else {
                change(table);
            }
        }
        for (Difference difference : only(Kind.FOREIGN_KEY_MISSING, copied)) {
            Table table = modelTable(difference.table());
            table.foreignKeys().stream().filter(key -> new ForeignKeyShape(null, ModelShapes.lower(key.columns()),
                    ModelShapes.lower(key.referencedTable()), ModelShapes.lower(key.referencedColumns())).describe(difference.table())
                    .equals(difference.subject())).forEach(key -> statement(new Statement.AddForeignKey(table.name(), key)));
        }
        for (Difference difference : only(Kind.COLUMN_EXTRA, copied)) {
            statement(new Statement.DropColumn(difference.table(), difference.subject()), difference);
        }
        for (String table : droppedTablesChildrenFirst()) {
            Difference difference = differences.stream().filter(d -> d.kind() == Kind.TABLE_EXTRA && d.table().equals(table))
                    .findFirst().orElseThrow();
            statement(new Statement.DropTable(table), difference);
        }
        return lines;
    }

    /** The tables that exist and change in a way the database's ALTER TABLE cannot do. */
    private Set<String> tablesToCopy() {
        Set<String> tables = new LinkedHashSet<>();
        if (dialect.supportsAlterTableConstraints()) {
            return tables;
        }
        for (Difference difference : differences) {
            boolean inPlace = switch (difference.kind()) {
                case TABLE_MISSING, TABLE_EXTRA, INDEX_MISSING, INDEX_EXTRA, SEQUENCE_MISSING -> true;
                case COLUMN_MISSING -> addableInPlace(modelTable(difference.table()), difference.subject());
                default -> false;
            };
            if (!inPlace) {
                tables.add(modelTable(difference.table()).name());
            }
        }
        return tables;
    }

    /** SQLite adds a column in place only when it may be null, is not unique and is no foreign key. */
    private static boolean addableInPlace(Table table, String column) {
        Column added = table.columns().stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst().orElseThrow();
        return added.nullable() && !added.unique()
                && table.foreignKeys().stream().noneMatch(key -> key.columns().stream().anyMatch(column::equalsIgnoreCase));
    }

    /** The table and its indexes, as createAll makes them (its sequence, if missing, came first). */
    private void create(Table table) {
        statement(new Statement.CreateTable(table));
        for (Index index : table.indexes()) {
            if (!index.forForeignKey() || !dialect.indexesForeignKeys()) {
                statement(new Statement.CreateIndex(table.name(), index));
            }
        }
    }

    private void change(Table table) {
        String name = table.name();
        for (Difference difference : of(name, Kind.COLUMN_MISSING)) {
            statement(new Statement.AddColumn(name, column(table, difference.subject())), difference);
        }
        for (Difference difference : of(name, Kind.COLUMN_TYPE)) {
            statement(new Statement.AlterColumnType(name, column(table, difference.subject())), difference);
        }
        for (Difference difference : of(name, Kind.COLUMN_NULLABILITY)) {
            statement(new Statement.AlterColumnNullability(name, column(table, difference.subject())), difference);
        }
        for (Difference difference : of(name, Kind.UNIQUE_MISSING)) {
            if (difference.inModel() != null) {
                Index index = table.indexes().stream().filter(i -> i.name().equalsIgnoreCase(difference.inModel())).findFirst().orElseThrow();
                statement(new Statement.CreateIndex(name, index));
            } else {
                statement(new Statement.AddUnique(name, List.of(difference.subject().split(", "))));
            }
        }
        for (Difference difference : of(name, Kind.INDEX_MISSING)) {
            table.indexes().stream().filter(index -> index.name().equalsIgnoreCase(difference.subject())).findFirst()
                    .ifPresent(index -> statement(new Statement.CreateIndex(name, index)));
        }
    }

    /**
     * Copy and move, as SQLite's manual describes it for changes ALTER TABLE cannot make: the rows go into a
     * new table of the model's shape, the old table is dropped and created anew, the rows come back. Foreign
     * keys of other tables keep naming the table, and are checked at commit (deferred above).
     */
    private void copy(Table table) {
        String name = table.name();
        String holding = "retort_copy_of_" + name;
        lines.add("-- " + dialect.displayName() + " cannot make these changes to " + name + " in place: its rows are "
                + "copied out, the table is created anew and the rows copied back, in this migration's transaction.");
        differences.stream().filter(d -> name.equalsIgnoreCase(d.table()) && losses.containsKey(d))
                .forEach(d -> lines.add("-- DATA LOSS: " + losses.get(d)));
        TableShape old = database.tables().get(name.toLowerCase(java.util.Locale.ROOT));
        List<String> kept = table.columns().stream().map(Column::name)
                .filter(column -> old.columns().containsKey(column.toLowerCase(java.util.Locale.ROOT))).toList();
        statement(new Statement.CreateTable(new Table(holding, table.columns(), table.primaryKey(), List.of(), List.of(),
                Optional.empty())));
        statement(copyRows(holding, name, kept));
        statement(new Statement.DropTable(name));
        create(table);
        statement(copyRows(name, holding, kept));
        statement(new Statement.DropTable(holding));
    }

    private static Statement copyRows(String target, String source, List<String> columns) {
        List<Expression> selected = columns.stream().<Expression>map(Expression.ColumnRef::new).toList();
        return new Statement.InsertSelect(target, columns, new Statement.Select(source, selected, Optional.empty(), List.of(),
                Optional.empty(), Optional.empty()));
    }

    /** Tables only the database has, each after the tables among them whose foreign keys refer to it. */
    private List<String> droppedTablesChildrenFirst() {
        List<String> dropped = differences.stream().filter(d -> d.kind() == Kind.TABLE_EXTRA).map(Difference::table).toList();
        List<String> ordered = new ArrayList<>();
        for (String table : dropped) {
            addChildrenFirst(table, dropped, ordered, new LinkedHashSet<>());
        }
        return ordered;
    }

    private void addChildrenFirst(String table, List<String> dropped, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(table) || !visiting.add(table)) {
            return;
        }
        for (String other : dropped) {
            boolean refersToIt = database.tables().get(other).foreignKeys().stream()
                    .anyMatch(key -> key.referencedTable().equals(table));
            if (!other.equals(table) && refersToIt) {
                addChildrenFirst(other, dropped, ordered, visiting);
            }
        }
        ordered.add(table);
    }

    private List<Difference> only(Kind kind, Set<String> copied) {
        return differences.stream().filter(d -> d.kind() == kind && !copied.contains(tableName(d.table()))).toList();
    }

    private String tableName(String lowerName) {
        return modelTables.stream().map(Table::name).filter(lowerName::equalsIgnoreCase).findFirst().orElse(lowerName);
    }

    private List<Difference> of(String table, Kind kind) {
        return differences.stream().filter(d -> d.kind() == kind && d.table().equalsIgnoreCase(table)).toList();
    }

    private Table modelTable(String lowerName) {
        return modelTables.stream().filter(table -> table.name().equalsIgnoreCase(lowerName)).findFirst().orElseThrow();
    }

    private static Column column(Table table, String lowerName) {
        return table.columns().stream().filter(column -> column.name().equalsIgnoreCase(lowerName)).findFirst().orElseThrow();
    }

    private void statement(Statement statement, Difference cause) {
        String loss = losses.get(cause);
        if (loss != null) {
            lines.add("-- DATA LOSS: " + loss);
        }
        statement(statement);
    }

    private void statement(Statement statement) {
        String sql = dialect.compile(statement).sql() + ";";
        // MySQL's MODIFY COLUMN sets type and nullability at once: the second of a pair says nothing new.
        if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(sql)) {
            lines.add(sql);
        }
    }
}
