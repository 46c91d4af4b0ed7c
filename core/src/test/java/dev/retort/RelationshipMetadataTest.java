package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.Dialects;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.RelationshipModel;
import dev.retort.sql.Column;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Index;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/** Relationship mappings as Metadata reads and checks them: defaults, tables, order and every error. */
class RelationshipMetadataTest {

    @Entity
    @jakarta.persistence.Table(name = "writers")
    static class Writer {
        @Id private Long id;
        private String name;
        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL, orphanRemoval = true) private List<Story> stories = new ArrayList<>();
        @ManyToMany private Set<Genre> genres = new HashSet<>();
        @OneToOne(mappedBy = "writer") private Desk desk;

        protected Writer() {
        }
    }

    @Entity
    static class Story {
        @Id String code;
        @ManyToOne(optional = false, fetch = FetchType.LAZY) Writer writer;
        @ManyToOne @JoinColumn(name = "editor") Writer reviewer;
        @ManyToOne Story sequelOf;
    }

    @Entity
    static class Genre {
        @Id Integer id;
        @ManyToMany(mappedBy = "genres") List<Writer> writers;
    }

    @Entity
    static class Desk {
        @Id Long id;
        @OneToOne Writer writer;
    }

    @Entity
    static class Bookcase {
        @Id Long id;
        @OneToMany(mappedBy = "shelf") @jakarta.persistence.OrderBy("title DESC, pages") List<Volume> volumes;
    }

    @Entity
    static class Volume {
        @Id Long id;
        String title;
        @ManyToOne Bookcase shelf;
    }

    @Test
    void orderByIsReadOnceAndItsNamesCheckedByMetadata() {
        RelationshipModel volumes = EntityMappings.of(Bookcase.class).relationship("volumes").orElseThrow();
        assertThat(volumes.orderKeys()).containsExactly(new RelationshipModel.OrderKey("title", true),
                new RelationshipModel.OrderKey("pages", false));
        assertThatThrownBy(() -> Metadata.of(Bookcase.class, Volume.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("@OrderBy(\"title DESC, pages\") of Bookcase.volumes names 'pages', which Volume does not have. "
                        + "Its attributes are: id, title, shelf. To fix this, use attribute names (Java field names) of Volume.");
    }

    @Test
    void defaultsFollowJakartaPersistence() {
        var story = EntityMappings.of(Story.class);
        RelationshipModel writer = story.relationship("writer").orElseThrow();
        assertThat(writer.kind()).isEqualTo(RelationshipModel.Kind.MANY_TO_ONE);
        assertThat(writer.owning()).isTrue();
        assertThat(writer.eager()).isFalse();
        assertThat(writer.joinColumn().column().name()).isEqualTo("writer_id");
        assertThat(writer.joinColumn().column().nullable()).isFalse();
        assertThat(story.relationship("reviewer").orElseThrow().joinColumn().column().name()).isEqualTo("editor");
        assertThat(story.relationship("sequelOf").orElseThrow().joinColumn().column().name()).isEqualTo("sequel_of_code");
        assertThat(story.table().foreignKeys()).containsExactly(
                new ForeignKey(List.of("writer_id"), "writers", List.of("id")),
                new ForeignKey(List.of("editor"), "writers", List.of("id")),
                new ForeignKey(List.of("sequel_of_code"), "story", List.of("code")));
        assertThat(story.table().columns()).extracting(Column::name).containsExactly("code", "writer_id", "editor", "sequel_of_code");
        assertThat(story.table().column("sequel_of_code").type()).isEqualTo(story.table().column("code").type());

        var writerModel = EntityMappings.of(Writer.class);
        RelationshipModel stories = writerModel.relationship("stories").orElseThrow();
        assertThat(stories.owning()).isFalse();
        assertThat(stories.eager()).isFalse();
        assertThat(stories.isSet()).isFalse();
        assertThat(stories.cascades()).isEqualTo(new RelationshipModel.Cascades(true, true, true, true));
        RelationshipModel genres = writerModel.relationship("genres").orElseThrow();
        assertThat(genres.isSet()).isTrue();
        Table joinTable = genres.joinTable().table();
        assertThat(joinTable.name()).isEqualTo("writers_genre");
        assertThat(joinTable.columns()).extracting(Column::name).containsExactly("writer_id", "genres_id");
        assertThat(joinTable.primaryKey()).containsExactly("writer_id", "genres_id");
        assertThat(joinTable.foreignKeys()).containsExactly(new ForeignKey(List.of("writer_id"), "writers", List.of("id")),
                new ForeignKey(List.of("genres_id"), "genre", List.of("id")));
        assertThat(EntityMappings.of(Desk.class).table().column("writer_id").unique()).isTrue();
        // Loads query by foreign keys: each gets an index unless something indexes it already.
        assertThat(story.table().indexes()).containsExactly(
                new Index("ix_story_writer_id", List.of("writer_id"), false, true),
                new Index("ix_story_editor", List.of("editor"), false, true),
                new Index("ix_story_sequel_of_code", List.of("sequel_of_code"), false, true));
        assertThat(EntityMappings.of(Desk.class).table().indexes()).isEmpty(); // writer_id is UNIQUE
        assertThat(joinTable.indexes()).containsExactly(
                new Index("ix_writers_genre_genres_id", List.of("genres_id"), false, true)); // writer_id leads the key
        assertThat(writerModel.relationship("desk").orElseThrow().eager()).isTrue();
    }

    @Test
    void tablesAreOrderedParentsFirstAndJoinTablesLast() {
        Metadata metadata = Metadata.of(Story.class, Desk.class, Genre.class, Writer.class);
        assertThat(metadata.entities()).containsExactly(Writer.class, Story.class, Desk.class, Genre.class);
        assertThat(metadata.tables()).extracting(Table::name).containsExactly("writers", "story", "desk", "genre", "writers_genre");
        assertThat(Dialects.byName("postgresql").orElseThrow().compile(new Statement.CreateTable(metadata.tables().get(4))).sql())
                .isEqualTo("CREATE TABLE writers_genre (writer_id BIGINT NOT NULL, genres_id INTEGER NOT NULL, PRIMARY KEY "
                        + "(writer_id, genres_id), FOREIGN KEY (writer_id) REFERENCES writers (id), FOREIGN KEY (genres_id) "
                        + "REFERENCES genre (id))");
    }

    @Test
    void aRelatedEntityMustBeInTheMetadata() {
        assertThatThrownBy(() -> Metadata.of(Story.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Relationship Story.writer refers to " + Writer.class.getName() + ", which is not in this Metadata. "
                        + "To fix this, list it too: Metadata.of(..., Writer.class).");
    }

    @Entity
    static class Shelf {
        @Id Long id;
        @OneToMany(mappedBy = "shelf") List<Book> books;
    }

    @Entity
    static class Book {
        @Id Long id;
        @ManyToOne Shelf place;
    }

    @Entity
    static class Box {
        @Id Long id;
        @OneToMany(mappedBy = "id") List<Book> books;
    }

    @Test
    void mappedByMustNameTheOwningSide() {
        assertThatThrownBy(() -> Metadata.of(Shelf.class, Book.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Relationship Shelf.books is mappedBy \"shelf\", but Book has no relationship of that name. To fix "
                        + "this, name the @ManyToOne field of Book that refers back to Shelf.");
        assertThatThrownBy(() -> Metadata.of(Box.class, Book.class, Shelf.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Relationship Box.books is mappedBy \"id\", but Book has no relationship of that name. To fix "
                        + "this, name the @ManyToOne field of Book that refers back to Box.");
    }

    @Entity
    static class Hen {
        @Id Long id;
        @OneToOne Egg egg;
    }

    @Entity
    static class Egg {
        @Id Long id;
        @ManyToOne Hen hen;
    }

    @Test
    void foreignKeysInACycleOfTablesAreRefused() {
        assertThatThrownBy(() -> Metadata.of(Hen.class, Egg.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("The foreign keys of Hen -> Egg -> Hen form a cycle between tables, so no table can be created "
                        + "before the others. To fix this, keep the foreign key on one side only (map the other side as the "
                        + "inverse, with mappedBy).");
    }

    @Entity
    static class Note {
        @Id Long id;
        @ManyToOne(fetch = FetchType.LAZY) Desk desk;
    }

    @Entity
    static final class Sealed {
        @Id private Long id;
    }

    @Entity
    static class Sticky {
        @Id Long id;
        @ManyToOne(fetch = FetchType.LAZY) Sealed sealed;
    }

    @Test
    void aLazyToOneTargetMustLetASubclassStandInForIt() {
        assertThatThrownBy(() -> EntityMappings.of(Note.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("@ManyToOne(fetch = LAZY) Note.desk is loaded on first use through a generated subclass of Desk, "
                        + "but its fields id, writer are not private, so code could read them before the row is loaded. To "
                        + "fix this, make Desk non-final with private fields read through methods and a protected no-argument "
                        + "constructor, or make the relationship EAGER.");
        assertThatThrownBy(() -> EntityMappings.of(Sticky.class))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("@ManyToOne(fetch = LAZY) Sticky.sealed is loaded on first use through a generated subclass of "
                        + "Sealed, but Sealed is final. To fix this, make Sealed non-final with private fields read through "
                        + "methods and a protected no-argument constructor, or make the relationship EAGER.");
    }

    @Test
    void relationsAreFoundByName() {
        assertThat(Relation.of(Writer.class, "stories").target()).isEqualTo(Story.class);
        assertThatThrownBy(() -> Relation.of(Writer.class, "name"))
                .isExactlyInstanceOf(MappingException.class)
                .hasMessage("Writer has no relationship 'name'. Its relationships are: stories, genres, desk. To fix this, use "
                        + "the name of a @ManyToOne, @OneToOne, @OneToMany or @ManyToMany field.");
        Relation<Writer, Story> stories = Relation.declare(Writer.class, "stories", Story.class);
        assertThatThrownBy(() -> Load.selectIn(stories).then(Relation.declare(Writer.class, "genres", Genre.class)))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Load.selectIn(Writer.stories)...then(Writer.genres): the next relationship must belong to Story, "
                        + "the target of Writer.stories. To fix this, pass a relationship of Story_.");
        assertThat(Load.joined(stories).then(Relation.declare(Story.class, "sequelOf", Story.class)))
                .hasToString("Load.joined(Writer.stories).then(Story.sequelOf)");
        assertThat(Optional.of(Load.lazy(stories).strategy())).contains(Load.Strategy.LAZY);
    }
}
