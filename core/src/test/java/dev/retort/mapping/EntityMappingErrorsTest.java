package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;

import dev.retort.MappingException;

/** Each way an entity class can be mapped wrongly, with the whole message the user reads. */
class EntityMappingErrorsTest {

    private static final String SUPPORTED = "String, char, long, int, short, byte, boolean, double, float (primitive "
            + "or boxed), BigDecimal, BigInteger, LocalDate, LocalDateTime, LocalTime, Instant, OffsetDateTime, UUID, "
            + "byte[] and enums";

    static class NotAnEntity {
        Long id;
    }

    @Test
    void classWithoutEntityAnnotation() {
        assertMappingError(NotAnEntity.class, "dev.retort.mapping.EntityMappingErrorsTest$NotAnEntity is not an entity: "
                + "it has no @jakarta.persistence.Entity annotation. To fix this, annotate the class with @Entity (and "
                + "@Table to name its table), and list it in Metadata.of(...).");
    }

    @Entity
    static class NoId {
        Long code;
    }

    @Test
    void entityWithoutId() {
        assertMappingError(NoId.class, "Entity dev.retort.mapping.EntityMappingErrorsTest$NoId has no @Id attribute. "
                + "To fix this, annotate its primary-key field with @jakarta.persistence.Id (and @GeneratedValue to let "
                + "the database assign it).");
    }

    @Entity
    static class WithMap {
        @Id Long id;
        Map<String, String> tags;
    }

    @Entity
    static class WithDate {
        @Id Long id;
        Date created;
    }

    @Test
    void unsupportedFieldTypes() {
        assertMappingError(WithMap.class, "Attribute WithMap.tags has type java.util.Map<java.lang.String, "
                + "java.lang.String>, which Retort cannot map to a column. Supported types: " + SUPPORTED + ". To fix "
                + "this, change the field's type, or mark it @Transient if it is not stored.");
        assertMappingError(WithDate.class, "Attribute WithDate.created has type java.util.Date, which Retort cannot map "
                + "to a column. Supported types: " + SUPPORTED + ". To fix this, change the field's type, or mark it "
                + "@Transient if it is not stored.");
    }

    @Entity
    static class TwoIds {
        @Id Long id;
        @Id String code;
    }

    @Test
    void twoIdFields() {
        assertMappingError(TwoIds.class, "Entity dev.retort.mapping.EntityMappingErrorsTest$TwoIds has two @Id fields, "
                + "id and code; composite keys are not supported by this version of Retort. To fix this, keep a single "
                + "@Id field.");
    }

    static class CompositeKey {
        Long a;
        Long b;
    }

    @Entity
    @IdClass(CompositeKey.class)
    static class WithIdClass {
        @Id Long a;
        Long b;
    }

    @Test
    void idClass() {
        assertMappingError(WithIdClass.class, "Entity dev.retort.mapping.EntityMappingErrorsTest$WithIdClass uses "
                + "@IdClass; composite keys are not supported by this version of Retort. To fix this, give it a single "
                + "@Id field.");
    }

    @Entity
    static class FinalField {
        @Id Long id;
        final String name = "fixed";
    }

    @Test
    void finalField() {
        assertMappingError(FinalField.class, "Attribute FinalField.name is final, so Retort cannot set it when loading "
                + "rows. To fix this, remove 'final' or mark the field @Transient.");
    }

    @Entity
    abstract static class AbstractEntity {
        @Id Long id;
    }

    @Test
    void abstractEntity() {
        assertThatThrownBy(() -> dev.retort.Metadata.of(AbstractEntity.class)).isExactlyInstanceOf(MappingException.class)
                .hasMessage("Entity dev.retort.mapping.EntityMappingErrorsTest$AbstractEntity is abstract and cannot be "
                        + "instantiated. To fix this, make it concrete, make it a @MappedSuperclass of concrete entities, or "
                        + "list its entity subclasses in the Metadata beside it (it is then the root of an entity hierarchy).");
    }

    @Entity
    static class NoDefaultConstructor {
        @Id Long id;

        NoDefaultConstructor(Long id) {
            this.id = id;
        }
    }

    @Test
    void noNoArgConstructor() {
        assertMappingError(NoDefaultConstructor.class, "Entity dev.retort.mapping.EntityMappingErrorsTest$NoDefaultConstructor "
                + "has no no-argument constructor, which Retort needs to create instances when loading rows. To fix this, "
                + "add one; it may be protected or private.");
    }

    @Entity
    static class StringVersion {
        @Id Long id;
        @Version String version;
    }

    @Test
    void versionOfUnsupportedType() {
        assertMappingError(StringVersion.class, "@Version attribute StringVersion.version has type java.lang.String. "
                + "To fix this, make it a long, int or short (primitive or boxed).");
    }

    @Entity
    static class UuidOnLong {
        @Id @GeneratedValue(strategy = GenerationType.UUID) Long id;
    }

    @Test
    void uuidGenerationOnALong() {
        assertMappingError(UuidOnLong.class, "@Id UuidOnLong.id uses GenerationType.UUID but has type java.lang.Long. "
                + "To fix this, make it a java.util.UUID or a String.");
    }

    @Entity
    static class IdentityOnString {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) String id;
    }

    @Entity
    static class AutoOnString {
        @Id @GeneratedValue String id;
    }

    @Test
    void databaseGenerationOnAString() {
        assertMappingError(IdentityOnString.class, "@Id IdentityOnString.id has type java.lang.String, which the database "
                + "cannot generate with GenerationType.IDENTITY. To fix this, make it a Long (or long, Integer, int), or "
                + "use GenerationType.UUID for a UUID id.");
        assertMappingError(AutoOnString.class, "@Id AutoOnString.id has type java.lang.String, which the database "
                + "cannot generate with GenerationType.AUTO. To fix this, make it a Long (or long, Integer, int), or "
                + "use GenerationType.UUID for a UUID id.");
    }

    @Entity
    static class TableGenerated {
        @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;
    }

    @Test
    void tableGeneration() {
        assertMappingError(TableGenerated.class, "@Id TableGenerated.id uses GenerationType.TABLE, which Retort does not "
                + "support. To fix this, use IDENTITY or SEQUENCE.");
    }

    @Entity
    static class Author {
        @Id Long id;
        @OneToMany List<Book> books = new ArrayList<>();
    }

    @Entity
    static class Book {
        @Id Long id;
        @ManyToOne List<Author> authors;
    }

    @Entity
    static class Passport {
        @Id Long id;
        @OneToOne NotAnEntity holder;
    }

    @Entity
    static class Tag {
        @Id Long id;
        @ManyToMany Map<Long, Book> books;
    }

    @Entity
    @SuppressWarnings("rawtypes")
    static class RawTags {
        @Id Long id;
        @ManyToMany List books;
    }

    @Entity
    static class BothSides {
        @Id Long id;
        @OneToOne(mappedBy = "holder") @jakarta.persistence.JoinColumn(name = "x") Passport passport;
    }

    @Entity
    static class TwoAnnotations {
        @Id Long id;
        @ManyToOne @OneToOne Author author;
    }

    @Embeddable
    static class Address {
        String city;
    }

    @Entity
    static class Shop {
        @Id Long id;
        @Embedded Address address;
    }

    @Test
    void relationshipsMappedWrongly() {
        assertMappingError(Author.class, "@OneToMany Author.books has no mappedBy. Retort maps one-to-many as the inverse of "
                + "a @ManyToOne on the element class (the foreign key lives in its table). To fix this, add @ManyToOne to the "
                + "element class and name it here: @OneToMany(mappedBy = \"...\"), or use @ManyToMany for a join table.");
        assertMappingError(Book.class, "@ManyToOne Book.authors is a collection. To fix this, make its type the related "
                + "entity class, or use @OneToMany / @ManyToMany for a collection.");
        assertMappingError(Passport.class, "@OneToOne Passport.holder refers to " + NotAnEntity.class.getName() + ", which "
                + "is not an entity. To fix this, annotate NotAnEntity with @Entity, or map the field as a plain column.");
        assertMappingError(Tag.class, "@ManyToMany Tag.books has type java.util.Map. To fix this, declare it as a "
                + "java.util.List, Set or Collection of the related entity.");
        assertMappingError(RawTags.class, "@ManyToMany RawTags.books does not say which entity it holds. To fix this, give "
                + "the collection its element type (List<Post>), or set targetEntity.");
        assertMappingError(BothSides.class, "@OneToOne BothSides.passport has both mappedBy and @JoinColumn. The foreign key "
                + "belongs to the owning side. To fix this, remove @JoinColumn here, or remove mappedBy.");
        assertMappingError(TwoAnnotations.class, "Attribute TwoAnnotations.author has more than one relationship annotation. "
                + "To fix this, keep one of @ManyToOne, @OneToOne, @OneToMany, @ManyToMany.");
    }

    @Test
    void embeddedValuesAreRefusedForNow() {
        assertMappingError(Shop.class, "Attribute Shop.address is annotated @Embedded, which this version of Retort does not "
                + "map yet. To fix this, map the embedded values as columns of the entity, or mark the field @Transient.");
    }

    @Entity
    @Table(indexes = @Index(columnList = "firstName"))
    static class IndexOnFieldName {
        @Id Long id;
        String firstName;
    }

    @Entity
    @Table(name = "people", uniqueConstraints = @UniqueConstraint(columnNames = {"first_name", "surname"}))
    static class UniqueOnUnknownColumn {
        @Id Long id;
        String firstName;
        String lastName;
    }

    @Test
    void indexOrUniqueConstraintOnAnUnknownColumn() {
        assertMappingError(IndexOnFieldName.class, "@Table of dev.retort.mapping.EntityMappingErrorsTest$IndexOnFieldName "
                + "declares an index on column 'firstName', which table index_on_field_name does not have. Its columns "
                + "are: id, first_name. To fix this, use column names (not field names) in columnList/columnNames.");
        assertMappingError(UniqueOnUnknownColumn.class, "@Table of "
                + "dev.retort.mapping.EntityMappingErrorsTest$UniqueOnUnknownColumn declares a unique constraint on "
                + "column 'surname', which table people does not have. Its columns are: id, first_name, last_name. To fix "
                + "this, use column names (not field names) in columnList/columnNames.");
    }

    @Test
    void aFailedMappingFailsAgainWithTheSameMessage() {
        String message = "Entity dev.retort.mapping.EntityMappingErrorsTest$NoId has no @Id attribute. To fix this, "
                + "annotate its primary-key field with @jakarta.persistence.Id (and @GeneratedValue to let the database "
                + "assign it).";
        assertMappingError(NoId.class, message);
        assertMappingError(NoId.class, message);
    }

    @Entity
    class Inner {
        @Id Long id;
    }

    @Test
    void nonStaticInnerClass() {
        assertMappingError(Inner.class, "Entity dev.retort.mapping.EntityMappingErrorsTest$Inner is an inner class, so it "
                + "cannot be created without an instance of EntityMappingErrorsTest. To fix this, declare it static (or "
                + "move it to a file of its own).");
    }

    @Entity
    static class GeneratedNonId {
        @Id Long id;
        @GeneratedValue Long counter;
    }

    @Entity
    static class EnumeratedString {
        @Id Long id;
        @jakarta.persistence.Enumerated String kind;
    }

    @Test
    void annotationsThatDoNotFitTheField() {
        assertMappingError(GeneratedNonId.class, "Attribute GeneratedNonId.counter is annotated @GeneratedValue but is not "
                + "the @Id; Retort generates only ids. To fix this, remove @GeneratedValue or move it to the @Id field.");
        assertMappingError(EnumeratedString.class, "Attribute EnumeratedString.kind is annotated @Enumerated but has type "
                + "java.lang.String, which is not an enum. To fix this, remove @Enumerated or change the field's type to an enum.");
    }

    private static void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> EntityMappings.of(type)).isExactlyInstanceOf(MappingException.class).hasMessage(message);
    }
}
