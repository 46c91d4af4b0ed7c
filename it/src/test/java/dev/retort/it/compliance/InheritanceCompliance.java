package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.retort.Alias;
import dev.retort.DatabaseException;
import dev.retort.Func;
import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.StaleObjectException;
import dev.retort.UnsupportedFeatureException;
import dev.retort.it.model.inheritance.Animal;
import dev.retort.it.model.inheritance.Animal_;
import dev.retort.it.model.inheritance.Car;
import dev.retort.it.model.inheritance.Car_;
import dev.retort.it.model.inheritance.Cat;
import dev.retort.it.model.inheritance.Cat_;
import dev.retort.it.model.inheritance.Circle;
import dev.retort.it.model.inheritance.Circle_;
import dev.retort.it.model.inheritance.Dog;
import dev.retort.it.model.inheritance.Dog_;
import dev.retort.it.model.inheritance.Lion;
import dev.retort.it.model.inheritance.Lion_;
import dev.retort.it.model.inheritance.Pallet;
import dev.retort.it.model.inheritance.Parcel;
import dev.retort.it.model.inheritance.Shape;
import dev.retort.it.model.inheritance.Shape_;
import dev.retort.it.model.inheritance.Shipment;
import dev.retort.it.model.inheritance.SportsCar;
import dev.retort.it.model.inheritance.Square;
import dev.retort.it.model.inheritance.Truck;
import dev.retort.it.model.inheritance.Vehicle;
import dev.retort.it.model.inheritance.Vehicle_;
import dev.retort.it.model.keepers.Keeper;
import dev.retort.it.model.keepers.Parrot;
import dev.retort.it.model.keepers.Pet;
import dev.retort.it.model.keepers.Pet_;
import dev.retort.it.model.keepers.Rabbit;
import dev.retort.it.model.keepers.Toy;

/**
 * Entity inheritance, the same on every database: SINGLE_TABLE (animals), JOINED (vehicles) and
 * TABLE_PER_CLASS (shapes); what createAll makes, what each write and each polymorphic read issues.
 */
abstract class InheritanceCompliance extends DatabaseTest {

    @BeforeAll
    void inheritanceMetadata() {
        metadata = Metadata.of(Animal.class, Cat.class, Dog.class, Lion.class, Vehicle.class, Car.class, Truck.class,
                SportsCar.class, Shape.class, Circle.class, Square.class, Keeper.class, Pet.class, Rabbit.class, Parrot.class, Toy.class);
        sessions = SessionFactory.of(engine, metadata);
    }

    // ---- SINGLE_TABLE ----------------------------------------------------------------------------------

    @Test
    void aPolymorphicQueryLoadsTheReferencesOfEachClassTogetherNotRowByRow() {
        List<Keeper> keepers = List.of(new Keeper("Kim"), new Keeper("Lou"), new Keeper("Max"), new Keeper("Ned"));
        seed(List.of(keepers.get(0), keepers.get(1), keepers.get(2), keepers.get(3), new Rabbit("Ava", keepers.get(0)),
                new Parrot("Bea", keepers.get(1)), new Rabbit("Cid", keepers.get(2)), new Parrot("Dot", keepers.get(3))));
        try (Session session = sessions.open()) {
            List<Pet> pets = session.query(Pet.class).orderBy("name").all();
            assertThat(pets).extracting(pet -> pet.getClass().getSimpleName() + " " + pet.name + " of " + pet.keeper.name)
                    .containsExactly("Rabbit Ava of Kim", "Parrot Bea of Lou", "Rabbit Cid of Max", "Parrot Dot of Ned");
            assertThat(sql.takeStatements()).as("one SELECT of keepers per class, not one per pet").containsExactly(
                    "SELECT kind, id, name, keeper_id FROM pets ORDER BY name",
                    keyList("SELECT id, name FROM keepers WHERE id", "", keepers.get(0).id, keepers.get(2).id),
                    keyList("SELECT id, name FROM keepers WHERE id", "", keepers.get(1).id, keepers.get(3).id));
        }
    }

    @Test
    void aPolymorphicQueryTakesLoaderOptionsForEachClassOfItsRows() {
        Keeper kim = new Keeper("Kim");
        Rabbit ava = new Rabbit("Ava", kim);
        Parrot bea = new Parrot("Bea", kim);
        Rabbit cid = new Rabbit("Cid", kim);
        seed(List.of(kim, ava, bea, cid, new Toy("ball", ava), new Toy("bell", bea), new Toy("carrot", ava)));
        try (Session session = sessions.open()) {
            List<Pet> pets = session.query(Pet.class).options(Load.selectIn(Pet_.toys)).orderBy("name").all();
            assertThat(sql.takeStatements()).as("the toys of each class's pets in one query").containsExactly(
                    "SELECT kind, id, name, keeper_id FROM pets ORDER BY name",
                    keyList("SELECT id, name FROM keepers WHERE id", "", kim.id),
                    keyList("SELECT id, name, pet_id FROM toys WHERE pet_id", " ORDER BY id", ava.id, cid.id),
                    keyList("SELECT id, name, pet_id FROM toys WHERE pet_id", " ORDER BY id", bea.id));
            assertThat(pets).extracting(pet -> pet.name + " " + pet.toys.stream().map(toy -> toy.name).toList())
                    .containsExactly("Ava [ball, carrot]", "Bea [bell]", "Cid []");
            assertThat(sql.takeStatements()).as("nothing left to load").isEmpty();
        }
    }

    @Test
    void aPolymorphicQueryLoadsReadOnlyAndItsObjectsAreNeverFlushed() {
        seedAnimals();
        try (Session session = sessions.open()) {
            // A session of its own: the stream's objects are not the ones a read-only list() already loaded.
            try (java.util.stream.Stream<Cat> cats = session.query(Cat.class).readOnly().stream()) {
                cats.forEach(cat -> cat.name = cat.name.toUpperCase(java.util.Locale.ROOT));
            }
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).as("no UPDATE of objects a read-only stream loaded").isEmpty();
        }
        try (Session session = sessions.open()) {
            List<Animal> animals = session.query(Animal.class).readOnly().orderBy("name").all();
            assertThat(animals).extracting(animal -> animal.getClass().getSimpleName() + " " + animal.name)
                    .containsExactly("Animal Blob", "Lion Leo", "Dog Rex", "Cat Tom");
            animals.forEach(animal -> animal.name = animal.name + "!");
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).as("no UPDATE of read-only objects").isEmpty();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Animal.class).orderBy("name").all()).extracting(animal -> animal.name)
                    .containsExactly("Blob", "Leo", "Rex", "Tom");
        }
    }

    @Test
    void aPolymorphicQueryRefusesLoadJoinedNamingSelectIn() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.query(Pet.class).options(Load.joined(Pet_.keeper)).all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("query(Pet) reads an entity of an inheritance hierarchy, whose rows Retort does not load with "
                            + "Load.joined yet (Load.joined(Pet.keeper)). To fix this, use Load.selectIn instead: the related "
                            + "objects then load with one query per class of the rows.");
        }
    }

    /** Rex the dog, Tom the cat, Leo the lion and a plain animal (inserted class by class, in metadata order). */
    private List<Animal> seedAnimals() {
        return seed(List.of(new Dog("Rex", "woof"), new Cat("Tom", "meow"), new Lion("Leo", "roar", 30), new Animal("Blob")));
    }

    /** Adds and commits the objects; the SQL log is cleared afterwards. */
    private <T> List<T> seed(List<T> objects) {
        try (Session session = sessions.open()) {
            session.addAll(objects);
            session.commit();
        }
        sql.take();
        return objects;
    }

    @Test
    void singleTableStoresEveryClassInOneTableWithItsDiscriminator() {
        List<Animal> animals = seedAnimals();
        assertThat(rows("SELECT name, kind, meow_sound, bark_sound, mane_length FROM inh_animals ORDER BY name")).containsExactly(
                row("Blob", "animal", null, null, null), row("Leo", "Lion", "roar", null, "30"),
                row("Rex", "dog", null, "woof", null), row("Tom", "cat", "meow", null, null));
        assertThat(animals.get(0).id).isNotNull();
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void singleTableInsertNamesTheDiscriminator() {
        try (Session session = sessions.open()) {
            session.add(new Cat("Tom", "meow"));
            session.commit();
        }
        assertThat(sql.takeStatements()).containsExactly(
                generatedKeyInsert("INSERT INTO inh_animals (name, meow_sound, kind) VALUES (?, ?, ?)", 1) + "  [Tom, meow, cat]");
    }

    @Test
    void baseQueryReturnsEachRowAsItsOwnClassInOneSelect() {
        seedAnimals();
        try (Session session = sessions.open()) {
            List<Animal> all = session.query(Animal.class).orderBy("name").all();
            assertThat(all).extracting(animal -> animal.getClass().getSimpleName() + " " + animal.name)
                    .containsExactly("Animal Blob", "Lion Leo", "Dog Rex", "Cat Tom");
            assertThat(((Lion) all.get(1)).maneLength).isEqualTo(30);
            assertThat(((Lion) all.get(1)).meowSound).isEqualTo("roar");
            assertThat(((Dog) all.get(2)).barkSound).isEqualTo("woof");
            assertThat(sql.takeStatements()).containsExactly("SELECT kind, id, name, meow_sound, bark_sound, mane_length "
                    + "FROM inh_animals ORDER BY name");
        }
    }

    @Test
    void subclassQueryRestrictsToItsDiscriminatorValues() {
        seedAnimals();
        try (Session session = sessions.open()) {
            List<Cat> cats = session.query(Cat.class).orderBy("name").all();
            assertThat(cats).extracting(cat -> cat.getClass().getSimpleName() + " " + cat.name + " " + cat.meowSound)
                    .containsExactly("Lion Leo roar", "Cat Tom meow");
            assertThat(sql.takeStatements()).containsExactly("SELECT kind, id, name, meow_sound, mane_length "
                    + "FROM inh_animals WHERE kind IN (?, ?) ORDER BY name  [cat, Lion]");
            assertThat(session.query(Dog.class).count()).isEqualTo(1);
            assertThat(session.query(Lion.class).all()).extracting(lion -> lion.name).containsExactly("Leo");
        }
    }

    @Test
    void filtersOnBaseAndSubclassAttributes() {
        seedAnimals();
        try (Session session = sessions.open()) {
            assertThat(session.query(Animal.class).filter(Cat_.meowSound.eq("roar")).all())
                    .extracting(animal -> animal.name).containsExactly("Leo");
            assertThat(session.query(Cat.class).filter(Cat_.name.eq("Tom")).one().meowSound).isEqualTo("meow");
            assertThat(session.query(Cat.class).filter(Animal_.name.eq("Rex")).all()).isEmpty();
            assertThat(session.query(Cat.class).filterBy("name", "Leo").one()).isInstanceOf(Lion.class);
        }
    }

    @Test
    void getReturnsTheRowsClassAndOneInstancePerRow() {
        List<Animal> animals = seedAnimals();
        long tomId = animals.get(1).id;
        long rexId = animals.get(0).id;
        try (Session session = sessions.open()) {
            Animal tom = session.get(Animal.class, tomId);
            assertThat(tom).isInstanceOf(Cat.class);
            assertThat(session.get(Cat.class, tomId)).isSameAs(tom);
            assertThat(session.query(Animal.class).filterBy("id", tomId).one()).isSameAs(tom);
            assertThat(session.get(Dog.class, tomId)).isNull();
            assertThat(session.get(Cat.class, rexId)).isNull();
            assertThat(session.get(Lion.class, tomId)).isNull();
        }
    }

    @Test
    void updateWritesChangedColumnsAndDeleteRemovesTheRow() {
        long tomId = seedAnimals().get(1).id;
        try (Session session = sessions.open()) {
            Cat tom = session.get(Cat.class, tomId);
            sql.take();
            tom.meowSound = "mrrp";
            session.commit();
            assertThat(sql.takeStatements()).containsExactly("UPDATE inh_animals SET meow_sound = ? WHERE id = ?  [mrrp, " + tomId + "]");
            session.delete(tom);
            session.commit();
            assertThat(sql.takeStatements()).containsExactly("DELETE FROM inh_animals WHERE id = ?  [" + tomId + "]");
        }
        assertThat(count("inh_animals")).isEqualTo(3);
    }

    @Test
    void bulkStatementsOnASubclassTouchOnlyItsRows() {
        seedAnimals();
        try (Session session = sessions.open()) {
            assertThat(session.update(Cat.class).set(Cat_.meowSound, "hiss").execute()).isEqualTo(2);
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "UPDATE inh_animals SET meow_sound = ? WHERE kind IN (?, ?)  [hiss, cat, Lion]");
            assertThat(session.delete(Dog.class).execute()).isEqualTo(1);
            session.commit();
        }
        assertThat(rows("SELECT name, meow_sound FROM inh_animals ORDER BY name"))
                .containsExactly(row("Blob", null), row("Leo", "hiss"), row("Tom", "hiss"));
    }

    @Test
    void tupleSelectsOfSubclassAttributesReadOnlyThatSubclassesRows() {
        seedAnimals();
        try (Session session = sessions.open()) {
            assertThat(session.select(Cat_.name).orderBy(Cat_.name.asc()).all()).extracting(row -> row.get(0))
                    .containsExactly("Leo", "Tom");
            assertThat(sql.takeStatements()).containsExactly("SELECT name FROM inh_animals WHERE kind IN (?, ?) ORDER BY name  [cat, Lion]");
            assertThat(session.select(Func.count()).from(Dog.class).one().get(0)).isEqualTo(1L);
            assertThat(session.select(Animal_.name, Lion_.maneLength).all()).extracting(row -> row.get(0)).containsExactly("Leo");
            assertThat(session.select(Func.count()).from(Animal.class).one().get(0)).isEqualTo(4L);
            assertThatThrownBy(() -> session.select(Cat_.meowSound, Dog_.barkSound).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.select(Cat.meowSound, Dog.barkSound) selects attributes of Cat and of Dog, whose rows "
                            + "are different rows of table inh_animals (SINGLE_TABLE inheritance), so no row has both. To fix "
                            + "this, select attributes of one of them (with those of Animal), or run one select for each.");
        }
    }

    @Test
    void joiningASubclassJoinsOnlyItsRows() {
        seedAnimals();
        Alias<Dog> dog = Alias.of(Dog.class, "d");
        try (Session session = sessions.open()) {
            List<Animal> withADogOfAnotherName = session.query(Animal.class).join(dog, dog.get(Dog_.name).ne(Animal_.name))
                    .filterBy("name", "Tom").all();
            assertThat(withADogOfAnotherName).extracting(animal -> animal.name).containsExactly("Tom");
            assertThat(session.query(Animal.class).join(dog, dog.get(Dog_.name).eq(Animal_.name)).orderBy("name").all())
                    .extracting(animal -> animal.name).containsExactly("Rex");
            assertThat(sql.takeStatements()).last().isEqualTo("SELECT inh_animals.kind, inh_animals.id, inh_animals.name, "
                    + "inh_animals.meow_sound, inh_animals.bark_sound, inh_animals.mane_length FROM inh_animals "
                    + "JOIN inh_animals d ON d.name = inh_animals.name AND d.kind IN (?) ORDER BY inh_animals.name  [dog]");
        }
    }

    @Test
    void aRowOfAnUnlistedClassIsAnErrorNamingItsDiscriminator() {
        seedAnimals();
        execute("INSERT INTO inh_animals (id, name, kind) VALUES (900, 'Tweety', 'bird')");
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.query(Animal.class).all()).isInstanceOf(DatabaseException.class)
                    .hasMessage("A row of table inh_animals (id 900) has kind 'bird', which is the discriminator value of no "
                            + "entity of this Metadata ('animal' is Animal, 'cat' is Cat, 'dog' is Dog, 'Lion' is Lion). "
                            + "To fix this, list the entity with @DiscriminatorValue(\"bird\") (or that entity name) in "
                            + "Metadata.of(...) beside Animal.");
        }
    }

    // ---- JOINED ----------------------------------------------------------------------------------------

    /** A car, a truck, a sports car. */
    @Test
    void joinedWithADiscriminatorWritesItAndLoadsTheClassItNames() {
        Metadata shipments = Metadata.of(Shipment.class, Parcel.class, Pallet.class);
        shipments.dropAll(engine);
        shipments.createAll(engine);
        try {
            SessionFactory factory = SessionFactory.of(engine, shipments);
            factory.useTransaction(session -> session.addAll(new Parcel("P-1", 250), new Pallet("L-1", 40), new Shipment("S-1")));

            assertThat(rows("SELECT code, kind FROM inh_shipments ORDER BY code"))
                    .containsExactly(List.of("L-1", "Pallet"), List.of("P-1", "parcel"), List.of("S-1", "Shipment"));
            List<String> classes = factory.inTransaction(session -> session.query(Shipment.class).orderBy("code").all()
                    .stream().map(shipment -> shipment.getClass().getSimpleName()).toList());
            assertThat(classes).containsExactly("Pallet", "Parcel", "Shipment");

            // The discriminator, not the subclass table, names the class: a pallet relabelled loads as a plain shipment.
            execute("UPDATE inh_shipments SET kind = 'Shipment' WHERE code = 'L-1'");
            List<String> relabelled = factory.inTransaction(session -> session.query(Shipment.class).orderBy("code").all()
                    .stream().map(shipment -> shipment.getClass().getSimpleName()).toList());
            assertThat(relabelled).containsExactly("Shipment", "Parcel", "Shipment");
        } finally {
            shipments.dropAll(engine);
        }
    }

    private List<Vehicle> seedVehicles() {
        return seed(List.of(new Car("Fiat", 4), new Truck("Volvo", 12.5), new SportsCar("Ferrari", 2, 320)));
    }

    @Test
    void joinedStoresEachLevelInItsTableParentFirst() {
        SportsCar ferrari = new SportsCar("Ferrari", 2, 320);
        try (Session session = sessions.open()) {
            session.add(ferrari);
            session.commit();
        }
        assertThat(sql.takeStatements()).containsExactly(
                generatedKeyInsert("INSERT INTO inh_vehicles (maker, version) VALUES (?, ?)", 1) + "  [Ferrari, 0]",
                "INSERT INTO inh_cars (id, seats) VALUES (?, ?)  [" + ferrari.id + ", 2]",
                "INSERT INTO inh_sports_cars (car_id, top_speed) VALUES (?, ?)  [" + ferrari.id + ", 320]");
        assertThat(rows("SELECT v.maker, c.seats, s.top_speed FROM inh_vehicles v JOIN inh_cars c ON c.id = v.id "
                + "JOIN inh_sports_cars s ON s.car_id = c.id")).containsExactly(row("Ferrari", "2", "320"));
        assertThatThrownBy(() -> execute("INSERT INTO inh_cars (id, seats) VALUES (" + (ferrari.id + 1000) + ", 1)"))
                .as("a subclass row needs its parent row (foreign key)").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> execute("DELETE FROM inh_cars WHERE id = " + ferrari.id))
                .as("a parent row with a subclass row cannot go first").isInstanceOf(AssertionError.class);
    }

    @Test
    void joinedBaseQueryLeftJoinsTheSubclassTables() {
        seedVehicles();
        try (Session session = sessions.open()) {
            List<Vehicle> all = session.query(Vehicle.class).orderBy("maker").all();
            assertThat(all).extracting(vehicle -> vehicle.getClass().getSimpleName() + " " + vehicle.maker)
                    .containsExactly("SportsCar Ferrari", "Car Fiat", "Truck Volvo");
            assertThat(((SportsCar) all.get(0)).topSpeed).isEqualTo(320);
            assertThat(((SportsCar) all.get(0)).seats).isEqualTo(2);
            assertThat(((Truck) all.get(2)).payload).isEqualTo(12.5);
            assertThat(sql.takeStatements()).containsExactly("SELECT inh_vehicles.id, inh_vehicles.maker, "
                    + "inh_vehicles.version, inh_cars.id, inh_cars.seats, inh_trucks.id, inh_trucks.payload, "
                    + "inh_sports_cars.car_id, inh_sports_cars.top_speed FROM inh_vehicles "
                    + "LEFT JOIN inh_cars ON inh_cars.id = inh_vehicles.id LEFT JOIN inh_trucks ON inh_trucks.id = inh_vehicles.id "
                    + "LEFT JOIN inh_sports_cars ON inh_sports_cars.car_id = inh_vehicles.id ORDER BY inh_vehicles.maker");
        }
    }

    @Test
    void joinedSubclassQueryJoinsItsAncestorsAndFiltersOnThem() {
        seedVehicles();
        try (Session session = sessions.open()) {
            List<Car> cars = session.query(Car.class).filter(Car_.maker.ne("Volvo")).orderBy(Car_.seats.desc()).all();
            assertThat(cars).extracting(car -> car.getClass().getSimpleName() + " " + car.maker + " " + car.seats)
                    .containsExactly("Car Fiat 4", "SportsCar Ferrari 2");
            assertThat(sql.takeStatements()).hasSize(1);
            assertThat(session.query(Vehicle.class).filter(Car_.seats.lt(3)).one()).isInstanceOf(SportsCar.class);
            assertThat(session.query(SportsCar.class).filterBy("maker", "Ferrari").count()).isEqualTo(1);
            assertThat(session.query(Truck.class).filter(Vehicle_.maker.eq("Fiat")).all()).isEmpty();
        }
    }

    @Test
    void joinedGetFindsTheRowsClass() {
        List<Vehicle> vehicles = seedVehicles();
        long fiatId = vehicles.get(0).id;
        long ferrariId = vehicles.get(2).id;
        try (Session session = sessions.open()) {
            Vehicle ferrari = session.get(Vehicle.class, ferrariId);
            assertThat(ferrari).isInstanceOf(SportsCar.class);
            assertThat(session.get(Car.class, ferrariId)).isSameAs(ferrari);
            assertThat(session.get(Truck.class, fiatId)).isNull();
            assertThat(session.get(SportsCar.class, fiatId)).isNull();
            assertThat(session.get(Car.class, fiatId).getClass()).isEqualTo(Car.class);
        }
    }

    @Test
    void joinedUpdateWritesOnlyTheTablesWhoseColumnsChanged() {
        long ferrariId = seedVehicles().get(2).id;
        try (Session session = sessions.open()) {
            SportsCar ferrari = session.get(SportsCar.class, ferrariId);
            sql.take();
            ferrari.topSpeed = 330;
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "UPDATE inh_vehicles SET version = ? WHERE id = ? AND version = ?  [1, " + ferrariId + ", 0]",
                    "UPDATE inh_sports_cars SET top_speed = ? WHERE car_id = ?  [330, " + ferrariId + "]");
            ferrari.maker = "Maserati";
            ferrari.seats = 4;
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "UPDATE inh_vehicles SET maker = ?, version = ? WHERE id = ? AND version = ?  [Maserati, 2, " + ferrariId + ", 1]",
                    "UPDATE inh_cars SET seats = ? WHERE id = ?  [4, " + ferrariId + "]");
        }
        assertThat(rows("SELECT v.maker, v.version, c.seats, s.top_speed FROM inh_vehicles v JOIN inh_cars c ON c.id = v.id "
                + "JOIN inh_sports_cars s ON s.car_id = c.id")).containsExactly(row("Maserati", "2", "4", "330"));
    }

    @Test
    void joinedDeleteRemovesChildRowsFirst() {
        long ferrariId = seedVehicles().get(2).id;
        try (Session session = sessions.open()) {
            session.delete(session.get(Vehicle.class, ferrariId));
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "DELETE FROM inh_sports_cars WHERE car_id = ?  [" + ferrariId + "]",
                    "DELETE FROM inh_cars WHERE id = ?  [" + ferrariId + "]",
                    "DELETE FROM inh_vehicles WHERE id = ? AND version = ?  [" + ferrariId + ", 0]");
        }
        assertThat(count("inh_vehicles")).isEqualTo(2);
        assertThat(count("inh_cars")).isEqualTo(1);
        assertThat(count("inh_sports_cars")).isZero();
    }

    @Test
    void joinedRefreshReloadsEveryTableAndVersionsGuardTheRootRow() {
        long fiatId = seedVehicles().get(0).id;
        try (Session session = sessions.open()) {
            Car fiat = session.get(Car.class, fiatId);
            session.commit();
            execute("UPDATE inh_cars SET seats = 5 WHERE id = " + fiatId);
            execute("UPDATE inh_vehicles SET maker = 'FIAT', version = 1 WHERE id = " + fiatId);
            session.refresh(fiat);
            assertThat(List.of(fiat.maker, String.valueOf(fiat.seats), String.valueOf(fiat.version)))
                    .containsExactly("FIAT", "5", "1");
            session.commit();
            execute("UPDATE inh_vehicles SET version = 2 WHERE id = " + fiatId);
            fiat.seats = 6;
            assertThatThrownBy(session::commit).isInstanceOf(StaleObjectException.class)
                    .hasMessageStartingWith("The UPDATE of Car#" + fiatId + " matched 0 rows instead of 1: its row no "
                            + "longer has version 1");
        }
        assertThat(rows("SELECT seats FROM inh_cars WHERE id = " + fiatId)).containsExactly(row("5"));
    }

    @Test
    void streamsOfAHierarchyEntityHoldEachClass() {
        seedVehicles();
        try (Session session = sessions.open(); java.util.stream.Stream<Vehicle> vehicles = session.query(Vehicle.class).stream()) {
            assertThat(vehicles.map(vehicle -> vehicle.getClass().getSimpleName()))
                    .containsExactlyInAnyOrder("Car", "Truck", "SportsCar");
            assertThat(sql.takeStatements()).singleElement().asString().startsWith("SELECT inh_vehicles.id, inh_vehicles.maker");
            assertThat(session.query(Car.class).exists()).isTrue();
        }
    }

    @Test
    void joinedBulkStatementsAreRefused() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.delete(Car.class).execute()).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("session.delete(Car.class) is a bulk DELETE of an entity whose rows span several tables "
                            + "(JOINED inheritance of Vehicle), which Retort does not issue. To fix this, load the objects "
                            + "and change (or session.delete) each, then commit.");
        }
    }

    @Test
    void joinedRowWithoutASubclassRowOfAnAbstractRootIsAnError() {
        execute("INSERT INTO inh_vehicles (id, maker, version) VALUES (900, 'Nobody', 0)");
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.get(Vehicle.class, 900L)).isInstanceOf(DatabaseException.class)
                    .hasMessage("A row of table inh_vehicles (id 900) is a plain Vehicle, which is abstract and cannot be "
                            + "instantiated: none of the tables of its subclasses in this Metadata has the row. To fix this, "
                            + "list the subclass the row belongs to in Metadata.of(...), or make Vehicle concrete.");
        }
    }

    // ---- TABLE_PER_CLASS ------------------------------------------------------------------------------

    private void seedShapes() {
        seed(List.of(new Circle(1, "sun", 5.5), new Square(2, "box", 2.5), new Circle(3, "dot", 0.5)));
    }

    @Test
    void tablePerClassGivesEachConcreteClassAFullTable() {
        seedShapes();
        assertThat(rows("SELECT id, label, radius FROM inh_circles ORDER BY id")).containsExactly(row("1", "sun", "5.5"),
                row("3", "dot", "0.5"));
        assertThat(rows("SELECT id, label, side FROM inh_squares")).containsExactly(row("2", "box", "2.5"));
    }

    @Test
    void tablePerClassBaseQueryRunsOneSelectPerTable() {
        seedShapes();
        try (Session session = sessions.open()) {
            List<Shape> shapes = session.query(Shape.class).filter(Shape_.label.ne("dot")).all();
            assertThat(shapes).extracting(shape -> shape.getClass().getSimpleName() + " " + shape.label)
                    .containsExactlyInAnyOrder("Circle sun", "Square box");
            assertThat(sql.takeStatements()).containsExactly(
                    "SELECT id, label, radius FROM inh_circles shape WHERE label <> ?  [dot]",
                    "SELECT id, label, side FROM inh_squares shape WHERE label <> ?  [dot]");
            assertThat(session.query(Shape.class).count()).isEqualTo(3);
            assertThat(session.query(Shape.class).limit(2).all()).hasSize(2);
            assertThat(session.query(Circle.class).filter(Circle_.radius.gt(1.0)).one().label).isEqualTo("sun");
            try (java.util.stream.Stream<Shape> stream = session.query(Shape.class).stream()) {
                assertThat(stream.map(shape -> shape.label)).containsExactlyInAnyOrder("sun", "box", "dot");
            }
        }
    }

    @Test
    void tablePerClassGetUpdateAndDelete() {
        seedShapes();
        try (Session session = sessions.open()) {
            Shape box = session.get(Shape.class, 2L);
            assertThat(box).isInstanceOf(Square.class);
            assertThat(session.get(Circle.class, 2L)).isNull();
            ((Square) box).side = 3.5;
            session.commit();
            session.delete(session.get(Shape.class, 1L));
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).containsExactly("DELETE FROM inh_circles WHERE id = ?  [1]");
        }
        assertThat(rows("SELECT side FROM inh_squares")).containsExactly(row("3.5"));
        assertThat(count("inh_circles")).isEqualTo(1);
    }

    @Test
    void tablePerClassBulkStatementsRunOnOneTableOnly() {
        seedShapes();
        try (Session session = sessions.open()) {
            assertThat(session.update(Circle.class).set(Circle_.radius, 1.5).execute()).isEqualTo(2);
            assertThatThrownBy(() -> session.delete(Shape.class).execute()).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("session.delete(Shape.class) is a bulk DELETE of an entity whose rows span several tables "
                            + "(TABLE_PER_CLASS inheritance of Shape), which Retort does not issue. To fix this, load the "
                            + "objects and change (or session.delete) each, then commit, or run it on each concrete class "
                            + "that has no subclasses.");
            session.commit();
        }
        assertThat(rows("SELECT radius FROM inh_circles ORDER BY id")).containsExactly(row("1.5"), row("1.5"));
    }

    @Test
    void tablePerClassBaseQueryCannotOrderAcrossTables() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.query(Shape.class).orderBy("label").all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("query(Shape) orders or skips rows across the 2 tables of the TABLE_PER_CLASS hierarchy of "
                            + "Shape (inh_circles, inh_squares), which Retort reads with one SELECT per table. To fix this, "
                            + "query each concrete class (session.query(Circle.class)), or sort the results in Java.");
        }
    }
}
