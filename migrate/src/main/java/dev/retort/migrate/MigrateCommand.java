package dev.retort.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.RetortException;
import dev.retort.migrate.internal.EntityNames;

/**
 * {@code retort migrate diff|generate|check|apply}: the command line over {@link Migrations}. Exit status 0
 * when done (for {@code check}: the database matches), 1 when {@code check} finds differences or
 * {@code generate} refuses to lose data, 2 for a wrong command line or any other error.
 */
public final class MigrateCommand {
    static final String USAGE = """
            Usage: retort migrate <diff|generate|check|apply> --url <engine URL> --entities <classes or packages>
                                  [--migrations <folder>] [--version <v>] [--description <words>]
                                  [--rename <table.old=new | old=new>]... [--allow-data-loss]
              diff      prints how the database differs from the model
              generate  writes V<version>__<description>.sql into the migrations folder (a draft to read)
              check     fails when migrations are pending or the migrated database differs from the model
              apply     applies the folder's pending migrations with Flyway
              --url          the engine URL, such as sqlite:///app.db or jdbc:postgresql://host/db?user=u&password=p
              --entities     entity classes or packages, comma-separated (the class path must hold them)
              --migrations   the folder of migrations (default src/main/resources/db/migration)""";

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (Engine engine = Engine.create(arguments.url)) {
            Metadata metadata = Metadata.of(EntityNames.find(arguments.entities, Thread.currentThread().getContextClassLoader()));
            Migrations migrations = Migrations.of(engine, metadata);
            return switch (arguments.command) {
                case "diff" -> {
                    out.println(migrations.report());
                    yield 0;
                }
                case "generate" -> {
                    Optional<Path> written = migrations.write(arguments.folder, arguments.options);
                    out.println(written.map(path -> "Wrote " + path + ". Read it before applying it.")
                            .orElse("The database matches the model: no migration written."));
                    yield 0;
                }
                case "check" -> {
                    migrations.check(arguments.folder);
                    out.println("The database, migrated by " + arguments.folder + ", matches the model.");
                    yield 0;
                }
                default -> {
                    out.println("Applied " + migrations.apply(arguments.folder) + " migration(s) of " + arguments.folder + ".");
                    yield 0;
                }
            };
        } catch (DataLossException | SchemaMismatchException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RetortException | org.flywaydb.core.api.FlywayException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** The parsed command line. */
    private record Arguments(String command, String url, List<String> entities, Path folder, GenerateOptions options) {
        static Arguments parse(String[] args) {
            if (args.length == 0 || !List.of("diff", "generate", "check", "apply").contains(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "No command given." : "Unknown command " + args[0] + ".");
            }
            String url = null;
            List<String> entities = new ArrayList<>();
            Path folder = Path.of("src/main/resources/db/migration");
            GenerateOptions options = GenerateOptions.defaults();
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--allow-data-loss")) {
                    options = options.allowDataLoss(true);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + option + " needs a value.");
                }
                String value = args[++i];
                switch (option) {
                    case "--url" -> url = value;
                    case "--entities" -> entities.addAll(List.of(value.split("\\s*,\\s*")));
                    case "--migrations" -> folder = Path.of(value);
                    case "--version" -> options = options.version(value);
                    case "--description" -> options = options.description(value);
                    case "--rename" -> options = rename(options, value);
                    default -> throw new IllegalArgumentException("Unknown option " + option + ".");
                }
            }
            if (url == null || entities.isEmpty()) {
                throw new IllegalArgumentException("Both --url and --entities are needed.");
            }
            return new Arguments(args[0], url, entities, folder, options);
        }

        private static GenerateOptions rename(GenerateOptions options, String value) {
            int equals = value.indexOf('=');
            if (equals < 1 || equals == value.length() - 1) {
                throw new IllegalArgumentException("--rename takes table.old=new (a column) or old=new (a table), not " + value + ".");
            }
            String from = value.substring(0, equals);
            String to = value.substring(equals + 1);
            int dot = from.indexOf('.');
            return dot < 0 ? options.renameTable(from, to) : options.renameColumn(from.substring(0, dot), from.substring(dot + 1), to);
        }
    }
}
