package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When the application stops, the unit's engine is closed with it (its replica check stops, its gauges leave the
 * registry): used afterwards, it says it was closed. The application's classes live in another class loader than
 * the listener's, so the test hands the listener a JDK type through the system properties.
 */
class EngineClosedWhenTheApplicationStopsTest {
    private static final String CONNECT = "dev.retort.test.connect-after-stop";
    private static final String LOCATION = "dev.retort.test.location-after-stop";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:closed-at-stop;DB_CLOSE_DELAY=-1")
            .setAfterUndeployListener(EngineClosedWhenTheApplicationStopsTest::theEngineIsClosed);

    @Inject
    Engine engine;

    @Test
    void theEngineWorksWhileTheApplicationRuns() {
        Supplier<String> connect = () -> {
            try (Connection connection = engine.connect()) {
                return "connected";
            } catch (Exception e) {
                return e.getMessage();
            }
        };
        assertThat(connect.get()).isEqualTo("connected");
        System.getProperties().put(CONNECT, connect);
        System.getProperties().put(LOCATION, engine.location());
    }

    @SuppressWarnings("unchecked")
    private static void theEngineIsClosed() {
        try {
            Supplier<String> connect = (Supplier<String>) System.getProperties().get(CONNECT);
            assertThat(connect).as("the test ran and left its engine").isNotNull();
            assertThat(connect.get()).isEqualTo("Cannot connect to " + System.getProperties().get(LOCATION)
                    + ": this engine is closed. To fix this, close the engine only when the application stops, or create a "
                    + "new one.");
        } finally {
            System.getProperties().remove(CONNECT);
            System.getProperties().remove(LOCATION);
        }
    }
}
