package dev.retort.quarkus.deployment;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.is;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.devmode.Note;
import dev.retort.quarkus.deployment.devmode.NoteColumns;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * quarkus:dev: a field added to an entity while the application runs is picked up by the reload, and
 * drop-and-create (the dev mode default) gives the table its new column.
 */
class EntityChangeInDevModeTest {
    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Note.class, NoteColumns.class)
                    .addAsResource(new StringAsset("""
                            quarkus.datasource.db-kind=h2
                            quarkus.datasource.jdbc.url=jdbc:h2:mem:dev-mode;DB_CLOSE_DELAY=-1
                            quarkus.datasource.devservices.enabled=false
                            """), "application.properties"));

    @Test
    void anAddedFieldBecomesAColumnAfterTheReload() {
        get("/note-columns").then().statusCode(200).body(is("ID,TEXT"));
        APP.modifySourceFile(Note.class, source -> source.replace("    public String text;\n",
                "    public String text;\n    public Integer stars;\n"));
        get("/note-columns").then().statusCode(200).body(is("ID,TEXT,STARS"));
    }
}
