package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.retort.RetortException;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Generation;
import dev.retort.sql.Sequence;
import dev.retort.sql.SqlType;

class EntityMappingsTest {

    enum Status { NEW, ACTIVE, CLOSED }

    @Entity
    static class OrderLine {
        @Id Long id;
        String productName;
        int quantity;
    }

    @Test
    void defaultNamesAreSnakeCaseOfClassAndFields() {
        EntityModel model = EntityMappings.of(OrderLine.class);

        assertThat(model.table().name()).isEqualTo("order_line");
        assertThat(model.entityName()).isEqualTo("OrderLine");
        assertThat(model.javaType()).isEqualTo(OrderLine.class);
        assertThat(model.attributes()).extracting(AttributeModel::name, a -> a.column().name())
                .containsExactly(tuple("id", "id"), tuple("productName", "product_name"), tuple("quantity", "quantity"));
        assertThat(model.table().primaryKey()).containsExactly("id");
        assertThat(model.table().uniqueConstraints()).isEmpty();
        assertThat(model.table().indexes()).isEmpty();
        assertThat(model.table().sequence()).isEmpty();
        assertThat(model.version()).isEmpty();
        assertThat(model.idGeneration()).isEqualTo(IdGeneration.ASSIGNED);
        assertThat(model.id().column().generation()).isEqualTo(Generation.NONE);
        assertThat(model).hasToString("EntityModel[dev.retort.mapping.EntityMappingsTest$OrderLine -> order_line]");
    }

    @ParameterizedTest
    @CsvSource({"firstName, first_name", "OrderLine, order_line", "URLCache, url_cache", "HTTPServerURL, http_server_url",
            "address2Line, address2_line", "id, id", "already_snake, already_snake", "X, x"})
    void snakeCase(String javaName, String expected) {
        assertThat(EntityMappings.snakeCase(javaName)).isEqualTo(expected);
    }

    @Entity(name = "Customer")
    static class CustomerEntity {
        @Id Long id;
    }

    @Test
    void entityNameGivesTheTableNameWhenThereIsNoTable() {
        assertThat(EntityMappings.of(CustomerEntity.class).table().name()).isEqualTo("customer");
    }

    @Entity
    @Table(name = "People")
    static class Person {
        @Id @Column(name = "person_id") Long id;
        @Column(name = "FullName", length = 80, nullable = false, unique = true) String name;
        @Column(length = 2) String country;
        String note;
        char initial;
        @Column(nullable = false) Character grade;
        @Column(nullable = false) Integer age;
        @Column(precision = 10, scale = 4) BigDecimal rate;
        BigDecimal balance;
        @Column(precision = 12) BigDecimal cents;
        BigInteger big;
        @Column(precision = 20) BigInteger bigger;
        byte[] data;
        @Column(length = 16) byte[] hash;
    }

    @Test
    void tableAndColumnAnnotationsGiveNamesLengthsPrecisionNullabilityAndUniqueness() {
        EntityModel model = EntityMappings.of(Person.class);

        assertThat(model.table().name()).isEqualTo("People");
        assertThat(model.table().primaryKey()).containsExactly("person_id");
        assertThat(model.table().columns()).extracting(c -> c.name(), c -> c.type(), c -> c.nullable(), c -> c.unique())
                .containsExactly(
                        tuple("person_id", ColumnType.of(SqlType.BIGINT), false, false),
                        tuple("FullName", new ColumnType(SqlType.VARCHAR, 80, 0, 0), false, true),
                        tuple("country", new ColumnType(SqlType.VARCHAR, 2, 0, 0), true, false),
                        tuple("note", new ColumnType(SqlType.VARCHAR, 255, 0, 0), true, false),
                        tuple("initial", new ColumnType(SqlType.CHAR, 1, 0, 0), false, false),
                        tuple("grade", new ColumnType(SqlType.CHAR, 1, 0, 0), false, false),
                        tuple("age", ColumnType.of(SqlType.INTEGER), false, false),
                        tuple("rate", new ColumnType(SqlType.DECIMAL, 0, 10, 4), true, false),
                        tuple("balance", new ColumnType(SqlType.DECIMAL, 0, 38, 2), true, false),
                        tuple("cents", new ColumnType(SqlType.DECIMAL, 0, 12, 0), true, false),
                        tuple("big", new ColumnType(SqlType.DECIMAL, 0, 38, 0), true, false),
                        tuple("bigger", new ColumnType(SqlType.DECIMAL, 0, 20, 0), true, false),
                        tuple("data", ColumnType.of(SqlType.BINARY), true, false),
                        tuple("hash", new ColumnType(SqlType.BINARY, 16, 0, 0), true, false));
    }

    @Entity
    static class Ticket {
        @Id Long id;
        @Enumerated(EnumType.STRING) Status byName;
        @Enumerated Status byOrdinalExplicitly;
        Status byOrdinal;
    }

    @Test
    void enumsAreStoredByNameWithStringAndByOrdinalOtherwise() {
        EntityModel model = EntityMappings.of(Ticket.class);
        AttributeModel byName = model.requireAttribute("byName");
        AttributeModel byOrdinalExplicitly = model.requireAttribute("byOrdinalExplicitly");
        AttributeModel byOrdinal = model.requireAttribute("byOrdinal");

        assertThat(byName.column().type()).isEqualTo(new ColumnType(SqlType.VARCHAR, 255, 0, 0));
        assertThat(byName.storedType()).isEqualTo(String.class);
        assertThat(byName.toStored(Status.ACTIVE)).isEqualTo("ACTIVE");
        assertThat(byName.fromStored("CLOSED")).isEqualTo(Status.CLOSED);
        assertThat(byOrdinalExplicitly.column().type()).isEqualTo(ColumnType.of(SqlType.INTEGER));
        assertThat(byOrdinal.column().type()).isEqualTo(ColumnType.of(SqlType.INTEGER));
        assertThat(byOrdinal.storedType()).isEqualTo(Integer.class);
        assertThat(byOrdinal.toStored(Status.CLOSED)).isEqualTo(2);
        assertThat(byOrdinal.fromStored(1)).isEqualTo(Status.ACTIVE);
        assertThat(byOrdinal.toStored(null)).isNull();
        assertThat(byOrdinal.fromStored(null)).isNull();
    }

    @Test
    void storedEnumValuesThatMatchNoConstantAreReported() {
        EntityModel model = EntityMappings.of(Ticket.class);

        assertThatThrownBy(() -> model.requireAttribute("byOrdinal").fromStored(3))
                .isExactlyInstanceOf(RetortException.class)
                .hasMessage("Column by_ordinal holds ordinal 3, which dev.retort.mapping.EntityMappingsTest$Status "
                        + "does not have (it has 3 constants).");
        assertThatThrownBy(() -> model.requireAttribute("byName").fromStored("OPEN"))
                .isExactlyInstanceOf(RetortException.class)
                .hasMessage("Column by_name holds 'OPEN', which is not a constant of "
                        + "dev.retort.mapping.EntityMappingsTest$Status. Constants: [NEW, ACTIVE, CLOSED].");
    }

    @Entity
    static class WithSkippedFields {
        static int instances;
        @Id Long id;
        @Transient String cached;
        transient String scratch;
        String kept;
    }

    @Test
    void transientAndStaticFieldsAreSkipped() {
        assertThat(EntityMappings.of(WithSkippedFields.class).attributes()).extracting(AttributeModel::name)
                .containsExactly("id", "kept");
    }

    static class PlainBase {
        String notMapped;
    }

    @MappedSuperclass
    abstract static class Audited extends PlainBase {
        Instant createdAt;
        @Version long version;
    }

    @MappedSuperclass
    abstract static class Identified extends Audited {
        @Id @GeneratedValue Long id;
    }

    @Entity
    static class Post extends Identified {
        String title;
    }

    @Test
    void mappedSuperclassFieldsComeFirstAndTheIdLeads() {
        EntityModel model = EntityMappings.of(Post.class);

        assertThat(model.attributes()).extracting(AttributeModel::name)
                .containsExactly("id", "createdAt", "version", "title");
        assertThat(model.version()).containsSame(model.requireAttribute("version"));
        assertThat(model.idGeneration()).isEqualTo(IdGeneration.IDENTITY);
        assertThat(model.requireAttribute("createdAt").toString()).isEqualTo("Audited.createdAt");
    }

    @Entity
    static class Versioned {
        @Id Long id;
        @Version Integer version;
    }

    @Test
    void versionColumnsAreNotNull() {
        EntityModel model = EntityMappings.of(Versioned.class);

        assertThat(model.version()).map(AttributeModel::name).contains("version");
        assertThat(model.requireAttribute("version").column().nullable()).isFalse();
    }

    @Entity static class Identity { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }
    @Entity static class AutoLong { @Id @GeneratedValue long id; }
    @Entity static class AutoInt { @Id @GeneratedValue Integer id; }
    @Entity static class AutoUuid { @Id @GeneratedValue UUID id; }
    @Entity static class UuidGenerated { @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id; }
    @Entity static class UuidString { @Id @GeneratedValue(strategy = GenerationType.UUID) String id; }
    @Entity static class Sequenced { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }

    @Entity
    @Table(name = "named_sequence")
    static class NamedGenerator {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) @SequenceGenerator(name = "ids") Long id;
    }

    @Entity
    static class FullGenerator {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        @SequenceGenerator(name = "ids", sequenceName = "full_ids", initialValue = 100, allocationSize = 10)
        Long id;
    }

    @Test
    void generationStrategies() {
        assertGeneration(Identity.class, IdGeneration.IDENTITY, Generation.IDENTITY, SqlType.BIGINT);
        assertGeneration(AutoLong.class, IdGeneration.IDENTITY, Generation.IDENTITY, SqlType.BIGINT);
        assertGeneration(AutoInt.class, IdGeneration.IDENTITY, Generation.IDENTITY, SqlType.INTEGER);
        assertGeneration(AutoUuid.class, IdGeneration.UUID, Generation.NONE, SqlType.UUID);
        assertGeneration(UuidGenerated.class, IdGeneration.UUID, Generation.NONE, SqlType.UUID);
        assertGeneration(UuidString.class, IdGeneration.UUID, Generation.NONE, SqlType.VARCHAR);
        assertGeneration(Sequenced.class, IdGeneration.SEQUENCE, Generation.SEQUENCE, SqlType.BIGINT);
        assertThat(EntityMappings.of(Identity.class).table().sequence()).isEmpty();
        assertThat(EntityMappings.of(AutoUuid.class).table().sequence()).isEmpty();
    }

    @Test
    void sequenceNames() {
        assertThat(EntityMappings.of(Sequenced.class).table().sequence()).contains(new Sequence("sequenced_seq", 1, 50));
        assertThat(EntityMappings.of(NamedGenerator.class).table().sequence()).contains(new Sequence("ids", 1, 50));
        assertThat(EntityMappings.of(FullGenerator.class).table().sequence()).contains(new Sequence("full_ids", 100, 10));
    }

    private static void assertGeneration(Class<?> type, IdGeneration generation, Generation columnGeneration, SqlType idType) {
        EntityModel model = EntityMappings.of(type);
        assertThat(model.idGeneration()).as(type.getSimpleName()).isEqualTo(generation);
        assertThat(model.id().column().generation()).as(type.getSimpleName()).isEqualTo(columnGeneration);
        assertThat(model.id().column().type().type()).as(type.getSimpleName()).isEqualTo(idType);
        assertThat(model.id().column().nullable()).as(type.getSimpleName()).isFalse();
    }

    @Entity
    @Table(name = "contacts",
            indexes = {@Index(columnList = "last_name, first_name DESC"), @Index(name = "ux_contacts_email", columnList = "email", unique = true)},
            uniqueConstraints = {@UniqueConstraint(columnNames = {"first_name", "last_name"}), @UniqueConstraint(columnNames = "phone")})
    static class Contact {
        @Id Long id;
        String firstName;
        String lastName;
        String email;
        String phone;
    }

    @Test
    void indexesAndUniqueConstraintsFromTable() {
        dev.retort.sql.Table table = EntityMappings.of(Contact.class).table();

        assertThat(table.indexes()).containsExactly(
                new dev.retort.sql.Index("ix_contacts_last_name_first_name", List.of("last_name", "first_name"), false),
                new dev.retort.sql.Index("ux_contacts_email", List.of("email"), true));
        assertThat(table.uniqueConstraints()).containsExactly(List.of("first_name", "last_name"), List.of("phone"));
    }

    @Entity
    static class Visibility {
        @Id private Long id;
        String packageField;
        protected String protectedField;
        public String publicField;
        private int primitive;

        private Visibility() {
        }
    }

    @Test
    void fieldsOfAnyVisibilityAndAPrivateConstructor() {
        EntityModel model = EntityMappings.of(Visibility.class);

        Object entity = model.newInstance();
        for (AttributeModel attribute : model.attributes()) {
            if (attribute.javaType() == String.class) {
                attribute.set(entity, attribute.name() + "!");
            }
        }
        model.requireAttribute("id").set(entity, 7L);
        model.requireAttribute("primitive").set(entity, 3);

        Visibility visibility = (Visibility) entity;
        assertThat(visibility.id).isEqualTo(7L);
        assertThat(visibility.packageField).isEqualTo("packageField!");
        assertThat(visibility.protectedField).isEqualTo("protectedField!");
        assertThat(visibility.publicField).isEqualTo("publicField!");
        assertThat(model.requireAttribute("primitive").get(entity)).isEqualTo(3);
        model.requireAttribute("primitive").set(entity, null);
        assertThat(visibility.primitive).isZero();
    }

    @Entity
    static class AllTypes {
        @Id long id;
        String string;
        char primitiveChar;
        Character boxedChar;
        Long boxedLong;
        int primitiveInt;
        Integer boxedInt;
        short primitiveShort;
        Short boxedShort;
        byte primitiveByte;
        Byte boxedByte;
        boolean primitiveBoolean;
        Boolean boxedBoolean;
        double primitiveDouble;
        Double boxedDouble;
        float primitiveFloat;
        Float boxedFloat;
        BigDecimal bigDecimal;
        BigInteger bigInteger;
        LocalDate localDate;
        LocalDateTime localDateTime;
        LocalTime localTime;
        Instant instant;
        OffsetDateTime offsetDateTime;
        UUID uuid;
        byte[] bytes;
        Status ordinalEnum;
        @Enumerated(EnumType.STRING) Status stringEnum;
    }

    @Test
    void everySupportedTypeGetsItsSqlType() {
        EntityModel model = EntityMappings.of(AllTypes.class);

        assertThat(model.attributes()).extracting(AttributeModel::name, a -> a.column().type().type(),
                        a -> a.column().nullable(), AttributeModel::storedType)
                .containsExactly(
                        tuple("id", SqlType.BIGINT, false, Long.class),
                        tuple("string", SqlType.VARCHAR, true, String.class),
                        tuple("primitiveChar", SqlType.CHAR, false, Character.class),
                        tuple("boxedChar", SqlType.CHAR, true, Character.class),
                        tuple("boxedLong", SqlType.BIGINT, true, Long.class),
                        tuple("primitiveInt", SqlType.INTEGER, false, Integer.class),
                        tuple("boxedInt", SqlType.INTEGER, true, Integer.class),
                        tuple("primitiveShort", SqlType.SMALLINT, false, Short.class),
                        tuple("boxedShort", SqlType.SMALLINT, true, Short.class),
                        tuple("primitiveByte", SqlType.TINYINT, false, Byte.class),
                        tuple("boxedByte", SqlType.TINYINT, true, Byte.class),
                        tuple("primitiveBoolean", SqlType.BOOLEAN, false, Boolean.class),
                        tuple("boxedBoolean", SqlType.BOOLEAN, true, Boolean.class),
                        tuple("primitiveDouble", SqlType.DOUBLE, false, Double.class),
                        tuple("boxedDouble", SqlType.DOUBLE, true, Double.class),
                        tuple("primitiveFloat", SqlType.REAL, false, Float.class),
                        tuple("boxedFloat", SqlType.REAL, true, Float.class),
                        tuple("bigDecimal", SqlType.DECIMAL, true, BigDecimal.class),
                        tuple("bigInteger", SqlType.DECIMAL, true, BigInteger.class),
                        tuple("localDate", SqlType.DATE, true, LocalDate.class),
                        tuple("localDateTime", SqlType.TIMESTAMP, true, LocalDateTime.class),
                        tuple("localTime", SqlType.TIME, true, LocalTime.class),
                        tuple("instant", SqlType.TIMESTAMP_WITH_TIME_ZONE, true, Instant.class),
                        tuple("offsetDateTime", SqlType.TIMESTAMP_WITH_TIME_ZONE, true, OffsetDateTime.class),
                        tuple("uuid", SqlType.UUID, true, UUID.class),
                        tuple("bytes", SqlType.BINARY, true, byte[].class),
                        tuple("ordinalEnum", SqlType.INTEGER, true, Integer.class),
                        tuple("stringEnum", SqlType.VARCHAR, true, String.class));
    }

    @Test
    void dirtyComparisonFollowsWhatTheDatabaseSees() {
        AttributeModel decimal = EntityMappings.of(AllTypes.class).requireAttribute("bigDecimal");
        AttributeModel bytes = EntityMappings.of(AllTypes.class).requireAttribute("bytes");
        byte[] original = {1, 2};
        Object snapshot = bytes.snapshotOf(original);
        original[0] = 9;

        assertThat(decimal.differs(new BigDecimal("1.50"), new BigDecimal("1.5"))).isFalse();
        assertThat(decimal.differs(new BigDecimal("1.51"), new BigDecimal("1.5"))).isTrue();
        assertThat(decimal.differs(null, new BigDecimal("1.5"))).isTrue();
        assertThat(bytes.differs(new byte[] {1, 2}, new byte[] {1, 2})).isFalse();
        assertThat(snapshot).isEqualTo(new byte[] {1, 2});
        assertThat(bytes.differs(original, snapshot)).isTrue();
    }

    @Test
    void attributeLookup() {
        EntityModel model = EntityMappings.of(OrderLine.class);

        assertThat(model.attribute("quantity")).map(AttributeModel::name).contains("quantity");
        assertThat(model.attribute("product_name")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> model.requireAttribute("product_name"))
                .isExactlyInstanceOf(dev.retort.MappingException.class)
                .hasMessage("OrderLine has no attribute 'product_name'. Its attributes are: id, productName, quantity. "
                        + "To fix this, use one of these field names (names of Java fields, not of columns).");
    }

    @Test
    void theMappingIsReadOncePerClass() {
        assertThat(EntityMappings.of(Contact.class)).isSameAs(EntityMappings.of(Contact.class));
        assertThat(EntityMappings.isEntity(Contact.class)).isTrue();
        assertThat(EntityMappings.isEntity(String.class)).isFalse();
    }
}
