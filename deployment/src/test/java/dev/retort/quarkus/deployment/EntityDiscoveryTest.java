package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import dev.retort.MappingException;

/** Discovery over hand-built Jandex indexes: no Quarkus boot needed to leave a class out of the index. */
class EntityDiscoveryTest {

    @MappedSuperclass
    public abstract static class Audited {
        public String createdBy;
    }

    @Entity
    public static class Invoice extends Audited {
        @Id
        public Long id;
    }

    @Entity
    public static class Customer {
        @Id
        public Long id;
    }

    private static EntityDiscovery discovery(Class<?>... indexed) throws IOException {
        return new EntityDiscovery(Index.of(indexed), EntityDiscoveryTest.class.getClassLoader());
    }

    @Test
    void entitiesAndTheirMappedSuperclassesAreFoundSorted() throws IOException {
        EntityDiscovery discovery = discovery(Invoice.class, Customer.class, Audited.class);
        assertThat(discovery.entityClassNames()).containsExactly(Customer.class.getName(), Invoice.class.getName());
        EntityDiscovery.UnitEntities checked = discovery.check(discovery.entityClassNames());
        assertThat(checked.tableByEntity()).containsExactly(entry(Customer.class.getName(), "customer"),
                entry(Invoice.class.getName(), "invoice"));
        assertThat(checked.mappedSuperclassNames()).containsExactly(Audited.class.getName());
    }

    @Test
    void aMappedSuperclassOutsideTheIndexFailsWithTheFix() {
        assertThatThrownBy(() -> discovery(Invoice.class).check(List.of(Invoice.class.getName())))
                .isInstanceOf(MappingException.class).hasMessage(
                "Entity " + Invoice.class.getName() + " extends " + Audited.class.getName() + ", which is annotated "
                        + "@MappedSuperclass but is not in the Jandex index, so Retort cannot register its mapping at build "
                        + "time. To fix this, index the jar that contains " + Audited.class.getName() + ": build it with the "
                        + "io.smallrye:jandex-maven-plugin, or add quarkus.index-dependency.<name>.group-id and "
                        + "quarkus.index-dependency.<name>.artifact-id for it to application.properties.");
    }
}
