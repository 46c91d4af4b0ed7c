package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Metadata;
import dev.retort.quarkus.deployment.lib.Author;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An entity in a dependency jar is mapped beside the application's. QuarkusUnitTest indexes its additional
 * dependencies (with or without beans.xml), so the unindexed case is covered by {@link EntityDiscoveryTest}.
 */
class EntityInDependencyJarTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .withAdditionalDependency(jar -> jar.addClasses(Author.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:dependency-jar;DB_CLOSE_DELAY=-1");

    @Inject
    Metadata metadata;

    @Test
    void theDependencysEntityIsMappedBesideTheApplications() {
        assertThat(metadata.entities()).containsExactly(Author.class, Book.class);
    }
}
