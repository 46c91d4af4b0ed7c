package dev.retort.quarkus.runtime.devui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.InvalidRequestException;
import dev.retort.SessionFactory;
import dev.retort.migrate.DataLossException;
import dev.retort.migrate.Difference;
import dev.retort.migrate.GenerateOptions;
import dev.retort.migrate.Migrations;
import dev.retort.quarkus.RetortUnit;
import io.quarkus.arc.Arc;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;

/**
 * The Dev UI's JSON-RPC service (dev mode only) behind the Retort card's <em>Migrations</em> page: what differs
 * between the default unit's database and its model, and writing the Flyway migration for it into the project's
 * {@code src/main/resources/db/migration}, as {@code retort migrate generate} does. Stateless; each call reads
 * the database afresh.
 */
public class RetortMigrationsJsonRpcService {
    /** Where the migration goes, under the project's first resources folder. */
    static final String FOLDER = "db/migration";

    /** The differences between the default unit's database and its model, one sentence each; empty when they agree. */
    public List<String> differences() {
        return migrations().diff().stream().map(Difference::describe).toList();
    }

    /**
     * Writes the migration for the current differences: {@code file} (the path written) and {@code script}, or
     * only {@code message} when nothing differs or the change would lose data (which the command line can allow).
     *
     * @param description words for the file name ({@code V2__add_isbn.sql}); blank for {@code model_changes}
     */
    public Map<String, String> writeMigration(String description) {
        Path folder = resourcesFolder().resolve(FOLDER);
        GenerateOptions options = GenerateOptions.defaults();
        if (description != null && !description.isBlank()) {
            options = options.description(description.trim());
        }
        Map<String, String> result = new LinkedHashMap<>();
        Migrations migrations = migrations();
        try {
            Optional<Path> written = migrations.write(folder, options);
            if (written.isEmpty()) {
                result.put("message", migrations.report() + " No migration was written.");
                return result;
            }
            result.put("file", written.get().toString());
            result.put("script", Files.readString(written.get()));
            result.put("message", "Wrote " + written.get() + ". Read it before applying it.");
        } catch (DataLossException e) {
            result.put("message", e.getMessage() + " (from the command line: retort migrate generate --allow-data-loss)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the migration just written: " + e.getMessage(), e);
        }
        return result;
    }

    private static Migrations migrations() {
        SessionFactory sessions = Arc.container().select(SessionFactory.class, RetortUnit.Literal.of(RetortUnit.DEFAULT)).get();
        return Migrations.of(sessions.engine(), sessions.metadata());
    }

    private static Path resourcesFolder() {
        HotReplacementContext context = DevConsoleManager.getHotReplacementContext();
        if (context == null || context.getResourcesDir().isEmpty()) {
            throw new InvalidRequestException("Retort writes migrations into the project's src/main/resources only in dev "
                    + "mode, and this application does not run in dev mode or has no resources folder. To fix this, run it "
                    + "with quarkus:dev, or use the command line: retort migrate generate.");
        }
        List<Path> folders = context.getResourcesDir();
        return folders.stream().filter(Files::isDirectory).findFirst().orElse(folders.get(0));
    }
}
