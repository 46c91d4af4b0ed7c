package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.MappingException;
import io.quarkus.test.QuarkusUnitTest;

class MappingErrorFailsBuildTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TwoIds.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:mapping-error;DB_CLOSE_DELAY=-1")
            .assertException(thrown -> {
                assertThat(thrown).isInstanceOf(MappingException.class);
                assertThat(thrown).hasMessage("Entity " + TwoIds.class.getName() + " has two @Id fields, first and second; "
                        + "composite keys are not supported by this version of Retort. To fix this, keep a single @Id field.");
            });

    @Entity
    public static class TwoIds {
        @Id
        Long first;
        @Id
        Long second;
    }

    @Test
    void theBuildFails() {
        fail("The build should have failed");
    }
}
