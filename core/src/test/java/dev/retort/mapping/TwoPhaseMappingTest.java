package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;

import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.mapping.description.AttributeDescription;
import dev.retort.mapping.description.EntityDescription;
import dev.retort.mapping.description.FieldRef;
import dev.retort.mapping.description.MetadataDescription;

/**
 * The two phases of mapping: describing reads the annotations and checks them into plain data; binding makes
 * the model of that data without reading the classes' mapping again, and is what {@link EntityMappings#of}
 * then returns. Each test maps classes of its own, which nothing else in this JVM maps first.
 */
class TwoPhaseMappingTest {
    enum Colour { RED, GREEN }

    @MappedSuperclass
    abstract static class Stamped {
        @Version
        int version;
    }

    @Entity
    static class Shelf extends Stamped {
        @Id
        @GeneratedValue
        Long id;
        @Enumerated(EnumType.STRING)
        Colour colour;
        @OneToMany(mappedBy = "shelf")
        List<Jar> jars = new ArrayList<>();
    }

    @Entity
    static class Jar {
        @Id
        Long id;
        @ManyToOne
        Shelf shelf;
        long grams;
    }

    @Test
    void bindingADescriptionReadsNoAnnotationAndGivesTheModelOfThatClassFromThenOn() {
        long before = EntityMappings.describedCount();
        MetadataDescription description = new MetadataDescription(List.of(EntityMappings.describe(Shelf.class),
                EntityMappings.describe(Jar.class)));
        assertThat(EntityMappings.describedCount()).isEqualTo(before + 2);

        Metadata metadata = Metadata.bind(description);

        assertThat(EntityMappings.describedCount()).isEqualTo(before + 2);
        assertThat(metadata.entities()).containsExactly(Shelf.class, Jar.class);
        assertThat(metadata.description()).isEqualTo(description);
        assertThat(EntityMappings.of(Shelf.class)).isSameAs(metadata.models().get(0));
        assertThat(Metadata.of(Jar.class, Shelf.class).models()).containsExactlyElementsOf(metadata.models());
        assertThat(EntityMappings.describedCount()).isEqualTo(before + 2);

        EntityModel shelfModel = metadata.models().get(0);
        EntityModel jarModel = metadata.models().get(1);
        Shelf shelf = (Shelf) shelfModel.newInstance();
        shelfModel.requireAttribute("colour").set(shelf, shelfModel.requireAttribute("colour").fromStored("GREEN"));
        shelfModel.requireAttribute("version").set(shelf, 3);
        assertThat(shelf.colour).isEqualTo(Colour.GREEN);
        assertThat(shelfModel.version().orElseThrow().get(shelf)).isEqualTo(3);
        Jar jar = (Jar) jarModel.newInstance();
        shelf.id = 7L;
        jarModel.relationship("shelf").orElseThrow().set(jar, shelf);
        assertThat(jarModel.requireAttribute("shelf").toStored(jar.shelf)).isEqualTo(7L);
        assertThat(jarModel.relationship("shelf").orElseThrow().joinColumn()).isSameAs(jarModel.requireAttribute("shelf"));
        assertThat(jarModel.requireAttribute("grams").storedType()).isEqualTo(Long.class);
        assertThat(shelfModel.relationship("jars").orElseThrow().mappedBy()).contains("shelf");
    }

    @Entity
    static class Lid {
        @Id
        Long id;
        String label;
    }

    @Test
    void aDescriptionIsPlainDataNamingFieldsByTheirClass() {
        EntityDescription lid = EntityMappings.describe(Lid.class);
        assertThat(lid.attributes()).extracting(AttributeDescription::field)
                .containsExactly(new FieldRef(Lid.class, "id"), new FieldRef(Lid.class, "label"));
        assertThat(lid.idAttribute()).isEqualTo("id");
        assertThat(lid.versionAttribute()).isEmpty();
        assertThat(lid.table().name()).isEqualTo("lid");
        assertThat(lid.attributes().get(1).targetId()).isEqualTo(Optional.empty());
    }

    @Test
    void aDescribedFieldTheClassNoLongerHasIsNamedWithTheFix() {
        assertThatThrownBy(() -> new FieldRef(Lid.class, "colour").resolve()).isInstanceOf(MappingException.class)
                .hasMessage("The mapping describes field colour of " + Lid.class.getName() + ", which the class does not "
                        + "have. To fix this, rebuild the application so that its mapping is read from the classes it runs with.");
    }
}
