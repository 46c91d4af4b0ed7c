package dev.retort.migrate.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.SchemaStrategy;
import dev.retort.Session;
import dev.retort.boot.StartedUnit;
import dev.retort.boot.UnitSettings;
import dev.retort.boot.UnitStarter;
import dev.retort.migrate.Difference;
import dev.retort.migrate.MigrationFailedException;
import dev.retort.migrate.SchemaMismatchException;
import dev.retort.migrate.model.v1.Author;
import dev.retort.migrate.model.v1.Note;

/**
 * The containers' strategies {@code validate} and {@code migrate} with retort-migrate on the class path: core's
 * starter finds it and reports the whole diff, or applies Flyway migrations, on real H2 databases.
 */
class SchemaStrategiesTest {
    @TempDir
    Path folder;

    /** Settings under the prefix {@code app.}, as a container would give them. */
    record Settings(SchemaStrategy schemaStrategy, List<String> migrationLocations) implements UnitSettings {
        @Override
        public String key(String property) {
            return "app." + property;
        }

        @Override
        public Optional<String> sqlLoadScript() {
            return Optional.empty();
        }

        @Override
        public Optional<String> defaultSqlLoadScript() {
            return Optional.empty();
        }

        @Override
        public boolean logSql() {
            return false;
        }

        @Override
        public boolean logBindParameters() {
            return true;
        }

        @Override
        public int statementBatchSize() {
            return Engine.DEFAULT_STATEMENT_BATCH_SIZE;
        }

        @Override
        public Optional<String> dialect() {
            return Optional.empty();
        }
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static void execute(JdbcDataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A start's outcome: the unit, or the starter's problems. */
    record Start(UnitStarter starter, Optional<StartedUnit> unit) {
        List<dev.retort.RetortException> problems() {
            return starter.problems();
        }
    }

    private static Start start(SchemaStrategy strategy, List<String> locations, Class<?> entity, JdbcDataSource dataSource) {
        UnitStarter starter = new UnitStarter(new Settings(strategy, locations));
        return new Start(starter, starter.start(starter.plan(List.of(entity)).orElseThrow(), dataSource, "the test's DataSource"));
    }

    @Test
    void validateReportsEveryDifferenceAndTheFix() throws SQLException {
        JdbcDataSource dataSource = h2("strategy_validate");
        Metadata.of(Author.class).createAll(Engine.of(dataSource, dev.retort.dialect.Dialects.byName("h2").orElseThrow()));
        execute(dataSource, "ALTER TABLE authors ALTER COLUMN name SET DATA TYPE VARCHAR(40)",
                "ALTER TABLE authors DROP COLUMN email", "ALTER TABLE authors ADD COLUMN nickname VARCHAR(10)",
                "CREATE INDEX authors_nick ON authors (nickname)");

        Start started = start(SchemaStrategy.VALIDATE, List.of(), Author.class, dataSource);

        assertThat(started.unit()).isEmpty();
        assertThat(started.problems()).singleElement().isInstanceOf(SchemaMismatchException.class);
        SchemaMismatchException mismatch = (SchemaMismatchException) started.problems().get(0);
        assertThat(mismatch).hasMessage("""
                app.schema-management.strategy=validate: the database at H2 through the test's DataSource \
                (jdbc:h2:mem:strategy_validate) differs from the model in 4 ways:
                - column authors.email (VARCHAR(100)) is in the model but not in the database
                - column authors.name is VARCHAR(40) in the database, VARCHAR(50) in the model
                - column authors.nickname (VARCHAR(10)) is in the database but not in the model
                - index authors_nick on authors (nickname) is in the database but not in the model
                To fix this, generate the migration for these differences (retort migrate generate), read it and apply it, \
                or set app.schema-management.strategy=migrate to apply the migrations at start; or change the mapping to \
                match the database.""");
        assertThat(mismatch.differences()).extracting(Difference::kind).containsExactly(Difference.Kind.COLUMN_MISSING,
                Difference.Kind.COLUMN_TYPE, Difference.Kind.COLUMN_EXTRA, Difference.Kind.INDEX_EXTRA);
    }

    @Test
    void validatePassesWhenTheDatabaseMatches() {
        JdbcDataSource dataSource = h2("strategy_validate_ok");
        Metadata.of(Author.class).createAll(Engine.of(dataSource, dev.retort.dialect.Dialects.byName("h2").orElseThrow()));

        Start started = start(SchemaStrategy.VALIDATE, List.of(), Author.class, dataSource);

        assertThat(started.problems()).isEmpty();
        assertThat(started.unit()).isPresent();
    }

    @Test
    void migrateAppliesTheDefaultClassPathLocationAndTheModelThenValidates() {
        JdbcDataSource dataSource = h2("strategy_migrate");

        Start started = start(SchemaStrategy.MIGRATE, List.of(), Note.class, dataSource);

        assertThat(started.problems()).isEmpty();
        StartedUnit unit = started.unit().orElseThrow();
        try (Session session = unit.sessionFactory().open()) {
            session.add(new Note("migrated"));
            session.commit();
            assertThat(session.query(Note.class).one().body).isEqualTo("migrated");
        }
        Start validating = start(SchemaStrategy.VALIDATE, List.of(), Note.class, dataSource);
        assertThat(validating.problems()).isEmpty();
        Start again = start(SchemaStrategy.MIGRATE, List.of(), Note.class, dataSource);
        assertThat(again.problems()).as("a second start finds nothing pending").isEmpty();
    }

    @Test
    void migrateWithoutAnyMigrationFailsTheStart() {
        JdbcDataSource dataSource = h2("strategy_migrate_none");
        String empty = "filesystem:" + folder.toAbsolutePath();

        Start started = start(SchemaStrategy.MIGRATE, List.of(empty), Note.class, dataSource);

        assertThat(started.unit()).isEmpty();
        assertThat(started.problems()).singleElement().isInstanceOf(MigrationFailedException.class).hasFieldOrPropertyWithValue(
                "message", "app.schema-management.strategy=migrate (app.schema-management.locations=" + empty + "): Flyway "
                        + "found no migration in " + empty + " for H2 through the test's DataSource "
                        + "(jdbc:h2:mem:strategy_migrate_none). To fix this, generate one (retort migrate generate) into that "
                        + "location, or point the locations where the migrations are.");
    }

    @Test
    void aFailingMigrationFailsTheStartWithFlywaysReason() throws IOException {
        JdbcDataSource dataSource = h2("strategy_migrate_bad");
        Files.writeString(folder.resolve("V1__broken.sql"), "CREATE TABLE notes (id BIGINT PRIMARY KEY, body NOSUCHTYPE);\n");
        String location = "filesystem:" + folder.toAbsolutePath();

        Start started = start(SchemaStrategy.MIGRATE, List.of(location), Note.class, dataSource);

        assertThat(started.unit()).isEmpty();
        Throwable failure = started.problems().get(0);
        assertThat(failure).isInstanceOf(MigrationFailedException.class);
        assertThat(failure.getCause().getClass().getName()).startsWith("org.flywaydb.core");
        assertThat(failure.getCause().getMessage()).contains("V1__broken.sql").contains("NOSUCHTYPE");
        assertThat(failure).hasMessage("app.schema-management.strategy=migrate (app.schema-management.locations=" + location
                + "): Flyway could not migrate H2 through the test's DataSource (jdbc:h2:mem:strategy_migrate_bad) with the "
                + "migrations in " + location + ": " + failure.getCause().getMessage().strip() + "\nTo fix this, correct "
                + "the failing migration or the database (a failed migration on a database without transactional DDL may "
                + "need flyway repair), then start again.");
    }
}
