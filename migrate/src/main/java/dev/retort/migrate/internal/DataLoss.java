package dev.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.retort.migrate.Difference;
import dev.retort.migrate.SchemaSnapshot;
import dev.retort.migrate.SchemaSnapshot.ColumnShape;
import dev.retort.migrate.SchemaSnapshot.TableShape;

/**
 * Which differences lose data when written as they are, in a sentence each, and which pairs of a dropped
 * and an added column (or table) of the same shape are probably renames. Stateless.
 */
public final class DataLoss {
    private DataLoss() {
    }

    /** A dropped and an added column of one table ({@code table} non-null), or a dropped and an added table, of the same shape. */
    public record ProbableRename(String table, String from, String to) {
        public String describe() {
            return table == null ? "table " + from + " to " + to : table + "." + from + " to " + table + "." + to;
        }

        public String option() {
            return table == null ? from + "=" + to : table + "." + from + "=" + to;
        }
    }

    public static List<ProbableRename> probableRenames(List<Difference> differences, SchemaSnapshot database, SchemaSnapshot model) {
        List<ProbableRename> renames = new ArrayList<>();
        List<Difference> added = new ArrayList<>(differences.stream().filter(d -> d.kind() == Difference.Kind.COLUMN_MISSING).toList());
        for (Difference dropped : differences) {
            if (dropped.kind() == Difference.Kind.COLUMN_EXTRA) {
                added.stream().filter(add -> add.table().equals(dropped.table()) && add.inModel().equals(dropped.inDatabase()))
                        .findFirst().ifPresent(add -> {
                            added.remove(add);
                            renames.add(new ProbableRename(dropped.table(), dropped.subject(), add.subject()));
                        });
            }
        }
        List<Difference> addedTables = new ArrayList<>(differences.stream().filter(d -> d.kind() == Difference.Kind.TABLE_MISSING).toList());
        for (Difference dropped : differences) {
            if (dropped.kind() == Difference.Kind.TABLE_EXTRA) {
                Map<String, String> shape = columnTypes(database.tables().get(dropped.table()));
                addedTables.stream().filter(add -> columnTypes(model.tables().get(add.table())).equals(shape)).findFirst()
                        .ifPresent(add -> {
                            addedTables.remove(add);
                            renames.add(new ProbableRename(null, dropped.table(), add.table()));
                        });
            }
        }
        return renames;
    }

    private static Map<String, String> columnTypes(TableShape table) {
        Map<String, String> types = new java.util.TreeMap<>();
        for (ColumnShape column : table.columns().values()) {
            types.put(column.name(), column.type());
        }
        return types;
    }

    /** The sentence for a difference that loses data, or null when it loses none; {@code rows} counts a table's rows. */
    public static String of(Difference difference, SchemaSnapshot model, ToLongFunction<String> rows,
                            List<ProbableRename> renames) {
        String column = difference.table() + "." + difference.subject();
        String loss = switch (difference.kind()) {
            case TABLE_EXTRA -> "dropping table " + difference.table() + " (" + rowCount(rows.applyAsLong(difference.table())) + ")";
            case COLUMN_EXTRA -> "dropping column " + column + " (" + difference.inDatabase() + ") of a table with "
                    + rowCount(rows.applyAsLong(difference.table()));
            case COLUMN_TYPE -> TypeNames.widens(difference.inDatabase(), difference.inModel()) ? null
                    : "changing column " + column + " from " + difference.inDatabase() + " to " + difference.inModel()
                    + ", which does not hold every value of the old type";
            case COLUMN_NULLABILITY -> difference.inModel().equals("NOT NULL") && rows.applyAsLong(difference.table()) > 0
                    ? "making column " + column + " NOT NULL on a table with " + rowCount(rows.applyAsLong(difference.table()))
                    + ": any of them holding NULL there makes the migration fail" : null;
            case COLUMN_MISSING -> !model.tables().get(difference.table()).columns().get(difference.subject()).nullable()
                    && rows.applyAsLong(difference.table()) > 0
                    ? "adding column " + column + " NOT NULL without a default to a table with "
                    + rowCount(rows.applyAsLong(difference.table())) + ": existing rows have no value for it" : null;
            default -> null;
        };
        if (loss == null) {
            return null;
        }
        for (ProbableRename rename : renames) {
            boolean columnOfIt = rename.table() != null && rename.table().equals(difference.table())
                    && (rename.from().equals(difference.subject()) || rename.to().equals(difference.subject()));
            boolean tableOfIt = rename.table() == null && difference.kind() == Difference.Kind.TABLE_EXTRA
                    && rename.from().equals(difference.table());
            if (columnOfIt || tableOfIt) {
                loss += "; it looks like a rename of " + rename.describe() + ": to keep the data, say so with --rename "
                        + rename.option();
            }
        }
        return loss;
    }

    private static String rowCount(long rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }
}
