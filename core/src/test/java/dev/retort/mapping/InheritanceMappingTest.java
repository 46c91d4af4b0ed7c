package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;

import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Generation;
import dev.retort.sql.Sequence;
import dev.retort.sql.SqlType;

/** The tables each inheritance strategy maps to, JPA's defaults, and every mistake with its whole message. */
class InheritanceMappingTest {

    // ---- SINGLE_TABLE, by default -------------------------------------------------------------------------

    @Entity
    static class Animal {
        @Id @GeneratedValue Long id;
        String name;
    }

    @Entity
    static class Cat extends Animal {
        String meowSound;
    }

    @Entity(name = "Hound")
    static class Dog extends Animal {
        int lives;
    }

    @Test
    void singleTableIsTheDefaultWithADtypeColumnAndEntityNamesAsValues() {
        Metadata metadata = Metadata.of(Animal.class, Cat.class, Dog.class);
        Hierarchy hierarchy = Hierarchy.of(metadata.models()).get(Cat.class);
        assertThat(hierarchy.strategy()).isEqualTo(InheritanceType.SINGLE_TABLE);
        assertThat(hierarchy.root().javaType()).isEqualTo(Animal.class);
        assertThat(List.of(hierarchy.discriminatorValue(Animal.class), hierarchy.discriminatorValue(Cat.class),
                hierarchy.discriminatorValue(Dog.class))).containsExactly("Animal", "Cat", "Hound");
        assertThat(Hierarchy.tables(metadata.models())).singleElement().satisfies(table -> {
            assertThat(table.name()).isEqualTo("animal");
            assertThat(table.primaryKey()).containsExactly("id");
            assertThat(table.columns()).extracting(Column::name, Column::type, Column::nullable).containsExactly(
                    tuple("id", ColumnType.of(SqlType.BIGINT), false),
                    tuple("name", new ColumnType(SqlType.VARCHAR, 255, 0, 0), true),
                    tuple("dtype", new ColumnType(SqlType.VARCHAR, 31, 0, 0), false),
                    tuple("meow_sound", new ColumnType(SqlType.VARCHAR, 255, 0, 0), true),
                    tuple("lives", ColumnType.of(SqlType.INTEGER), true));
        });
    }

    @Test
    void subclassesInheritTheRootsAttributesAndTable() {
        EntityModel cat = EntityMappings.of(Cat.class);
        assertThat(cat.attributeNames()).isEqualTo("id, name, meowSound");
        assertThat(cat.table().name()).isEqualTo("animal");
        assertThat(cat.inheritance()).map(InheritanceModel::parent).contains(Animal.class);
        assertThat(EntityMappings.of(Animal.class).inheritance()).isEmpty();
    }

    @Entity
    @Table(name = "pets")
    @DiscriminatorColumn(name = "species", discriminatorType = DiscriminatorType.INTEGER)
    @DiscriminatorValue("0")
    static class Pet {
        @Id Long id;
    }

    @Entity
    @DiscriminatorValue("7")
    static class Parrot extends Pet {
        String word;
    }

    @Test
    void discriminatorColumnAndValuesAsAnnotated() {
        Hierarchy hierarchy = Hierarchy.of(Metadata.of(Pet.class, Parrot.class).models()).get(Pet.class);
        assertThat(hierarchy.discriminator()).contains(new Column("species", ColumnType.of(SqlType.INTEGER), false, false,
                Generation.NONE));
        assertThat(hierarchy.discriminatorValue(Parrot.class)).isEqualTo("7");
    }

    // ---- JOINED ---------------------------------------------------------------------------------------

    @Entity
    @Table(name = "vehicles")
    @Inheritance(strategy = InheritanceType.JOINED)
    abstract static class Vehicle {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String maker;
        @Version long version;
    }

    @Entity
    @Table(name = "cars")
    static class Car extends Vehicle {
        int seats;
    }

    @Entity
    @Table(name = "sports_cars")
    @PrimaryKeyJoinColumn(name = "car_id")
    static class SportsCar extends Car {
        int topSpeed;
    }

    @Test
    void joinedMapsATablePerClassKeyedByTheRootsId() {
        Metadata metadata = Metadata.of(Vehicle.class, Car.class, SportsCar.class);
        assertThat(Hierarchy.tables(metadata.models())).extracting(table -> table.name(), table -> table.primaryKey(),
                table -> table.columns().stream().map(Column::name).toList(), table -> table.sequence()).containsExactly(
                tuple("vehicles", List.of("id"), List.of("id", "maker", "version"), Optional.of(new Sequence("vehicles_seq", 1, 50))),
                tuple("cars", List.of("id"), List.of("id", "seats"), Optional.empty()),
                tuple("sports_cars", List.of("car_id"), List.of("car_id", "top_speed"), Optional.empty()));
        assertThat(Hierarchy.tables(metadata.models())).extracting(table -> table.foreignKeys()).containsExactly(List.of(),
                List.of(new ForeignKey(List.of("id"), "vehicles", List.of("id"))),
                List.of(new ForeignKey(List.of("car_id"), "cars", List.of("id"))));
        Column key = Hierarchy.tables(metadata.models()).get(2).columns().get(0);
        assertThat(key.generation()).isEqualTo(Generation.NONE);
        EntityModel sportsCar = EntityMappings.of(SportsCar.class);
        assertThat(sportsCar.table().name()).isEqualTo("sports_cars");
        assertThat(sportsCar.attributes()).extracting(AttributeModel::name, sportsCar::tableOf).containsExactly(
                tuple("id", "vehicles"), tuple("maker", "vehicles"), tuple("version", "vehicles"), tuple("seats", "cars"),
                tuple("topSpeed", "sports_cars"));
    }

    // ---- TABLE_PER_CLASS ------------------------------------------------------------------------------

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Shape {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String label;
    }

    @Entity
    @Table(name = "circles")
    static class Circle extends Shape {
        double radius;
    }

    @Entity
    @Table(name = "squares")
    static class Square extends Shape {
        double side;
    }

    @Test
    void tablePerClassGivesEachConcreteClassAFullTableSharingOneSequence() {
        Metadata metadata = Metadata.of(Shape.class, Circle.class, Square.class);
        assertThat(Hierarchy.tables(metadata.models())).extracting(table -> table.name(),
                table -> table.columns().stream().map(Column::name).toList(), table -> table.sequence()).containsExactly(
                tuple("circles", List.of("id", "label", "radius"), Optional.of(new Sequence("shape_seq", 1, 50))),
                tuple("squares", List.of("id", "label", "side"), Optional.empty()));
        assertThat(EntityMappings.of(Square.class).table().sequence()).contains(new Sequence("shape_seq", 1, 50));
    }

    // ---- mistakes -------------------------------------------------------------------------------------

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Account {
        @Id @GeneratedValue Long id;
    }

    @Entity
    static class Savings extends Account {
        double rate;
    }

    @Test
    void tablePerClassRefusesIdentityIds() {
        assertMappingError(Savings.class, "@Id Savings.id is generated by an identity column, but Account uses "
                + "TABLE_PER_CLASS inheritance: each class has a table of its own, and identity columns would give rows of "
                + "different tables the same id. To fix this, use @GeneratedValue(strategy = GenerationType.SEQUENCE) or "
                + "GenerationType.UUID, or assign ids yourself.");
    }

    @Entity
    @Inheritance(strategy = InheritanceType.JOINED)
    static class Sub extends Animal {
    }

    @Test
    void inheritanceBelowTheRoot() {
        assertMappingError(Sub.class, "Entity dev.retort.mapping.InheritanceMappingTest$Sub declares @Inheritance, but only "
                + "the root of an entity hierarchy (dev.retort.mapping.InheritanceMappingTest$Animal) chooses the strategy, "
                + "for the whole hierarchy. To fix this, move @Inheritance to Animal.");
    }

    @Entity
    @Table(name = "horses")
    static class Horse extends Animal {
    }

    @Test
    void tableOnASingleTableSubclass() {
        assertMappingError(Horse.class, "Entity dev.retort.mapping.InheritanceMappingTest$Horse declares @Table(name = "
                + "\"horses\"), but it is stored in the table of Animal (animal) by SINGLE_TABLE inheritance. To fix this, "
                + "remove @Table from Horse, or give Animal @Inheritance(strategy = InheritanceType.JOINED) for a table per class.");
    }

    @Test
    void subclassWithoutItsParentInTheMetadata() {
        assertMetadataError(List.of(Animal.class, SportsCar.class), "Entity dev.retort.mapping.InheritanceMappingTest$SportsCar "
                + "extends entity dev.retort.mapping.InheritanceMappingTest$Car, which is not in this Metadata. To fix this, "
                + "list it too: Metadata.of(..., Car.class, SportsCar.class).");
    }

    @Entity
    @DiscriminatorValue("Cat")
    static class Lynx extends Animal {
    }

    @Test
    void twoClassesWithOneDiscriminatorValue() {
        assertMetadataError(List.of(Animal.class, Cat.class, Lynx.class), "Entities dev.retort.mapping.InheritanceMappingTest$Cat "
                + "and dev.retort.mapping.InheritanceMappingTest$Lynx both have discriminator value 'Cat' in table animal. "
                + "To fix this, give one of them another @DiscriminatorValue.");
    }

    @Entity
    static class Mole extends Animal {
        String dtype;
    }

    @Test
    void attributeOnTheDiscriminatorColumn() {
        assertMetadataError(List.of(Animal.class, Mole.class), "Entity dev.retort.mapping.InheritanceMappingTest$Mole maps an "
                + "attribute to column dtype, which is the discriminator column of table animal. To fix this, rename the "
                + "attribute's column with @Column(name = ...), or name the discriminator otherwise with "
                + "@DiscriminatorColumn(name = ...) on Animal.");
    }

    @Entity
    @DiscriminatorValue("truck")
    static class Truck extends Vehicle {
    }

    @Test
    void discriminatorValueUnderJoined() {
        assertMetadataError(List.of(Vehicle.class, Truck.class), "Entity dev.retort.mapping.InheritanceMappingTest$Truck "
                + "declares @DiscriminatorValue, but Vehicle uses JOINED inheritance, where Retort tells classes apart by "
                + "the subclass table a row has, without a discriminator column. To fix this, remove @DiscriminatorValue, "
                + "or declare the column with @DiscriminatorColumn on Vehicle to have one.");
    }

    @Entity
    @DiscriminatorColumn(name = "kind")
    static class Bat extends Animal {
    }

    @Test
    void discriminatorColumnBelowTheRoot() {
        assertMetadataError(List.of(Animal.class, Bat.class), "Entity dev.retort.mapping.InheritanceMappingTest$Bat declares "
                + "@DiscriminatorColumn, but only the root dev.retort.mapping.InheritanceMappingTest$Animal names the "
                + "discriminator column. To fix this, move it to Animal.");
    }

    @Entity
    static class Canary extends Pet {
    }

    @Entity
    @DiscriminatorValue("blue")
    static class Macaw extends Pet {
    }

    @Test
    void integerDiscriminatorValues() {
        assertMetadataError(List.of(Pet.class, Canary.class), "Entity dev.retort.mapping.InheritanceMappingTest$Canary has no "
                + "@DiscriminatorValue, and the INTEGER discriminator column species of Pet has no default value. To fix "
                + "this, annotate Canary with @DiscriminatorValue(\"<number>\").");
        assertMetadataError(List.of(Pet.class, Macaw.class), "Entity dev.retort.mapping.InheritanceMappingTest$Macaw has "
                + "@DiscriminatorValue(\"blue\"), but the discriminator column species of Pet is an INTEGER. To fix this, "
                + "give a whole number.");
    }

    @Entity
    abstract static class Plain {
        @Id Long id;
    }

    @Entity
    abstract static class Base {
        @Id Long id;
    }

    @Entity
    static class Derived extends Base {
    }

    @Test
    void abstractEntitiesOnlyAsHierarchyMembers() {
        assertMetadataError(List.of(Plain.class), "Entity dev.retort.mapping.InheritanceMappingTest$Plain is abstract and "
                + "cannot be instantiated. To fix this, make it concrete, make it a @MappedSuperclass of concrete entities, "
                + "or list its entity subclasses in the Metadata beside it (it is then the root of an entity hierarchy).");
        assertMetadataError(List.of(Base.class), "Entity dev.retort.mapping.InheritanceMappingTest$Base is abstract and "
                + "cannot be instantiated. To fix this, make it concrete, make it a @MappedSuperclass of concrete entities, "
                + "or list its entity subclasses in the Metadata beside it (it is then the root of an entity hierarchy).");
        Metadata metadata = Metadata.of(Base.class, Derived.class);
        assertThat(Hierarchy.of(metadata.models()).get(Base.class).strategy()).isEqualTo(InheritanceType.SINGLE_TABLE);
        assertThat(EntityMappings.of(Derived.class).inheritance()).map(InheritanceModel::root).contains(Base.class);
    }

    private static void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> EntityMappings.of(type)).isExactlyInstanceOf(MappingException.class).hasMessage(message);
    }

    private static void assertMetadataError(List<Class<?>> types, String message) {
        assertThatThrownBy(() -> Metadata.of(types)).isExactlyInstanceOf(MappingException.class).hasMessage(message);
    }
}
