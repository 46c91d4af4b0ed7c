package dev.retort.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.retort.ConfigurationException;
import dev.retort.MappingException;
import dev.retort.RetortException;
import dev.retort.SchemaStrategy;

/** The starter both containers call, on H2 without a container: its load-script rule, validate wrapping and problems. */
class UnitStarterTest {
    @Entity
    @Table(name = "boot_notes")
    static class Note {
        @Id
        Long id;
        String text;

        protected Note() {
        }
    }

    @Entity
    static class Unkeyed {
        String name;
    }

    @Entity
    static class AlsoUnkeyed {
        String name;
    }

    /**
     * Settings under the prefix {@code app.}, as a container would give them; {@code observed} is both metrics() and
     * tracing().
     */
    record Settings(SchemaStrategy schemaStrategy, Optional<String> sqlLoadScript, Optional<String> defaultSqlLoadScript,
            int statementBatchSize, Optional<String> dialect, List<String> migrationLocations, boolean observed,
            Map<String, String> replicaOptions) implements UnitSettings {
        @Override
        public String key(String property) {
            return "app." + property;
        }

        @Override
        public Optional<String> replicaOption(String option) {
            return Optional.ofNullable(replicaOptions.get(option));
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
        public boolean metrics() {
            return observed;
        }

        @Override
        public boolean tracing() {
            return observed;
        }
    }

    private static Settings settings(SchemaStrategy strategy, String script, String defaultScript) {
        return new Settings(strategy, Optional.ofNullable(script), Optional.ofNullable(defaultScript), 1000, Optional.empty(),
                List.of(), true, Map.of());
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void startsTheUnitAndRunsTheLoadScriptAfterCreatingTheSchema() throws SQLException {
        JdbcDataSource dataSource = h2("boot_start");
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.DROP_AND_CREATE, "boot/notes.sql", null));

        StartedUnit unit = starter.start(starter.plan(List.of(Note.class)).orElseThrow(), dataSource, "the test's DataSource")
                .orElseThrow();

        assertThat(unit.engine().location()).isEqualTo("H2 through the test's DataSource (jdbc:h2:mem:boot_start)");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM boot_notes")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("seeded");
        }
    }

    @Test
    void theSettingsSwitchTheEnginesMetricsAndTracing() {
        // Micrometer and the OpenTelemetry API are on core's test class path, as in an application that has them.
        UnitStarter observed = new UnitStarter(settings(SchemaStrategy.NONE, null, null));
        StartedUnit on = observed.start(observed.plan(List.of(Note.class)).orElseThrow(), h2("boot_observed"),
                "the test's DataSource").orElseThrow();
        UnitStarter unobserved = new UnitStarter(new Settings(SchemaStrategy.NONE, Optional.empty(), Optional.empty(), 1000,
                Optional.empty(), List.of(), false, Map.of()));
        StartedUnit off = unobserved.start(unobserved.plan(List.of(Note.class)).orElseThrow(), h2("boot_unobserved"),
                "the test's DataSource").orElseThrow();

        assertThat(on.engine().observers().all()).extracting(observer -> observer.getClass().getSimpleName())
                .containsExactlyInAnyOrder("Timings", "Spans");
        assertThat(off.engine().observers().all()).isEmpty();
    }

    @Test
    void aConfiguredScriptNeedsAStrategyThatCreatesTheSchema() {
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.VALIDATE, "boot/notes.sql", null));

        assertThat(starter.plan(List.of(Note.class))).isEmpty();
        assertThat(starter.problems()).singleElement().isInstanceOf(ConfigurationException.class).hasFieldOrPropertyWithValue(
                "message", "app.sql-load-script is set, but app.schema-management.strategy is validate, and the load script "
                        + "runs only after Retort created the schema. To fix this, set app.schema-management.strategy to "
                        + "create or drop-and-create, or remove app.sql-load-script.");
    }

    @Test
    void noFileRunsNoScriptWhateverTheStrategy() {
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.NONE, UnitStarter.NO_FILE, "boot/notes.sql"));

        assertThat(starter.plan(List.of(Note.class))).isPresent();
        assertThat(starter.problems()).isEmpty();
    }

    @Test
    void aMissingScriptNamesNoFileOnlyWhereADefaultScriptExists() {
        UnitStarter withDefault = new UnitStarter(settings(SchemaStrategy.CREATE, "boot/none.sql", "import.sql"));
        UnitStarter withoutDefault = new UnitStarter(settings(SchemaStrategy.CREATE, "boot/none.sql", null));
        withDefault.plan(List.of(Note.class));
        withoutDefault.plan(List.of(Note.class));

        String missing = "app.sql-load-script is 'boot/none.sql', and there is no such resource on the class path. To fix "
                + "this, put the file in src/main/resources (the name is relative to it), correct the name";
        assertThat(withDefault.problems()).singleElement().hasFieldOrPropertyWithValue("message",
                missing + ", or set app.sql-load-script=no-file to run no script.");
        assertThat(withoutDefault.problems()).singleElement().hasFieldOrPropertyWithValue("message",
                missing + ", or remove the setting.");
    }

    @Test
    void validateFailuresNameTheStrategyKey() throws SQLException {
        JdbcDataSource dataSource = h2("boot_validate");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE boot_notes (id BIGINT PRIMARY KEY)");
        }
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.VALIDATE, null, null));

        assertThat(starter.start(starter.plan(List.of(Note.class)).orElseThrow(), dataSource, "the test's DataSource")).isEmpty();

        assertThat(starter.problems()).singleElement().isInstanceOf(MappingException.class).hasFieldOrPropertyWithValue(
                "message", "app.schema-management.strategy=validate: The database at H2 through the test's DataSource "
                        + "(jdbc:h2:mem:boot_validate) does not match the mapping: table boot_notes has no column text (entity "
                        + Note.class.getName() + "). To fix this, create what is missing (metadata.createAll(engine) creates "
                        + "missing tables, not missing columns) or change the mapping to match the database.");
    }

    @Test
    void eachEntitysMappingProblemIsKept() {
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.NONE, null, null));

        assertThat(starter.plan(List.of(Unkeyed.class, AlsoUnkeyed.class))).isEmpty();

        String fix = " has no @Id attribute. To fix this, annotate its primary-key field with @jakarta.persistence.Id (and "
                + "@GeneratedValue to let the database assign it).";
        assertThat(starter.problems()).extracting(Throwable::getMessage)
                .containsExactly("Entity " + Unkeyed.class.getName() + fix, "Entity " + AlsoUnkeyed.class.getName() + fix);
    }

    @Test
    void everySettingProblemIsKeptAndTheFailureCarriesTheRest() {
        UnitStarter starter = new UnitStarter(new Settings(SchemaStrategy.NONE, Optional.empty(), Optional.empty(), 0,
                Optional.of("h3"), List.of(), true, Map.of()));

        assertThat(starter.plan(List.of(Note.class))).isEmpty();

        RetortException failure = starter.failure();
        assertThat(failure).hasMessage("app.jdbc.statement-batch-size is 0, and a flush cannot send fewer than 1 row per "
                + "JDBC batch. To fix this, set app.jdbc.statement-batch-size to a positive whole number, or remove it for "
                + "the default of 1000.");
        assertThat(failure.getSuppressed()).singleElement().hasFieldOrPropertyWithValue("message", "app.dialect is 'h3', "
                + "which is not a dialect Retort knows. To fix this, set it to one of " + String.join(", ",
                dev.retort.dialect.Dialects.NAMES) + ".");
    }

    @Test
    void anUnknownStrategyListsEveryStrategy() {
        assertThatThrownBy(() -> SchemaStrategy.parse("app.schema-management.strategy", "update"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("app.schema-management.strategy is 'update', which is not a schema strategy. To fix this, set it "
                        + "to one of none, create, drop-and-create, validate, migrate.");
        assertThat(SchemaStrategy.parse("k", " Migrate ")).isEqualTo(SchemaStrategy.MIGRATE);
        assertThat(SchemaStrategy.MIGRATE.configValue()).isEqualTo("migrate");
    }

    @Test
    void migrateNeedsRetortMigrateOnTheClassPath() {
        // core's own tests run without retort-migrate, as an application that did not add it.
        JdbcDataSource dataSource = h2("boot_migrate");
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.MIGRATE, null, null));

        assertThat(starter.start(starter.plan(List.of(Note.class)).orElseThrow(), dataSource, "the test's DataSource")).isEmpty();

        assertThat(starter.problems()).singleElement().isInstanceOf(ConfigurationException.class).hasFieldOrPropertyWithValue(
                "message", "app.schema-management.strategy is migrate, which applies Flyway migrations through "
                        + "retort-migrate, and retort-migrate is not on the application's class path. To fix this, add the "
                        + "dependency dev.retort:retort-migrate, or set app.schema-management.strategy to another strategy.");
    }

    @Test
    void aMigrationLocationMustSayWhereItIs() {
        UnitStarter starter = new UnitStarter(new Settings(SchemaStrategy.MIGRATE, Optional.empty(), Optional.empty(), 1000,
                Optional.empty(), List.of("classpath:db/migration", "db/more"), true, Map.of()));

        assertThat(starter.plan(List.of(Note.class))).isEmpty();

        assertThat(starter.problems()).singleElement().isInstanceOf(ConfigurationException.class).hasFieldOrPropertyWithValue(
                "message", "app.schema-management.locations lists 'db/more', which is neither a classpath: nor a "
                        + "filesystem: location. To fix this, write it as classpath:db/migration (in the application's "
                        + "resources) or filesystem:/path/to/migrations.");
    }

    @Test
    void replicasNeedADatabaseWhoseReplicationRetortFollows() {
        UnitStarter starter = new UnitStarter(settings(SchemaStrategy.NONE, null, null));

        assertThat(starter.start(starter.plan(List.of(Note.class)).orElseThrow(), h2("boot_primary"), "the test's DataSource",
                java.util.Map.of("the replica", h2("boot_replica")))).isEmpty();

        assertThat(starter.problems()).singleElement().isInstanceOf(ConfigurationException.class).hasFieldOrPropertyWithValue(
                "message", "app.replicas lists the replica, but Retort routes reads to replicas only on PostgreSQL "
                        + "(streaming replication) and MariaDB (GTID replication), not on H2. To fix this, remove app.replicas.");
    }

    @Test
    void everyReplicaOptionThatIsNotADurationIsAProblemNamingItsKey() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("replicas.wait", "soon");
        options.put("replicas.max-lag", "2 minutes");
        options.put("replicas.check-interval", "-5s");
        UnitStarter starter = new UnitStarter(new Settings(SchemaStrategy.NONE, Optional.empty(), Optional.empty(), 1000,
                Optional.empty(), List.of(), true, options));

        assertThat(starter.plan(List.of(Note.class))).isEmpty();

        assertThat(starter.problems()).allMatch(ConfigurationException.class::isInstance).extracting(Throwable::getMessage)
                .containsExactly(
                        "app.replicas.wait is 'soon', which is not a duration. To fix this, set it to a whole number with the "
                                + "unit ms, s, m or h (such as 500ms or 2s), or remove it for the default of 1s.",
                        "app.replicas.max-lag is '2 minutes', which is not a duration. To fix this, set it to a whole number "
                                + "with the unit ms, s, m or h (such as 500ms or 2s), or remove it for the default of 30s.",
                        "app.replicas.check-interval is '-5s', which is not a duration. To fix this, set it to a whole number "
                                + "with the unit ms, s, m or h (such as 500ms or 2s), or remove it for the default of 5s.");
    }

    @Test
    void aReplicaOptionWithoutReplicasIsAProblem() {
        UnitStarter starter = new UnitStarter(new Settings(SchemaStrategy.NONE, Optional.empty(), Optional.empty(), 1000,
                Optional.empty(), List.of(), true, Map.of("replicas.wait", "500ms")));

        assertThat(starter.start(starter.plan(List.of(Note.class)).orElseThrow(), h2("boot_no_replicas"),
                "the test's DataSource")).isEmpty();

        assertThat(starter.problems()).singleElement().isInstanceOf(ConfigurationException.class).hasFieldOrPropertyWithValue(
                "message", "app.replicas.wait is set, but app.replicas lists no replica, so there is nothing for it to "
                        + "apply to. To fix this, list the replicas in app.replicas, or remove app.replicas.wait.");
    }
}
