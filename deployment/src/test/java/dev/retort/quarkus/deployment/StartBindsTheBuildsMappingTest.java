package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Metadata;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.description.EntityDescription;
import dev.retort.quarkus.deployment.recorded.Animal;
import dev.retort.quarkus.deployment.recorded.Enclosure;
import dev.retort.quarkus.deployment.recorded.Keeper;
import dev.retort.quarkus.deployment.recorded.Lion;
import dev.retort.quarkus.deployment.recorded.Shift;
import dev.retort.quarkus.deployment.recorded.Zoo;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build reads and checks the mapping and records it as data; the start binds that data to the classes and
 * reads no entity annotation (issue 17: the mapping used to be read at build time and again at start).
 */
class StartBindsTheBuildsMappingTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Animal.class, Enclosure.class, Keeper.class, Lion.class, Shift.class,
                    Zoo.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:start-binds;DB_CLOSE_DELAY=-1");

    @Inject
    Metadata metadata;
    @Inject
    Zoo zoo;

    @Test
    void theStartReadsNoAnnotationAndTheBoundModelIsTheOneTheClassesGive() {
        Long keeperId = zoo.hire("Ana", "B-1", "Leo", 3, "North");
        assertThat(zoo.describe(keeperId)).isEqualTo("Ana B-1 NIGHT v0: Leo (Lion, 3 roars, North)");
        // Nothing in the running application has read an entity's annotations: the model was bound.
        assertThat(EntityMappings.describedCount()).isZero();

        List<EntityDescription> readNow = metadata.entities().stream().<EntityDescription>map(EntityMappings::describe).toList();
        assertThat(metadata.description().entities()).isEqualTo(readNow);
        assertThat(EntityMappings.describedCount()).isEqualTo(4);
    }
}
