package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.cdi.RetortExtension;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

class EntityDiscoveredTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:entity-discovered;DB_CLOSE_DELAY=-1");

    @Inject
    Metadata metadata;
    @Inject
    Engine engine;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    Library library;

    @Test
    void theIndexedEntityIsMappedAndItsTableCreated() {
        assertThat(metadata.entities()).containsExactly(Book.class);
        assertThat(sessionFactory.metadata()).isSameAs(metadata);
        assertThat(sessionFactory.engine()).isSameAs(engine);
        assertThat(engine.location()).isEqualTo("H2 through the Quarkus default datasource");
        assertThat(library.addBook("Dune")).isNotNull();
        assertThat(library.titles()).containsExactly("Dune");
    }

    /** ArC runs no portable extension: core's CDI extension must add nothing next to the Quarkus beans. */
    @Test
    void onlyTheExtensionsBeansExist() {
        var beanManager = Arc.container().beanManager();
        assertThat(beanManager.getBeans(Session.class)).hasSize(1);
        assertThat(beanManager.getBeans(SessionFactory.class)).hasSize(1);
        assertThat(beanManager.getBeans(RetortExtension.class)).isEmpty();
    }
}
