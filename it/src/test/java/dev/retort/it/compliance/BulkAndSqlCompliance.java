package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.InvalidRequestException;
import dev.retort.Row;
import dev.retort.Session;
import dev.retort.it.model.Purchase;
import dev.retort.it.model.Purchase_;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** Bulk UPDATE/DELETE past the identity map, and hand-written SQL with named parameters, on every database. */
abstract class BulkAndSqlCompliance extends DatabaseTest {

    @Test
    void bulkUpdateReturnsTheCountAndExpiresLoadedInstances() {
        seedUsers();
        try (Session session = sessions.open()) {
            User bob = session.query(User.class).filter(User_.name.eq("Bob")).one();
            User alice = session.query(User.class).filter(User_.name.eq("Alice")).one();
            int updated = session.update(User.class).where(User_.age.eq(25)).set(User_.age, 40).execute();
            assertThat(updated).isEqualTo(2);
            assertThat(bob.age).as("the instance is expired, not yet reloaded").isEqualTo(25);
            assertThat(session.get(User.class, bob.id)).isSameAs(bob);
            assertThat(bob.age).as("reloaded on next access through the session").isEqualTo(40);
            assertThat(session.query(User.class).filter(User_.age.eq(40)).orderBy(User_.name.asc()).all())
                    .extracting(user -> user.name).containsExactly("Bob", "Dave");
            assertThat(session.update(User.class).where(User_.name.eq("Alice")).set(User_.age, User_.age.plus(1))
                    .set(User_.name, "Alicia").execute()).isEqualTo(1);
            assertThat(session.query(User.class).filter(User_.id.eq(alice.id)).one().name).isEqualTo("Alicia");
            assertThat(alice.age).isEqualTo(31);
            assertThat(session.update(User.class).where(User_.age.isNull()).setNull(User_.name).execute()).isEqualTo(1);
            session.commit();
        }
        List<String> statements = sql.takeStatements();
        assertThat(statements).contains("UPDATE users SET age = ? WHERE age = ?  [40, 25]",
                "UPDATE users SET age = age + ?, name = ? WHERE name = ?  [1, Alicia, Alice]");
        assertThat(rows("SELECT name, age FROM users ORDER BY id")).containsExactly(List.of("Alicia", "31"),
                List.of("Bob", "40"), List.of("Carol", "28"), List.of("Dave", "40"), java.util.Arrays.asList(null, null));
    }

    @Test
    void bulkUpdateFlushesPendingChangesFirstAndRollsBackWithTheTransaction() {
        seedUsers();
        try (Session session = sessions.open()) {
            session.add(new User("Zed", 25));
            assertThat(session.update(User.class).where(User_.age.eq(25)).set(User_.age, 26).execute()).isEqualTo(3);
            session.rollback();
        }
        assertThat(rows("SELECT COUNT(*) FROM users WHERE age = 25")).containsExactly(List.of("2"));
    }

    @Test
    void bulkDeleteReturnsTheCountAndDeletedRowsAreGoneFromTheSession() {
        seedUsers();
        try (Session session = sessions.open()) {
            User bob = session.query(User.class).filter(User_.name.eq("Bob")).one();
            assertThat(session.delete(User.class).where(User_.age.lt(28)).execute()).isEqualTo(2);
            assertThat(session.get(User.class, bob.id)).isNull();
            assertThat(session.query(User.class).count()).isEqualTo(3);
            assertThat(session.delete(User.class).execute()).as("no where: every row").isEqualTo(3);
            session.commit();
        }
        assertThat(count("users")).isZero();
    }

    @Test
    void bulkStatementsOnReservedWordNames() {
        try (Session session = sessions.open()) {
            session.addAll(new Purchase("ann", "admins", 2), new Purchase("ben", "users", 1));
            session.commit();
            assertThat(session.update(Purchase.class).where(Purchase_.group.eq("users")).set(Purchase_.order, Purchase_.order.times(10))
                    .execute()).isEqualTo(1);
            assertThat(session.delete(Purchase.class).where(Purchase_.user.eq("ann")).execute()).isEqualTo(1);
            session.commit();
        }
        assertThat(rows("SELECT " + engine.dialect().quote("order") + " FROM " + engine.dialect().quote("order")))
                .containsExactly(List.of("10"));
    }

    @Test
    void bulkErrorsSayWhatToDo() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.update(User.class).where(User_.age.eq(1)).execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.update(User.class) sets nothing. To fix this, add set(User_.attribute, value) before execute().");
            assertThatThrownBy(() -> session.update(User.class).set(User_.age, 1).set(User_.age, 2))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("set(User.age, ...) is given twice on session.update(User.class). To fix this, set each attribute once.");
        }
    }

    @Test
    void rawSqlAsEntitiesBindsNamedParameters() {
        seedUsers();
        try (Session session = sessions.open()) {
            User carol = session.query(User.class).filter(User_.name.eq("Carol")).one();
            List<User> older = session.sql("select * from users where age > :age order by age").param("age", 26).as(User.class).all();
            assertThat(older).extracting(user -> user.name).containsExactly("Carol", "Alice");
            assertThat(older.get(0)).as("through the identity map").isSameAs(carol);
            assertThat(session.sql("select name, age, id from users where name = :name").param("name", "Bob").as(User.class).one().age)
                    .isEqualTo(25);
            assertThat(session.sql("select * from users where name = :name").param("name", "Zed").as(User.class).first()).isNull();
        }
        assertThat(sql.takeStatements()).contains("select * from users where age > ? order by age  [26]");
    }

    @Test
    void rawSqlRowsScalarsAndExecute() {
        seedUsers();
        try (Session session = sessions.open()) {
            List<Row> rows = session.sql("select name as who, age from users where age between :low and :high order by name")
                    .param("low", 25).param("high", 28).rows();
            assertThat(rows).extracting(row -> row.get("who")).containsExactly("Bob", "Carol", "Dave");
            assertThat(rows.get(1).get(0)).isEqualTo("Carol");
            assertThat(session.sql("select count(*) from users where age >= :age").param("age", 28).scalar(Long.class)).isEqualTo(2L);
            assertThat(session.sql("select max(name) from users").scalar(String.class)).isEqualTo("Eve");
            User eve = session.query(User.class).filter(User_.name.eq("Eve")).one();
            assertThat(session.sql("update users set age = :age where age is null").param("age", 77).execute()).isEqualTo(1);
            assertThat(session.get(User.class, eve.id).age).as("loaded instances are expired by execute()").isEqualTo(77);
        }
    }

    @Test
    void hostileParameterValuesRoundTripAsValues() {
        seedUsers();
        String hostile = "x' OR '1'='1'; DROP TABLE users; --";
        try (Session session = sessions.open()) {
            assertThat(session.sql("select * from users where name = :name").param("name", hostile).as(User.class).all()).isEmpty();
            session.sql("insert into users (name, age) values (:name, :age)").param("name", hostile).param("age", 1).execute();
            assertThat(session.sql("select name from users where age = :age").param("age", 1).scalar(String.class)).isEqualTo(hostile);
            session.commit();
        }
        assertThat(count("users")).isEqualTo(6);
    }

    @Test
    void rawSqlErrorsSayWhatToDo() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.sql("select * from users where age > :age").as(User.class).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("No value for :age in session.sql(\"select * from users where age > :age\"). To fix this, add "
                            + ".param(\"age\", value) for each.");
            assertThatThrownBy(() -> session.sql("select * from users where age > :age").param("agee", 3))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("param(\"agee\", ...): the SQL has no parameter :agee; its parameters are :age. To fix this, name "
                            + "one of them. [SQL: select * from users where age > :age]");
            assertThatThrownBy(() -> session.sql("select id, name from users").as(User.class).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("as(User.class): the rows of \"select id, name from users\" lack the column age of table users. "
                            + "To fix this, select every column of the table (select * or list them all), or read the rows as "
                            + "values with rows().");
        }
    }
}
