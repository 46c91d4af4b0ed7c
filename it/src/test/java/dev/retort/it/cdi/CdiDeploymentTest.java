package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.retort.ConfigurationException;
import dev.retort.MappingException;
import dev.retort.migrate.MigrationFailedException;
import dev.retort.migrate.SchemaMismatchException;
import dev.retort.Metadata;
import dev.retort.it.cdi.broken.Unkeyed;
import dev.retort.it.cdi.model.Item;

/**
 * Deployment scenarios of the CDI extension, each a ShrinkWrap archive deployed into Weld (Arquillian's
 * embedded Weld container) with Narayana's extension beside Retort's: what the extension discovers in
 * each bean discovery mode, and how a mistake fails the deployment with its message.
 */
@ExtendWith(ArquillianExtension.class)
class CdiDeploymentTest {
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "mapping-error", managed = false)
    static JavaArchive mappingError() {
        return archive("all").addClasses(H2Pool.class, XaPools.class, Item.class, Unkeyed.class);
    }

    @Deployment(name = "no-datasource", managed = false)
    static JavaArchive noDataSource() {
        return archive("all").addClasses(Item.class);
    }

    @Deployment(name = "unreachable", managed = false)
    static JavaArchive unreachableDatabase() {
        return archive("all").addClasses(UnreachableDatabase.class, Item.class);
    }

    @Deployment(name = "annotated", managed = false)
    static JavaArchive annotatedMode() {
        return archive("annotated").addClasses(H2Pool.class, XaPools.class, Item.class);
    }

    @Deployment(name = "all", managed = false)
    static JavaArchive allMode() {
        return archive("all").addClasses(H2Pool.class, XaPools.class, Item.class);
    }

    @Deployment(name = "validate", managed = false)
    static JavaArchive validateSchema() {
        return archive("all").addClasses(H2Pool.class, XaPools.class, Item.class);
    }

    @Deployment(name = "service", managed = false)
    static JavaArchive withService() {
        return archive("all").addClasses(H2Pool.class, XaPools.class, Item.class, ItemService.class, ItemAuditor.class);
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("retort.packages");
        System.clearProperty("retort.entities");
        System.clearProperty("retort.schema-management.strategy");
        System.clearProperty("retort.sql-load-script");
        System.clearProperty("retort.schema-management.locations");
        System.clearProperty("retort.replicas");
        System.clearProperty("retort.metrics.enabled");
    }

    @Test
    void aReplicaNamingNoDataSourceBeanFailsTheDeployment() {
        System.setProperty("retort.replicas", "nowhere");
        assertDeploymentFails("all", ConfigurationException.class, "retort.replicas lists 'nowhere', but no "
                + "javax.sql.DataSource bean has that name (named: (unnamed) " + H2Pool.class.getName() + "). To fix this, "
                + "give the replica's DataSource bean @Named(\"nowhere\") or correct retort.replicas.");
    }

    @Test
    void aMetricsSwitchThatIsNoBooleanFailsTheDeployment() {
        System.setProperty("retort.metrics.enabled", "yes");
        assertDeploymentFails("all", ConfigurationException.class, "retort.metrics.enabled is 'yes', which is not a boolean. "
                + "To fix this, set it to true or false.");
    }

    @Test
    void mappingErrorFailsTheDeploymentWithItsMessage() {
        assertDeploymentFails("mapping-error", MappingException.class, "Entity dev.retort.it.cdi.broken.Unkeyed has no @Id "
                + "attribute. To fix this, annotate its primary-key field with @jakarta.persistence.Id (and @GeneratedValue to "
                + "let the database assign it).");
    }

    @Test
    void missingDataSourceFailsTheDeploymentWithItsMessage() {
        assertDeploymentFails("no-datasource", ConfigurationException.class, "Retort needs the application's "
                + "javax.sql.DataSource, and there is no DataSource bean. To fix this, produce one: a @Produces "
                + "@ApplicationScoped method returning the pool (for example an Agroal pool with its Narayana integration), "
                + "or on an application server a @Produces @Resource(lookup = \"java:...\") DataSource field.");
    }

    @Test
    void undetectableDatabaseFailsTheDeploymentNamingTheDataSourceBean() {
        SQLException h2 = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(UnreachableDatabase.URL));

        assertDeploymentFails("unreachable", ConfigurationException.class, "Retort could not connect through the DataSource "
                + "bean 'unreachable' to detect the database: " + h2.getMessage() + ". To fix this, check the DataSource's "
                + "URL and credentials and that the database is running, or set retort.dialect so that Retort does not "
                + "connect at start-up.");
    }

    @Test
    void annotatedModeHidesEntitiesAndTheFailureSaysHowToListThem() {
        assertDeploymentFails("annotated", ConfigurationException.class, "Retort found no @Entity class. Bean archives with "
                + "bean-discovery-mode=\"annotated\" (the default) do not show entities to CDI extensions. To fix this, set "
                + "retort.packages to the packages of your entities (comma-separated), list the classes in retort.entities, "
                + "or use bean-discovery-mode=\"all\" in the archive's beans.xml.");
    }

    @Test
    void annotatedModeFindsEntitiesInTheConfiguredPackages() {
        System.setProperty("retort.packages", Item.class.getPackageName());
        deployer.deploy("annotated");
        try {
            assertThat(CDI.current().select(Metadata.class).get().entities()).containsExactly(Item.class);
        } finally {
            deployer.undeploy("annotated");
        }
    }

    @Test
    void annotatedModeTakesAnExplicitListOfEntities() {
        System.setProperty("retort.entities", Item.class.getName());
        deployer.deploy("annotated");
        try {
            assertThat(CDI.current().select(Metadata.class).get().entities()).containsExactly(Item.class);
        } finally {
            deployer.undeploy("annotated");
        }
    }

    @Test
    void allModeDiscoversEntitiesAndDoesNotMakeThemBeans() {
        deployer.deploy("all");
        try {
            assertThat(CDI.current().select(Metadata.class).get().entities()).containsExactly(Item.class);
            assertThat(CDI.current().select(Item.class).isResolvable()).as("entities are vetoed, not beans").isFalse();
        } finally {
            deployer.undeploy("all");
        }
    }

    @Test
    void schemaValidationFailsTheDeploymentListingEveryDifference() throws SQLException {
        try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cdi_items");
            statement.execute("CREATE TABLE cdi_items (id BIGINT PRIMARY KEY)");
            System.setProperty("retort.schema-management.strategy", "validate");

            assertDeploymentFails("validate", SchemaMismatchException.class, """
                    retort.schema-management.strategy=validate: the database at H2 through the DataSource bean \
                    (jdbc:h2:mem:retort_cdi) differs from the model in 2 ways:
                    - column cdi_items.code (VARCHAR(255)) is in the model but not in the database
                    - unique constraint on cdi_items (code) is in the model but not in the database
                    To fix this, generate the migration for these differences (retort migrate generate), read it and apply \
                    it, or set retort.schema-management.strategy=migrate to apply the migrations at start; or change the \
                    mapping to match the database.""");
        } finally {
            try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS cdi_items");
            }
        }
    }

    @Test
    void migrateAppliesTheMigrationsThenValidatePasses() throws SQLException {
        dropItemsAndHistory();
        System.setProperty("retort.schema-management.strategy", "migrate");
        System.setProperty("retort.schema-management.locations", "classpath:cdi-migrations");
        try {
            deployer.deploy("service");
            try {
                ItemService items = CDI.current().select(ItemService.class).get();
                items.add("migrated");
                assertThat(items.allByCode()).extracting(item -> item.code).containsExactly("migrated");
            } finally {
                deployer.undeploy("service");
            }
            try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT \"script\", \"success\" FROM "
                         + "\"flyway_schema_history\" WHERE \"version\" = '1'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("V1__cdi_items.sql");
                assertThat(rows.getBoolean(2)).isTrue();
            }
            System.setProperty("retort.schema-management.strategy", "validate");
            deployer.deploy("all");
            deployer.undeploy("all");
        } finally {
            dropItemsAndHistory();
        }
    }

    /** Other tests of this JVM leave the Item table in the shared H2 database; Flyway starts from an empty one. */
    private static void dropItemsAndHistory() throws SQLException {
        try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cdi_items");
            statement.execute("DROP TABLE IF EXISTS \"flyway_schema_history\"");
        }
    }

    @Test
    void migrateWithoutMigrationsFailsTheDeployment() {
        System.setProperty("retort.schema-management.strategy", "migrate");
        assertDeploymentFails("all", MigrationFailedException.class, "retort.schema-management.strategy=migrate "
                + "(retort.schema-management.locations=classpath:db/migration): Flyway found no migration in "
                + "classpath:db/migration for H2 through the DataSource bean (jdbc:h2:mem:retort_cdi). To fix this, generate "
                + "one (retort migrate generate) into that location, or point the locations where the migrations are.");
    }

    @Test
    void loadScriptRunsAfterTheSchemaIsCreated() throws SQLException {
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        System.setProperty("retort.sql-load-script", "cdi-items.sql");
        deployer.deploy("all");
        try (Connection connection = DriverManager.getConnection(XaPools.H2_URL); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT code FROM cdi_items ORDER BY code")) {
            java.util.List<String> codes = new java.util.ArrayList<>();
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
            assertThat(codes).containsExactly("seeded; one", "two");
        } finally {
            deployer.undeploy("all");
        }
    }

    @Test
    void loadScriptWithoutSchemaCreationFailsTheDeployment() {
        System.setProperty("retort.sql-load-script", "cdi-items.sql");
        assertDeploymentFails("all", ConfigurationException.class, "retort.sql-load-script is set, but "
                + "retort.schema-management.strategy is none, and the load script runs only after Retort created the schema. "
                + "To fix this, set retort.schema-management.strategy to create or drop-and-create, or remove "
                + "retort.sql-load-script.");
    }

    @Test
    void noFileMeansNoLoadScriptWhateverTheStrategy() {
        System.setProperty("retort.sql-load-script", "no-file");
        deployer.deploy("all");
        try {
            assertThat(CDI.current().select(Metadata.class).get().entities()).containsExactly(Item.class);
        } finally {
            deployer.undeploy("all");
        }
    }

    @Test
    void missingLoadScriptFailsTheDeployment() {
        System.setProperty("retort.schema-management.strategy", "create");
        System.setProperty("retort.sql-load-script", "no-such-script.sql");
        assertDeploymentFails("all", ConfigurationException.class, "retort.sql-load-script is 'no-such-script.sql', and there "
                + "is no such resource on the class path. To fix this, put the file in src/main/resources (the name is "
                + "relative to it), correct the name, or remove the setting.");
    }

    private void assertDeploymentFails(String deployment, Class<? extends RuntimeException> problemType, String message) {
        Throwable error = catchThrowable(() -> deployer.deploy(deployment));

        // Weld reports a single deployment problem as a DeploymentException with the problem's message and cause.
        assertThat(error).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(error.getCause()).isInstanceOf(problemType).hasMessage(message);
    }

    private static JavaArchive archive(String discoveryMode) {
        return ShrinkWrap.create(JavaArchive.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                        + "bean-discovery-mode=\"" + discoveryMode + "\"/>"), "beans.xml");
    }
}
