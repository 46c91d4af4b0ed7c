package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.retort.Attr;
import dev.retort.Func;
import dev.retort.InvalidRequestException;
import dev.retort.MappingException;
import dev.retort.Predicate;
import dev.retort.Session;
import dev.retort.it.model.Purchase;
import dev.retort.it.model.Purchase_;
import dev.retort.it.model.Score;
import dev.retort.it.model.Score_;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** The typed query language on every database: each construct runs and its rows are checked. */
abstract class QueryCompliance extends DatabaseTest {

    private void seedScores() {
        try (Session session = sessions.open()) {
            session.addAll(new Score("ann", "red", 10, 2), new Score("ben", "red", 7, 7), new Score("cid", "blue", 3, 9),
                    new Score("dot", "blue", 12, null), new Score("eli", "green", null, 1));
            session.commit();
        }
        sql.take();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(user -> user.name).toList();
    }

    private static List<String> players(List<Score> scores) {
        return scores.stream().map(score -> score.player).toList();
    }

    @Test
    void comparisons() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).filter(User_.age.eq(25)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Bob", "Dave");
            assertThat(names(session.query(User.class).filter(User_.age.ne(25)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Carol");
            assertThat(names(session.query(User.class).filter(User_.age.gt(28)).all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).filter(User_.age.ge(28)).orderBy(User_.age.asc()).all()))
                    .containsExactly("Carol", "Alice");
            assertThat(names(session.query(User.class).filter(User_.age.lt(28)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Bob", "Dave");
            assertThat(names(session.query(User.class).filter(User_.age.le(28)).orderBy(User_.age.desc(), User_.name.asc()).all()))
                    .containsExactly("Carol", "Bob", "Dave");
            assertThat(names(session.query(User.class).filter(User_.age.eq((Integer) null)).all())).containsExactly("Eve");
            assertThat(session.query(User.class).filter(User_.age.ne((Integer) null)).count()).isEqualTo(4);
        }
        assertThat(sql.takeStatements().get(0)).isEqualTo(
                "SELECT id, name, age FROM users WHERE age = ? ORDER BY name  [25]");
    }

    @Test
    void betweenInNotInAndNullChecks() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).filter(User_.age.between(26, 30)).orderBy(User_.age.asc()).all()))
                    .containsExactly("Carol", "Alice");
            assertThat(names(session.query(User.class).filter(User_.name.in("Alice", "Eve", "Zed")).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Eve");
            assertThat(names(session.query(User.class).filter(User_.age.notIn(List.of(25, 30))).all())).containsExactly("Carol");
            assertThat(session.query(User.class).filter(User_.name.in(List.of())).all()).isEmpty();
            assertThat(session.query(User.class).filter(User_.name.notIn(List.of())).count()).isEqualTo(5);
            assertThat(names(session.query(User.class).filter(User_.age.isNull()).all())).containsExactly("Eve");
            assertThat(session.query(User.class).filter(User_.age.isNotNull()).count()).isEqualTo(4);
        }
    }

    @Test
    void likeNotLikeAndPortableIlike() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).filter(User_.name.like("%ar%")).all())).containsExactly("Carol");
            assertThat(names(session.query(User.class).filter(User_.name.like("_o_")).all())).containsExactly("Bob");
            assertThat(names(session.query(User.class).filter(User_.name.notLike("%e")).orderBy(User_.name.asc()).all()))
                    .containsExactly("Bob", "Carol");
            assertThat(names(session.query(User.class).filter(User_.name.ilike("b%")).all())).containsExactly("Bob");
            assertThat(names(session.query(User.class).filter(User_.name.ilike("%A%")).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Carol", "Dave");
        }
    }

    @Test
    void andOrNot() {
        seedUsers();
        try (Session session = sessions.open()) {
            Predicate young = User_.age.lt(28);
            assertThat(names(session.query(User.class).filter(young.and(User_.name.eq("Dave"))).all())).containsExactly("Dave");
            assertThat(names(session.query(User.class).filter(young.or(User_.name.eq("Alice"))).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Bob", "Dave");
            assertThat(names(session.query(User.class).filter(young.not()).orderBy(User_.name.asc()).all()))
                    .as("NOT drops the null age, as SQL does").containsExactly("Alice", "Carol");
            assertThat(names(session.query(User.class).filter(Predicate.or(User_.name.eq("Eve"),
                    Predicate.and(User_.age.eq(25), User_.name.ne("Bob")))).orderBy(User_.name.asc()).all())).containsExactly("Dave", "Eve");
            assertThat(names(session.query(User.class).filter(young).filter(User_.name.ne("Bob")).all())).containsExactly("Dave");
        }
    }

    @Test
    void attributeAgainstAttributeAndArithmetic() {
        seedScores();
        try (Session session = sessions.open()) {
            assertThat(players(session.query(Score.class).filter(Score_.points.gt(Score_.bonus)).orderBy(Score_.player.asc()).all()))
                    .containsExactly("ann");
            assertThat(players(session.query(Score.class).filter(Score_.points.eq(Score_.bonus)).all())).containsExactly("ben");
            assertThat(players(session.query(Score.class).filter(Score_.points.plus(Score_.bonus).ge(12)).orderBy(Score_.player.asc()).all()))
                    .containsExactly("ann", "ben", "cid");
            assertThat(players(session.query(Score.class).filter(Score_.points.times(2).minus(1).eq(19)).all())).containsExactly("ann");
            assertThat(players(session.query(Score.class).filter(Score_.points.div(3).eq(4)).all())).containsExactly("dot");
        }
    }

    @Test
    void concatenationAndStringFunctions() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).filter(User_.name.concat("!").eq("Alice!")).all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).filter(Func.value("Dr. ").concat(User_.name).concat(".").eq("Dr. Eve.")).all()))
                    .containsExactly("Eve");
            assertThat(names(session.query(User.class).filter(Func.lower(User_.name).eq("alice")).all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).filter(Func.upper(User_.name).eq("BOB")).all())).containsExactly("Bob");
            assertThat(names(session.query(User.class).filter(Func.length(User_.name).eq(3)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Bob", "Eve");
        }
    }

    @Test
    void numberFunctionsCoalesceAndNow() {
        seedScores();
        try (Session session = sessions.open()) {
            assertThat(players(session.query(Score.class).filter(Func.coalesce(Score_.bonus, 0).eq(0)).all())).containsExactly("dot");
            assertThat(players(session.query(Score.class).filter(Func.coalesce(Score_.points, Score_.bonus).eq(1)).all()))
                    .containsExactly("eli");
            assertThat(players(session.query(Score.class).filter(Func.abs(Score_.points.minus(Score_.bonus)).eq(6)).all()))
                    .containsExactly("cid");
            Score ann = session.query(Score.class).filter(Score_.player.eq("ann")).one();
            Score ben = session.query(Score.class).filter(Score_.player.eq("ben")).one();
            ann.recorded = LocalDateTime.of(2000, 1, 1, 12, 0);
            ben.recorded = LocalDateTime.of(2999, 1, 1, 12, 0);
            assertThat(players(session.query(Score.class).filter(Score_.recorded.lt(Func.now())).all())).containsExactly("ann");
            assertThat(players(session.query(Score.class).filter(Score_.recorded.gt(Func.now())).all())).containsExactly("ben");
        }
    }

    @Test
    void caseExpressionOrdersAndFilters() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class)
                    .orderBy(Func.caseWhen(User_.name.eq("Carol"), 0).when(User_.age.isNull(), 1).otherwise(2).asc(), User_.name.asc())
                    .all())).containsExactly("Carol", "Eve", "Alice", "Bob", "Dave");
            assertThat(names(session.query(User.class)
                    .filter(Func.caseWhen(User_.age.lt(28), "young").otherwise("older").eq("young")).orderBy(User_.name.asc()).all()))
                    .containsExactly("Bob", "Dave");
        }
    }

    @Test
    void nullsFirstAndLastOnEveryDatabase() {
        seedUsers();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).orderBy(User_.age.asc().nullsFirst(), User_.name.asc()).all()))
                    .containsExactly("Eve", "Bob", "Dave", "Carol", "Alice");
            assertThat(names(session.query(User.class).orderBy(User_.age.asc().nullsLast(), User_.name.asc()).all()))
                    .containsExactly("Bob", "Dave", "Carol", "Alice", "Eve");
            assertThat(names(session.query(User.class).orderBy(User_.age.desc().nullsFirst(), User_.name.desc()).all()))
                    .containsExactly("Eve", "Alice", "Carol", "Dave", "Bob");
            assertThat(names(session.query(User.class).orderBy(User_.age.desc().nullsLast()).limit(1).all()))
                    .containsExactly("Alice");
        }
    }

    @Test
    void distinctExistsAndCount() {
        seedScores();
        try (Session session = sessions.open()) {
            assertThat(session.query(Score.class).distinct().filter(Score_.team.eq("red")).count()).isEqualTo(2);
            assertThat(players(session.query(Score.class).distinct().orderBy(Score_.player.desc()).limit(2).all()))
                    .containsExactly("eli", "dot");
            assertThat(session.query(Score.class).filter(Score_.points.gt(11)).exists()).isTrue();
            assertThat(session.query(Score.class).filter(Score_.points.gt(12)).exists()).isFalse();
        }
        List<String> statements = sql.takeStatements();
        assertThat(statements).contains("SELECT EXISTS (SELECT * FROM scores WHERE scores.points > ?)  [11]");
    }

    @Test
    void existsSeesObjectsAddedInTheSession() {
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).exists()).isFalse();
            session.add(new User("Zoe", 9));
            assertThat(session.query(User.class).filter(User_.name.eq("Zoe")).exists()).as("flushed first").isTrue();
        }
    }

    @Test
    void streamReadsLazilyIntoTheIdentityMapAndClosesItsCursor() {
        List<User> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(new User("user" + i, i % 90));
        }
        try (Session session = sessions.open()) {
            session.addAll(many);
            session.commit();
            User first = session.query(User.class).filter(User_.name.eq("user0")).one();
            try (Stream<User> users = session.query(User.class).filter(User_.age.lt(45)).orderBy(User_.id.asc()).stream()) {
                List<User> read = users.toList();
                assertThat(read).hasSize(1_200 / 90 * 45 + Math.min(1_200 % 90, 45));
                assertThat(read.get(0)).isSameAs(first);
            }
            try (Stream<User> users = session.query(User.class).orderBy(User_.id.asc()).stream()) {
                assertThat(users.limit(3).map(user -> user.name)).containsExactly("user0", "user1", "user2");
            }
            assertThat(session.query(User.class).count()).as("the session goes on after a stream closed early").isEqualTo(1_200);
        }
    }

    @Test
    void reservedWordsAsTableAndColumnNames() {
        try (Session session = sessions.open()) {
            session.addAll(new Purchase("ann", "admins", 2), new Purchase("ben", "users", 1), new Purchase("cid", "admins", 3));
            session.commit();
            assertThat(session.query(Purchase.class).filter(Purchase_.group.eq("admins")).orderBy(Purchase_.order.desc()).all())
                    .extracting(purchase -> purchase.user).containsExactly("cid", "ann");
            assertThat(session.query(Purchase.class).filterBy("user", "ben").one().order).isEqualTo(1);
            assertThat(session.query(Purchase.class).filter(Purchase_.user.ilike("A%")).exists()).isTrue();
            Purchase ben = session.query(Purchase.class).filter(Purchase_.user.eq("ben")).one();
            ben.group = "admins";
            session.commit();
        }
        assertThat(count(quotedName("order"))).isEqualTo(3);
    }

    @Test
    void hostileValuesRoundTripAndHostileAttributeNamesAreRejected() {
        List<String> hostile = List.of("O'Brien", "'; DROP TABLE users; --", "back\\slash\\", "nul\u0000byte", "emoji 🐍🎉",
                "\" OR \"1\"=\"1", "%_wildcards_%");
        List<String> values = hostile.stream().filter(value -> !value.contains("\u0000") || database().has(dev.retort.it.Capability.NUL_IN_TEXT))
                .toList();
        try (Session session = sessions.open()) {
            for (String value : values) {
                session.add(new User(value, 1));
            }
            session.commit();
        }
        sql.take();
        try (Session session = sessions.open()) {
            for (String value : values) {
                User found = session.query(User.class).filter(User_.name.eq(value)).one();
                assertThat(found.name).isEqualTo(value);
                assertThat(session.query(User.class).filterBy("name", value).one()).isSameAs(found);
                assertThat(session.query(User.class).filter(User_.name.in(value, "x")).one()).isSameAs(found);
            }
            for (String name : hostile) {
                assertThatThrownBy(() -> session.query(User.class).filterBy(name, "x")).isInstanceOf(MappingException.class)
                        .hasMessage("User has no attribute '" + name + "'. Its attributes are: id, name, age. To fix this, use one "
                                + "of these field names (names of Java fields, not of columns).");
                assertThatThrownBy(() -> Attr.of(User.class, name)).isInstanceOf(MappingException.class)
                        .hasMessageStartingWith("User has no attribute '" + name + "'.");
            }
        }
        assertThat(sql.takeStatements()).hasSize(values.size() * 3)
                .allMatch(statement -> statement.startsWith("SELECT id, name, age FROM users WHERE name "));
        assertThat(count("users")).isEqualTo(values.size());
    }

    @Test
    void errorsSayWhatToDo() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> User_.age.gt((Integer) null)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("User.age.gt(null): SQL compares nothing with NULL. To fix this, use isNull() or isNotNull(), "
                            + "or eq(null) / ne(null), which mean the same.");
            assertThatThrownBy(() -> session.query(User.class).filter(Attr.of(User.class, "age").eq("thirty")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("User.age is a java.lang.Integer, but the value given is the String \"thirty\". "
                            + "To fix this, pass an Integer.");
            assertThatThrownBy(() -> session.query(User.class).filter(Score_.points.gt(1)).all()).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("query(User) uses columns of Score (table scores), which it does not read. To fix this, join it: "
                            + ".join(Score.class, condition), or use it in a subquery.");
            assertThatThrownBy(() -> session.query(User.class).filter(null)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("filter(null) on query(User): there is no condition. To fix this, pass a condition such as "
                            + "User_.name.eq(\"...\").");
            assertThatThrownBy(() -> session.query(User.class).filter(User_.age.eq(25)).filter(User_.name.ilike("x%")).one())
                    .hasMessage("one() found no row for query(User) where User.age = 25 and User.name ILIKE 'x%'; it expects "
                            + "exactly one. To fix this, use oneOrNull() or first() where no row is a normal outcome.");
        }
    }

    protected String quotedName(String name) {
        return engine.dialect().quote(name);
    }
}
