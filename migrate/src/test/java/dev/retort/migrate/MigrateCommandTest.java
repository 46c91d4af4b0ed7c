package dev.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retort migrate ...} on a SQLite file, entities given as packages and classes. */
class MigrateCommandTest {
    @TempDir
    Path temporary;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return MigrateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesAppliesChecksAndDiffs() {
        String url = "sqlite:///" + temporary.resolve("app.db");
        Path folder = temporary.resolve("migrations");
        String v1 = "dev.retort.migrate.model.v1";

        assertThat(run("generate", "--url", url, "--entities", v1, "--migrations", folder.toString(), "--description", "first"))
                .isZero();
        assertThat(out()).isEqualTo("Wrote " + folder.resolve("V1__first.sql") + ". Read it before applying it.\n");

        assertThat(run("check", "--url", url, "--entities", v1, "--migrations", folder.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("1 migration(s) of " + folder + " are not applied to SQLite file " + temporary.resolve("app.db")
                + ": V1__first.sql. To fix this, apply them (retort migrate apply) and check again.\n");

        assertThat(run("apply", "--url", url, "--entities", v1, "--migrations", folder.toString())).isZero();
        assertThat(out()).isEqualTo("Applied 1 migration(s) of " + folder + ".\n");
        assertThat(run("check", "--url", url, "--entities", v1, "--migrations", folder.toString())).isZero();
        assertThat(out()).isEqualTo("The database, migrated by " + folder + ", matches the model.\n");

        assertThat(run("diff", "--url", url, "--entities", v1 + ", dev.retort.migrate.model.v2.Book")).isZero();
        assertThat(out()).isEqualTo("The database at SQLite file " + temporary.resolve("app.db") + " differs from the model in 1 way:\n"
                + "- table books is in the model but not in the database\n");

        assertThat(run("generate", "--url", url, "--entities", "dev.retort.migrate.model.v1.Author", "--migrations", folder.toString()))
                .isEqualTo(1);
        assertThat(err()).isEqualTo("The migration from SQLite file " + temporary.resolve("app.db") + " to the model would lose data:\n"
                + "- dropping table notes (0 rows)\n"
                + "To fix this, say which tables and columns were renamed (--rename table.old=new for a column, --rename old=new "
                + "for a table), or accept the loss with --allow-data-loss; the script then marks each such change.\n");
    }

    @Test
    void aWrongCommandLineGetsTheUsage() {
        assertThat(run("migrate", "--url", "sqlite:///x.db")).isEqualTo(2);
        assertThat(err()).isEqualTo("Unknown command migrate.\n" + MigrateCommand.USAGE + "\n");
        assertThat(run("diff", "--url", "h2:mem:cli", "--entities", "no.such.pkg")).isEqualTo(2);
        assertThat(err()).isEqualTo("No @Entity class is named no.such.pkg or lies in a package of that name on the class path. "
                + "To fix this, give entity classes or their packages (comma-separated) and put their classes on the class path.\n");
    }
}
