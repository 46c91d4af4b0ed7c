package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.MappingException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.it.model.Country;
import dev.retort.it.model.Sample;
import dev.retort.it.model.Ticket;
import dev.retort.it.model.Token;
import dev.retort.it.model.User;

/** The seed tutorial's session and query behaviour, the same on every database. */
abstract class SessionCompliance extends DatabaseTest {

    @Test
    void insertLearnsGeneratedIdsInOneBatch() {
        User alice = new User("Alice", 30);
        User bob = new User("Bob", 25);
        try (Session session = sessions.open()) {
            session.add(alice);
            session.addAll(List.of(bob));
            session.commit();
        }
        assertThat(alice.id).isNotNull();
        assertThat(bob.id).isGreaterThan(alice.id);
        assertThat(sql.takeStatements()).containsExactly(generatedKeyInsert("INSERT INTO users (name, age) VALUES (?, ?)", 2));
        assertThat(rows("SELECT id, name, age FROM users ORDER BY id")).containsExactly(
                List.of(String.valueOf(alice.id), "Alice", "30"), List.of(String.valueOf(bob.id), "Bob", "25"));
    }

    @Test
    void manyRowsCrossBatchBoundariesAndKeepIdsMatched() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            users.add(new User("user" + i, i));
        }
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
        }
        Set<Long> ids = new HashSet<>();
        users.forEach(user -> ids.add(user.id));
        assertThat(ids).hasSize(2_500).doesNotContainNull();
        String insert = "INSERT INTO users (name, age) VALUES (?, ?)";
        assertThat(sql.takeStatements()).containsExactly(generatedKeyInsert(insert, 1000), generatedKeyInsert(insert, 1000),
                generatedKeyInsert(insert, 500));
        User sample = users.get(1_234);
        assertThat(rows("SELECT name, age FROM users WHERE id = " + sample.id)).containsExactly(List.of("user1234", "1234"));
    }

    @Test
    void statementBatchSizeIsTheEnginesToChoose() {
        Engine small = Engine.of(engine.dataSource(), engine.dialect(), engine.location(), true, true, 300);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            users.add(new User("user" + i, i));
        }
        try (Session session = SessionFactory.of(small, metadata).open()) {
            session.addAll(users);
            session.commit();
        }
        String insert = "INSERT INTO users (name, age) VALUES (?, ?)";
        assertThat(sql.takeStatements()).containsExactly(generatedKeyInsert(insert, 300), generatedKeyInsert(insert, 300),
                generatedKeyInsert(insert, 100));
        assertThat(rows("SELECT COUNT(*) FROM users")).containsExactly(List.of("700"));
        assertThatThrownBy(() -> Engine.of(engine.dataSource(), engine.dialect(), engine.location(), true, true, 0))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("The statement batch size must be a positive whole number, not 0.");
    }

    @Test
    void identityMapGivesOneInstancePerRow() {
        seedUsers();
        try (Session session = sessions.open()) {
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            assertThat(session.get(User.class, alice.id)).isSameAs(alice);
            assertThat(session.query(User.class).orderBy("age").all()).contains(alice);
            assertThat(session.query(User.class).all()).filteredOn(user -> user.name.equals("Alice")).containsExactly(alice);
            assertThat(session.contains(alice)).isTrue();
        }
        assertThat(sql.takeStatements()).hasSize(3);
    }

    @Test
    void getReadsTheRowOnceAndReturnsNullWhenMissing() {
        seedUsers();
        long aliceId = Long.parseLong(rows("SELECT id FROM users WHERE name = 'Alice'").get(0).get(0));
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, aliceId);
            assertThat(alice.name).isEqualTo("Alice");
            assertThat(alice.age).isEqualTo(30);
            assertThat(session.get(User.class, aliceId)).isSameAs(alice);
            assertThat(session.get(User.class, (int) aliceId)).as("an int id is widened to Long").isSameAs(alice);
            assertThat(session.get(User.class, 999_999L)).isNull();
            assertThat(session.query(User.class).get(aliceId)).isSameAs(alice);
        }
        assertThat(sql.takeStatements()).containsExactly(
                "SELECT id, name, age FROM users WHERE id = ?  [" + aliceId + "]",
                "SELECT id, name, age FROM users WHERE id = ?  [999999]");
    }

    @Test
    void queryFiltersOrdersAndPages() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).all())).containsExactlyInAnyOrder("Alice", "Bob", "Carol", "Dave", "Eve");
            assertThat(names(session.query(User.class).filterBy("name", "Alice").all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).filterBy("age", 25).orderBy("name").all())).containsExactly("Bob", "Dave");
            assertThat(names(session.query(User.class).filterBy("age", null).all())).containsExactly("Eve");
            assertThat(names(session.query(User.class).filterBy("age", 25).filterBy("name", "Dave").all())).containsExactly("Dave");
            assertThat(names(session.query(User.class).filterBy("age", 30).orderBy("age").all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).filterBy("name", "Zed").all())).isEmpty();
            assertThat(names(session.query(User.class).filterBy("age", 28).all())).containsExactly("Carol");
            List<String> byAgeDescending = names(session.query(User.class).filterBy("name", "Alice").orderBy(Order.desc("age")).all());
            assertThat(byAgeDescending).containsExactly("Alice");
            // Where NULLs sort differs per database (PostgreSQL puts them first in DESC), so Eve stays out here.
            assertThat(names(session.query(User.class).filterBy("name", "Eve").all())).containsExactly("Eve");
            var aged = session.query(User.class).orderBy(Order.desc("age"), Order.asc("name")).all().stream()
                    .filter(user -> user.age != null).toList();
            assertThat(names(aged)).containsExactly("Alice", "Carol", "Bob", "Dave");
            assertThat(names(session.query(User.class).orderBy("name").offset(3).all())).containsExactly("Dave", "Eve");
            assertThat(names(session.query(User.class).orderBy("name").limit(2).offset(1).all())).containsExactly("Bob", "Carol");
            assertThat(session.query(User.class).orderBy("name").first().name).isEqualTo("Alice");
            assertThat(session.query(User.class).filterBy("name", "Zed").first()).isNull();
            assertThat(session.query(User.class).count()).isEqualTo(5L);
            assertThat(session.query(User.class).filterBy("age", 25).count()).isEqualTo(2L);
            assertThat(session.query(User.class).orderBy("name").limit(2).offset(4).count()).isEqualTo(1L);
        }
    }

    @Test
    void queriesAreImmutableAndReusable() {
        seedUsers();
        try (Session session = sessions.open()) {
            var base = session.query(User.class).filterBy("age", 25);
            var bob = base.filterBy("name", "Bob");
            assertThat(base.count()).isEqualTo(2L);
            assertThat(bob.one().name).isEqualTo("Bob");
            assertThat(base.count()).isEqualTo(2L);
        }
    }

    @Test
    void oneAndOneOrNullInsistOnASingleRow() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).filterBy("name", "Bob").one().age).isEqualTo(25);
            assertThat(session.query(User.class).filterBy("name", "Zed").oneOrNull()).isNull();
            assertThatThrownBy(() -> session.query(User.class).filterBy("name", "Zed").one())
                    .isInstanceOf(NoResultFoundException.class)
                    .hasMessage("one() found no row for query(User) where name = 'Zed'; it expects exactly one. "
                            + "To fix this, use oneOrNull() or first() where no row is a normal outcome.");
            assertThatThrownBy(() -> session.query(User.class).filterBy("age", 25).one())
                    .isInstanceOf(MultipleResultsFoundException.class)
                    .hasMessage("Expected one row for query(User) where age = 25 but found more than one. "
                            + "To fix this, filter on something unique (such as the id), or use first() or all().");
            assertThatThrownBy(() -> session.query(User.class).oneOrNull())
                    .isInstanceOf(MultipleResultsFoundException.class)
                    .hasMessage("Expected one row for query(User) but found more than one. "
                            + "To fix this, filter on something unique (such as the id), or use first() or all().");
        }
    }

    @Test
    void dirtyCheckingUpdatesOnlyChangedColumns() {
        seedUsers();
        try (Session session = sessions.open()) {
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            session.commit();
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).as("nothing changed, nothing written").isEmpty();
            alice.age = 35;
            session.commit();
            assertThat(sql.takeStatements()).containsExactly("UPDATE users SET age = ? WHERE id = ?  [35, " + alice.id + "]");
            alice.age = 36;
            alice.name = "Alicia";
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "UPDATE users SET name = ?, age = ? WHERE id = ?  [Alicia, 36, " + alice.id + "]");
        }
        assertThat(rows("SELECT name, age FROM users WHERE name LIKE 'Ali%'")).containsExactly(List.of("Alicia", "36"));
    }

    @Test
    void updatesOfTheSameColumnsAreBatched() {
        seedUsers();
        try (Session session = sessions.open()) {
            for (User user : session.query(User.class).all()) {
                if (Integer.valueOf(25).equals(user.age)) {
                    user.age = 26;
                } else if (user.name.equals("Alice")) {
                    user.name = "Alicia";
                }
            }
            sql.take();
            session.commit();
        }
        assertThat(sql.takeStatements()).containsExactlyInAnyOrder(
                "UPDATE users SET age = ? WHERE id = ?  [batch of 2]",
                "UPDATE users SET name = ? WHERE id = ?  [Alicia, " + rows("SELECT id FROM users WHERE name = 'Alicia'").get(0).get(0) + "]");
        assertThat(count("users WHERE age = 26")).isEqualTo(2);
    }

    @Test
    void autoflushMakesPendingChangesVisibleToQueries() {
        try (Session session = sessions.open()) {
            session.add(new User("Frank", 40));
            assertThat(session.query(User.class).filterBy("name", "Frank").one().age).isEqualTo(40);
            User frank = session.query(User.class).filterBy("name", "Frank").one();
            frank.age = 41;
            assertThat(session.query(User.class).filterBy("age", 41).count()).isEqualTo(1L);
            session.rollback();
        }
        assertThat(count("users")).isZero();
    }

    @Test
    void deleteRemovesTheRow() {
        seedUsers();
        try (Session session = sessions.open()) {
            User bob = session.query(User.class).filterBy("name", "Bob").one();
            long id = bob.id;
            session.delete(bob);
            assertThat(session.get(User.class, id)).as("deleted in this session").isNull();
            session.commit();
            assertThat(sql.takeStatements()).containsExactly(
                    "SELECT id, name, age FROM users WHERE name = ? LIMIT ?  [Bob, 2]",
                    "DELETE FROM users WHERE id = ?  [" + id + "]");
            assertThat(session.contains(bob)).isFalse();
            assertThat(session.get(User.class, id)).isNull();
        }
        assertThat(count("users")).isEqualTo(4);
    }

    @Test
    void deletingAPendingObjectWritesNothing() {
        try (Session session = sessions.open()) {
            User ghost = new User("Ghost", 1);
            session.add(ghost);
            session.delete(ghost);
            session.commit();
            assertThat(session.contains(ghost)).isFalse();
        }
        assertThat(sql.takeStatements()).isEmpty();
        assertThat(count("users")).isZero();
    }

    @Test
    void refreshAndExpireReloadChangesMadeElsewhere() {
        seedUsers();
        try (Session session = sessions.open()) {
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            session.commit();
            execute("UPDATE users SET age = 50 WHERE name = 'Alice'");
            assertThat(session.get(User.class, alice.id).age).as("identity map, not reloaded").isEqualTo(30);
            session.refresh(alice);
            assertThat(alice.age).isEqualTo(50);
            session.commit();
            execute("UPDATE users SET age = 51 WHERE name = 'Alice'");
            session.expire(alice);
            assertThat(session.get(User.class, alice.id)).isSameAs(alice);
            assertThat(alice.age).isEqualTo(51);
            alice.age = 52;
            session.commit();
        }
        assertThat(rows("SELECT age FROM users WHERE name = 'Alice'")).containsExactly(List.of("52"));
    }

    @Test
    void expungeForgetsTheObjectAndItsChanges() {
        seedUsers();
        try (Session session = sessions.open()) {
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            session.expunge(alice);
            alice.age = 99;
            session.commit();
            assertThat(session.contains(alice)).isFalse();
            User again = session.query(User.class).filterBy("name", "Alice").one();
            assertThat(again).isNotSameAs(alice);
            assertThat(again.age).isEqualTo(30);
        }
    }

    @Test
    void mergeCopiesADetachedObjectOntoTheSessionsInstance() {
        seedUsers();
        User detached;
        try (Session session = sessions.open()) {
            detached = session.query(User.class).filterBy("name", "Carol").one();
        }
        detached.age = 29;
        try (Session session = sessions.open()) {
            User managed = session.merge(detached);
            assertThat(managed).isNotSameAs(detached);
            assertThat(managed.age).isEqualTo(29);
            assertThat(session.contains(detached)).isFalse();
            User fresh = session.merge(new User("Grace", 33));
            session.commit();
            assertThat(fresh.id).isNotNull();
        }
        assertThat(rows("SELECT age FROM users WHERE name = 'Carol'")).containsExactly(List.of("29"));
        assertThat(count("users")).isEqualTo(6);
    }

    @Test
    void everySupportedTypeRoundTrips() {
        Sample written = Sample.filled();
        Sample empty = Sample.empty();
        try (Session session = sessions.open()) {
            session.addAll(written, empty);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Sample read = session.get(Sample.class, written.id());
            assertThat(read).isNotSameAs(written);
            assertThat(read).usingRecursiveComparison()
                    .ignoringFields("offsetMoment", "amount", "notStored")
                    .isEqualTo(written);
            assertThat(read.amount()).isEqualByComparingTo(written.amount());
            assertThat(read.offsetMoment().toInstant()).isEqualTo(written.offsetMoment().toInstant());
            assertThat(read.notStored()).isEqualTo("transient");
            Sample readEmpty = session.get(Sample.class, empty.id());
            assertThat(readEmpty).usingRecursiveComparison().ignoringFields("notStored").isEqualTo(empty);
            read.data()[0] = 42;
            readEmpty.createdAt = Instant.parse("2000-01-01T00:00:00Z");
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).containsExactlyInAnyOrder(
                    "UPDATE sample SET data = ? WHERE id = ?  [<5 bytes>, " + written.id() + "]",
                    "UPDATE sample SET created_at = ? WHERE id = ?  [2000-01-01T00:00:00Z, " + empty.id() + "]");
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Sample.class, written.id()).data()).containsExactly(42, 1, 2, 0xFF, 127);
        }
    }

    @Test
    void decimalsKeepThirtyEightDigits() {
        assumeExactDecimals();
        Sample sample = Sample.filled();
        sample.setBig(new java.math.BigInteger("12345678901234567890123456789012345678"));
        try (Session session = sessions.open()) {
            session.add(sample);
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Sample.class, sample.id()).big()).isEqualTo(sample.big());
        }
    }

    /** SQLite's NUMERIC affinity keeps about 15 significant digits (documented in SqliteDialect). */
    private void assumeExactDecimals() {
        org.junit.jupiter.api.Assumptions.assumeFalse(engine.dialect().name().equals("sqlite"),
                "SQLite stores NUMERIC values beyond 15 significant digits as REAL");
    }

    @Test
    void sequenceIdsAreAllocatedInBlocks() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            tickets.add(new Ticket("ticket " + i));
        }
        try (Session session = sessions.open()) {
            session.addAll(tickets);
            session.commit();
        }
        Set<Long> ids = new HashSet<>();
        tickets.forEach(ticket -> ids.add(ticket.id));
        assertThat(ids).hasSize(45).doesNotContainNull();
        assertThat(count("ticket")).isEqualTo(45);
        List<String> statements = sql.takeStatements();
        if (engine.dialect().supportsSequences()) {
            assertThat(statements).filteredOn(line -> line.startsWith("SELECT")).hasSize(3);
            assertThat(statements).filteredOn(line -> line.startsWith("INSERT"))
                    .containsExactly("INSERT INTO ticket (id, subject) VALUES (?, ?)  [batch of 45]");
        } else {
            assertThat(statements).containsExactly(generatedKeyInsert("INSERT INTO ticket (subject) VALUES (?)", 45));
        }
    }

    @Test
    void uuidAndAssignedIds() {
        Token token = new Token("api");
        try (Session session = sessions.open()) {
            session.add(token);
            assertThat(token.id).as("made when added").isNotNull();
            session.add(new Country("FR", "France"));
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Token.class, token.id).label).isEqualTo("api");
            assertThat(session.get(Country.class, "FR").name).isEqualTo("France");
            assertThat(session.query(Token.class).filterBy("id", token.id).one().label).isEqualTo("api");
            Country nowhere = new Country(null, "Nowhere");
            session.add(nowhere);
            assertThatThrownBy(session::flush)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot insert a new Country: its @Id Country.code is not set, and it has no @GeneratedValue. "
                            + "To fix this, assign the id before flushing, or annotate the id field with @GeneratedValue.");
            nowhere.code = "NW";
            session.commit();
        }
        assertThat(count("country")).isEqualTo(2);
        assertThat(UUID.fromString(rows("SELECT id FROM token").get(0).get(0))).isEqualTo(token.id);
    }

    @Test
    void badArgumentsAreExplained() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.get(User.class, "1"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.get(User, \"1\"): User.id is a java.lang.Long, but the value given is the String \"1\". "
                            + "To fix this, pass a Long (e.g. 1L).");
            assertThatThrownBy(() -> session.query(User.class).filterBy("email", "a@b.c"))
                    .isInstanceOf(MappingException.class)
                    .hasMessage("User has no attribute 'email'. Its attributes are: id, name, age. To fix this, use one of "
                            + "these field names (names of Java fields, not of columns).");
            assertThatThrownBy(() -> session.query(User.class).filterBy("age", "30"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("filterBy(\"age\", \"30\"): User.age is a java.lang.Integer, but the value given is the String \"30\". "
                            + "To fix this, pass a Integer.");
            assertThatThrownBy(() -> session.add("not an entity"))
                    .isInstanceOf(MappingException.class)
                    .hasMessage("java.lang.String is not an entity: it has no @jakarta.persistence.Entity annotation. "
                            + "To fix this, annotate the class with @Entity (and @Table to name its table), and list it in Metadata.of(...).");
            assertThatThrownBy(() -> session.query(NotMapped.class))
                    .isInstanceOf(MappingException.class)
                    .hasMessage("Entity " + NotMapped.class.getName() + " is not in this session factory's Metadata. To fix this, "
                            + "list it when building the metadata: Metadata.of(..., NotMapped.class).");
            User stranger = new User("Stranger", 1);
            assertThatThrownBy(() -> session.delete(stranger))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot delete this new User: it is not in this session. To fix this, load it in this session "
                            + "(session.get or a query), or bring a detached copy in with session.merge(object).");
        }
    }

    @Test
    void aClosedSessionSaysSo() {
        Session session = sessions.open();
        session.close();
        session.close();
        String message = "This session is closed. To fix this, open a new session with sessionFactory.open().";
        assertThatThrownBy(() -> session.add(new User("Late", 1))).isInstanceOf(InvalidRequestException.class).hasMessage(message);
        assertThatThrownBy(() -> session.get(User.class, 1L)).isInstanceOf(InvalidRequestException.class).hasMessage(message);
        assertThatThrownBy(() -> session.query(User.class)).isInstanceOf(InvalidRequestException.class).hasMessage(message);
        assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }

    @Test
    void createAllSkipsExistingTablesAndCreatesIndexes() {
        metadata.createAll(engine);
        assertThat(sql.takeStatements()).isEmpty();
        execute("INSERT INTO accounts (email, owner, balance, version) VALUES ('a@x', 'ann', 0, 0)");
        metadata.createAll(engine);
        assertThat(count("accounts")).isEqualTo(1);
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(user -> user.name).toList();
    }

    @jakarta.persistence.Entity
    static class NotMapped {
        @jakarta.persistence.Id
        Long id;
    }
}
