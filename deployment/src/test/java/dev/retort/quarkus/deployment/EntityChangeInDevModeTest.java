package dev.retort.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.devmode.Note;
import dev.retort.quarkus.deployment.devmode.NoteColumns;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.specification.RequestSpecification;

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

    /**
     * Requests to the dev mode application, on the port the pom reserved for this run (quarkus.http.port);
     * QuarkusDevModeTest does not tell RestAssured the port, whose default is 8080.
     */
    private static RequestSpecification app() {
        return given().port(Integer.getInteger("quarkus.http.port", 8080));
    }

    @Test
    void anAddedFieldBecomesAColumnAfterTheReload() {
        app().get("/note-columns").then().statusCode(200).body(is("ID,TEXT"));
        APP.modifySourceFile(Note.class, source -> source.replace("    public String text;\n",
                "    public String text;\n    public Integer stars;\n"));
        app().get("/note-columns").then().statusCode(200).body(is("ID,TEXT,STARS"));
    }
}
