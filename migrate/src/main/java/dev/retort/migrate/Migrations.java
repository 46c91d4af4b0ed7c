package dev.retort.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;

import dev.retort.DatabaseException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.migrate.internal.DataLoss;
import dev.retort.migrate.internal.ModelShapes;
import dev.retort.migrate.internal.Renames;
import dev.retort.migrate.internal.SchemaReader;
import dev.retort.migrate.internal.ScriptPlanner;
import dev.retort.migrate.internal.SnapshotComparison;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Schema migrations for one engine's database and one model, in the manner of Alembic: {@link #diff}
 * compares the model with the live schema, {@link #generate} writes the Flyway migration that closes the
 * gap (a draft for a person to read), {@link #apply} runs a folder of migrations with Flyway, and
 * {@link #check} fails when the migrated database and the model disagree. Thread-safe; each call reads
 * the database afresh.
 */
public final class Migrations {
    private final Engine engine;
    private final Metadata metadata;

    private Migrations(Engine engine, Metadata metadata) {
        this.engine = engine;
        this.metadata = metadata;
    }

    public static Migrations of(Engine engine, Metadata metadata) {
        return new Migrations(engine, metadata);
    }

    /** The schema the engine's database has now (Flyway's history table left out). */
    public SchemaSnapshot databaseSnapshot() {
        try (Connection connection = engine.connect()) {
            return new SchemaReader(engine.dialect()).read(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Reading the schema of " + engine.location() + " failed: " + e.getMessage(), e);
        }
    }

    /** The schema {@code metadata.createAll} builds on this engine's database. */
    public SchemaSnapshot modelSnapshot() {
        return ModelShapes.of(metadata.tables(), engine.dialect());
    }

    /** How the database differs from the model; empty when they agree. */
    public List<Difference> diff() {
        return SnapshotComparison.compare(databaseSnapshot(), modelSnapshot(), modelOrder(), sequenceTables());
    }

    /** The differences for people, one per line, or a line saying there are none. */
    public String report() {
        List<Difference> differences = diff();
        if (differences.isEmpty()) {
            return "The database at " + engine.location() + " matches the model.";
        }
        StringBuilder report = new StringBuilder("The database at " + engine.location() + " differs from the model in "
                + differences.size() + (differences.size() == 1 ? " way" : " ways") + ":");
        differences.forEach(difference -> report.append("\n- ").append(difference.describe()));
        return report.toString();
    }

    /**
     * The migration that turns the database into the model, or empty when they agree. The version is the
     * options' or one more than the highest in {@code folder} (which may not exist yet).
     *
     * @throws DataLossException when a change loses data and {@link GenerateOptions#allowDataLoss} was not given
     */
    public Optional<Migration> generate(Path folder, GenerateOptions options) {
        SchemaSnapshot model = modelSnapshot();
        Renames renames = Renames.apply(options, databaseSnapshot(), model);
        List<Difference> differences = SnapshotComparison.compare(renames.database(), model, modelOrder(), sequenceTables());
        if (differences.isEmpty() && renames.statements().isEmpty()) {
            return Optional.empty();
        }
        List<DataLoss.ProbableRename> probable = DataLoss.probableRenames(differences, renames.database(), model);
        Map<Difference, String> losses = losses(differences, model, probable);
        if (!losses.isEmpty() && !options.dataLossAllowed()) {
            throw new DataLossException("The migration from " + engine.location() + " to the model would lose data:\n- "
                    + String.join("\n- ", losses.values()) + "\nTo fix this, say which tables and columns were renamed "
                    + "(--rename table.old=new for a column, --rename old=new for a table), or accept the loss with "
                    + "--allow-data-loss; the script then marks each such change.", List.copyOf(losses.values()));
        }
        List<String> body = new ScriptPlanner(engine.dialect(), metadata.tables(), renames.database(), differences, losses)
                .plan(renames.statements());
        String fileName = "V" + options.version().orElseGet(() -> nextVersion(folder)) + "__" + options.description() + ".sql";
        String script = header(fileName, differences, probable) + String.join("\n", body) + "\n";
        return Optional.of(new Migration(fileName, script, differences));
    }

    /** {@link #generate} and writes the script into {@code folder}; returns the file written, or empty when nothing differs. */
    public Optional<Path> write(Path folder, GenerateOptions options) {
        return generate(folder, options).map(migration -> {
            try {
                Files.createDirectories(folder);
                return Files.writeString(folder.resolve(migration.fileName()), migration.script(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + migration.fileName() + " into " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /** Applies the pending migrations of {@code folder} with Flyway; returns how many were applied. */
    public int apply(Path folder) {
        return flyway(folder).migrate().migrationsExecuted;
    }

    /**
     * Applies the pending migrations of Flyway {@code locations} ({@code classpath:} ones read through
     * {@code loader}, or {@code filesystem:}); returns how many were applied.
     *
     * @throws MigrationFailedException when the locations hold no migration, or Flyway fails (the message has Flyway's)
     */
    public int apply(List<String> locations, ClassLoader loader) {
        Flyway flyway = flyway(Flyway.configure(loader).locations(locations.toArray(String[]::new)));
        try {
            if (flyway.info().all().length == 0) {
                throw new MigrationFailedException("Flyway found no migration in " + String.join(", ", locations)
                        + " for " + engine.location() + ". To fix this, generate one (retort migrate generate) into that "
                        + "location, or point the locations where the migrations are.");
            }
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new MigrationFailedException("Flyway could not migrate " + engine.location() + " with the migrations in "
                    + String.join(", ", locations) + ": " + e.getMessage().strip() + "\nTo fix this, correct the failing "
                    + "migration or the database (a failed migration on a database without transactional DDL may need "
                    + "flyway repair), then start again.", e);
        }
    }

    /**
     * Fails, listing everything, when migrations of {@code folder} are not applied or do not validate, or when
     * the migrated database differs from the model (Alembic's {@code alembic check}, for CI).
     */
    public void check(Path folder) {
        Flyway flyway = flyway(folder);
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            List<String> names = Stream.of(pending).map(MigrationInfo::getScript).toList();
            throw new SchemaMismatchException(pending.length + " migration(s) of " + folder + " are not applied to "
                    + engine.location() + ": " + String.join(", ", names) + ". To fix this, apply them (retort migrate apply) "
                    + "and check again.", List.of());
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            List<String> errors = new ArrayList<>();
            validation.invalidMigrations.forEach(invalid -> errors.add(invalid.filepath + ": " + invalid.errorDetails.errorMessage));
            throw new SchemaMismatchException("The migrations applied to " + engine.location() + " do not match those of "
                    + folder + ": " + String.join("; ", errors) + ". To fix this, restore the applied scripts as they were "
                    + "and put changes in a new migration.", List.of());
        }
        List<Difference> differences = diff();
        if (!differences.isEmpty()) {
            throw new SchemaMismatchException(report() + "\nTo fix this, generate the migration for these differences "
                    + "(retort migrate generate), read it, and add it to " + folder + ".", differences);
        }
    }

    private Flyway flyway(Path folder) {
        return flyway(Flyway.configure().locations("filesystem:" + folder.toAbsolutePath()));
    }

    private Flyway flyway(FluentConfiguration configuration) {
        return configuration.dataSource(engine.dataSource())
                .table(SchemaReader.HISTORY_TABLE)
                // A schema made before migrations (by createAll) is where the first generated migration starts from.
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }

    private Map<Difference, String> losses(List<Difference> differences, SchemaSnapshot model,
                                           List<DataLoss.ProbableRename> probable) {
        Map<String, Long> counted = new HashMap<>();
        Map<Difference, String> losses = new LinkedHashMap<>();
        for (Difference difference : differences) {
            String loss = DataLoss.of(difference, model, table -> counted.computeIfAbsent(table, this::rows), probable);
            if (loss != null) {
                losses.put(difference, loss);
            }
        }
        return losses;
    }

    private long rows(String table) {
        Statement count = new Statement.Select(table, List.of(new Expression.CountAll()), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
        try (Connection connection = engine.connect();
             PreparedStatement statement = connection.prepareStatement(engine.dialect().compile(count).sql());
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("Counting the rows of " + table + " at " + engine.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private String header(String fileName, List<Difference> differences, List<DataLoss.ProbableRename> probable) {
        List<String> lines = new ArrayList<>();
        lines.add(fileName + ": generated by Retort for " + engine.dialect().displayName() + " from the differences between");
        lines.add("the model and " + engine.location() + ". A draft: read it, settle what it could not decide, then apply it.");
        lines.add("");
        lines.add("Differences:");
        differences.forEach(difference -> lines.add("  - " + difference.describe()));
        lines.add("Could not decide (nothing is written for these):");
        List<String> undecided = new ArrayList<>();
        differences.stream().filter(d -> d.kind() == Difference.Kind.COLUMN_DEFAULT || d.kind() == Difference.Kind.PRIMARY_KEY)
                .forEach(d -> undecided.add("  - " + d.describe()));
        for (DataLoss.ProbableRename rename : probable) {
            Statement statement = rename.table() == null ? new Statement.RenameTable(rename.from(), rename.to())
                    : new Statement.RenameColumn(rename.table(), rename.from(), rename.to());
            undecided.add("  - probable rename of " + rename.describe() + ": this script drops and adds; to keep the data, "
                    + "write instead: " + engine.dialect().compile(statement).sql() + ";");
        }
        if (!engine.dialect().supportsTransactionalDdl()) {
            undecided.add("  - " + engine.dialect().displayName() + " commits each DDL statement: if one fails, those before "
                    + "it stay applied.");
        }
        lines.addAll(undecided.isEmpty() ? List.of("  nothing") : undecided);
        StringBuilder header = new StringBuilder();
        lines.forEach(line -> header.append(line.isEmpty() ? "--" : "-- " + line).append('\n'));
        return header.append('\n').toString();
    }

    /** The table each of the model's sequences feeds, by the sequence's lower-case name. */
    private Map<String, String> sequenceTables() {
        Map<String, String> tables = new HashMap<>();
        metadata.tables().forEach(table -> table.sequence().ifPresent(sequence ->
                tables.put(sequence.name().toLowerCase(java.util.Locale.ROOT), table.name().toLowerCase(java.util.Locale.ROOT))));
        return tables;
    }

    private List<String> modelOrder() {
        return metadata.tables().stream().map(Table::name).map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** One more than the highest whole version among the folder's {@code V<version>__*.sql} files; 1 for none. */
    private static String nextVersion(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "1";
        }
        try (Stream<Path> files = Files.list(folder)) {
            int highest = files.map(path -> path.getFileName().toString()).filter(name -> name.matches("V\\d+(\\.\\d+)*__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")).split("\\.")[0])).max().orElse(0);
            return String.valueOf(highest + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + folder + ": " + e.getMessage(), e);
        }
    }
}
