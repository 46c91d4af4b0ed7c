package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

/** Metadata built from entity classes, without a database. */
class MetadataTest {

    @Entity
    @Table(name = "things")
    static class Thing {
        @Id Long id;
    }

    @Entity
    @Table(name = "Things")
    static class OtherThing {
        @Id Long id;
    }

    @Entity
    static class Gadget {
        @Id Long id;
    }

    static class NotAnEntity {
        Long id;
    }

    @Test
    void entitiesKeepTheirOrderAndDuplicatesCountOnce() {
        Metadata metadata = Metadata.of(Gadget.class, Thing.class, Gadget.class);

        assertThat(metadata.entities()).containsExactly(Gadget.class, Thing.class);
        assertThat(metadata.tables()).extracting(dev.retort.sql.Table::name).containsExactly("gadget", "things");
        assertThat(Metadata.of(List.of(Thing.class)).entities()).containsExactly(Thing.class);
    }

    @Test
    void twoEntitiesMappingToOneTable() {
        assertThatThrownBy(() -> Metadata.of(Thing.class, OtherThing.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Entities dev.retort.MetadataTest$Thing and dev.retort.MetadataTest$OtherThing both map to "
                        + "table Things. To fix this, give one of them another name with @Table(name = ...).");
    }

    @Test
    void aClassThatIsNotAnEntity() {
        assertThatThrownBy(() -> Metadata.of(Thing.class, NotAnEntity.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("dev.retort.MetadataTest$NotAnEntity is not an entity: it has no @jakarta.persistence.Entity "
                        + "annotation. To fix this, annotate the class with @Entity (and @Table to name its table), and "
                        + "list it in Metadata.of(...).");
    }
}
