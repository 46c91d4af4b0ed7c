package dev.retort.migrate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person decided for {@link Migrations#generate}: the renames to write as {@code ALTER ... RENAME}
 * (instead of a drop and an add), whether changes that lose data may be written, and the Flyway version and
 * description of the script. Immutable: each method returns a new instance; thread-safe.
 */
public final class GenerateOptions {
    private final boolean allowDataLoss;
    private final Map<String, String> tableRenames;
    private final Map<String, String> columnRenames;
    private final String version;
    private final String description;

    private GenerateOptions(boolean allowDataLoss, Map<String, String> tableRenames, Map<String, String> columnRenames,
                            String version, String description) {
        this.allowDataLoss = allowDataLoss;
        this.tableRenames = Map.copyOf(tableRenames);
        this.columnRenames = Map.copyOf(columnRenames);
        this.version = version;
        this.description = description;
    }

    /** No renames, no data loss allowed, the next free version, the description {@code model_changes}. */
    public static GenerateOptions defaults() {
        return new GenerateOptions(false, Map.of(), Map.of(), null, "model_changes");
    }

    /** Writes the changes that lose data (dropping, narrowing, NOT NULL on filled tables), each marked in the script. */
    public GenerateOptions allowDataLoss(boolean allow) {
        return new GenerateOptions(allow, tableRenames, columnRenames, version, description);
    }

    /** Table {@code from} of the database is table {@code to} of the model. */
    public GenerateOptions renameTable(String from, String to) {
        Map<String, String> renames = new LinkedHashMap<>(tableRenames);
        renames.put(from.toLowerCase(java.util.Locale.ROOT), to.toLowerCase(java.util.Locale.ROOT));
        return new GenerateOptions(allowDataLoss, renames, columnRenames, version, description);
    }

    /** Column {@code from} of {@code table} (its name in the model) is the model's column {@code to}. */
    public GenerateOptions renameColumn(String table, String from, String to) {
        Map<String, String> renames = new LinkedHashMap<>(columnRenames);
        renames.put((table + "." + from).toLowerCase(java.util.Locale.ROOT), to.toLowerCase(java.util.Locale.ROOT));
        return new GenerateOptions(allowDataLoss, tableRenames, renames, version, description);
    }

    /** The Flyway version, such as {@code 3} or {@code 2.1}; without it, one more than the highest in the folder. */
    public GenerateOptions version(String flywayVersion) {
        return new GenerateOptions(allowDataLoss, tableRenames, columnRenames, flywayVersion, description);
    }

    /** Words for the file name ({@code V3__add_isbn.sql}); spaces become underscores. */
    public GenerateOptions description(String words) {
        return new GenerateOptions(allowDataLoss, tableRenames, columnRenames, version, words);
    }

    public boolean dataLossAllowed() {
        return allowDataLoss;
    }

    /** Old table name to new, lower case. */
    public Map<String, String> tableRenames() {
        return tableRenames;
    }

    /** {@code table.old} (the table's model name) to the new column name, lower case. */
    public Map<String, String> columnRenames() {
        return columnRenames;
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public String description() {
        return description.trim().replaceAll("\\s+", "_");
    }
}
