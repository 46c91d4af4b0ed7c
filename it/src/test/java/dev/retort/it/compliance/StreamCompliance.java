package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.retort.DetachedInstanceException;
import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;
import dev.retort.it.model.blog.Article;
import dev.retort.it.model.blog.Article_;
import dev.retort.it.model.blog.Author;
import dev.retort.it.model.blog.Category;
import dev.retort.it.model.blog.Comment;
import dev.retort.it.model.blog.Profile;
import dev.retort.it.model.blog.Tag;
import dev.retort.it.model.inheritance.Car;
import dev.retort.it.model.inheritance.Circle;
import dev.retort.it.model.inheritance.Shape;
import dev.retort.it.model.inheritance.SportsCar;
import dev.retort.it.model.inheritance.Square;
import dev.retort.it.model.inheritance.Truck;
import dev.retort.it.model.inheritance.Vehicle;

/**
 * {@code stream()} holds one batch of objects (issue #12): what stays in the session, what leaves it and
 * when, for plain rows, related objects loaded with a batch, changed objects, and polymorphic rows.
 */
abstract class StreamCompliance extends DatabaseTest {

    @Override
    protected Metadata metadata() {
        return Metadata.of(User.class, Comment.class, Article.class, Author.class, Profile.class, Tag.class, Category.class,
                Vehicle.class, Car.class, Truck.class, SportsCar.class, Shape.class, Circle.class, Square.class);
    }

    @Test
    void streamedObjectsLeaveTheSessionWithTheirBatchAndEarlierOnesStay() {
        seedUsers();
        try (Session session = sessions.open()) {
            User bob = session.query(User.class).filterBy("name", "Bob").one();
            User alice;
            User carol;
            User eve;
            try (Stream<User> users = session.query(User.class).orderBy(User_.name.asc()).yieldPer(2).stream()) {
                Iterator<User> iterator = users.iterator();
                alice = iterator.next();
                assertThat(iterator.next()).as("loaded before the stream: the same instance").isSameAs(bob);
                assertThat(session.contains(alice)).as("in the current batch").isTrue();
                assertThat(session.get(User.class, alice.id)).as("one instance per row within a batch").isSameAs(alice);
                carol = iterator.next();
                assertThat(session.contains(alice)).as("its batch has passed").isFalse();
                assertThat(session.contains(bob)).as("in the session before the stream").isTrue();
                assertThat(session.contains(carol)).isTrue();
                assertThat(iterator.next().name).isEqualTo("Dave");
                eve = iterator.next();
                assertThat(session.contains(carol)).isFalse();
                assertThat(session.contains(eve)).isTrue();
            }
            assertThat(session.contains(eve)).as("the stream is closed").isFalse();
            assertThat(session.contains(bob)).isTrue();
            assertThat(session.get(User.class, alice.id)).as("loaded anew").isNotSameAs(alice).extracting(user -> user.name)
                    .isEqualTo("Alice");
        }
    }

    @Test
    void aStreamReadToItsEndLeavesOnlyWhatWasThereBefore() {
        seedUsers();
        try (Session session = sessions.open()) {
            User dave = session.query(User.class).filterBy("name", "Dave").one();
            List<User> read;
            try (Stream<User> users = session.query(User.class).orderBy(User_.name.asc()).stream()) {
                read = users.toList();
            }
            assertThat(read).extracting(user -> user.name).containsExactly("Alice", "Bob", "Carol", "Dave", "Eve");
            assertThat(read).filteredOn(session::contains).containsExactly(dave);
        }
    }

    @Test
    void changedAndDeletedObjectsStayForTheNextFlushChangesAfterTheirBatchAreNotSaved() {
        seedUsers();
        try (Session session = sessions.open()) {
            User alice;
            User carol;
            try (Stream<User> users = session.query(User.class).orderBy(User_.name.asc()).yieldPer(1).stream()) {
                Iterator<User> iterator = users.iterator();
                alice = iterator.next();
                alice.age = 31;
                User bob = iterator.next();
                session.delete(bob);
                carol = iterator.next();
                iterator.next();
                assertThat(session.contains(alice)).as("changed in its batch").isTrue();
                assertThat(session.contains(bob)).as("deleted in its batch: the flush deletes it").isTrue();
                assertThat(session.contains(carol)).isFalse();
                carol.age = 99;
            }
            session.commit();
            assertThat(session.contains(alice)).isTrue();
        }
        assertThat(rows("SELECT name, age FROM users ORDER BY name")).containsExactly(List.of("Alice", "31"),
                List.of("Carol", "28"), List.of("Dave", "25"), java.util.Arrays.asList("Eve", null));
    }

    @Test
    void yieldPerNeedsAtLeastOneRow() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.query(User.class).filterBy("name", "Bob").yieldPer(0))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("yieldPer(0) on query(User) where name = 'Bob': a stream needs at least one row per batch. "
                            + "To fix this, pass the number of rows the stream may hold in the session at a time, such as "
                            + "yieldPer(500), the default.");
        }
    }

    /** Alice wrote Alpha (comments a1, a2) and Beta (b1) and has a profile; Bob wrote Gamma. */
    private void seedBlog() {
        Author alice = new Author("Alice");
        Article alpha = alice.write("Alpha");
        alpha.comment("a1");
        alpha.comment("a2");
        alice.write("Beta").comment("b1");
        alice.profile = new Profile("likes SQL");
        alice.profile.author = alice;
        Author bob = new Author("Bob");
        bob.write("Gamma");
        try (Session session = sessions.open()) {
            session.addAll(alice, bob);
            session.commit();
        }
        sql.take();
    }

    @Test
    void relatedObjectsLoadedWithABatchLeaveWithIt() {
        seedBlog();
        try (Session session = sessions.open()) {
            Author bob = session.query(Author.class).filterBy("name", "Bob").one();
            try (Stream<Article> articles = session.query(Article.class).options(Load.selectIn(Article_.comments))
                    .orderBy(Article_.title.asc()).yieldPer(2).stream()) {
                Iterator<Article> iterator = articles.iterator();
                Article alpha = iterator.next();
                Article beta = iterator.next();
                Author alice = alpha.author;
                assertThat(beta.author).as("one instance per row within a batch").isSameAs(alice);
                assertThat(alpha.comments).extracting(comment -> comment.body).containsExactly("a2", "a1");
                assertThat(List.of(alice, alice.profile, alpha.comments.get(0), beta.comments.get(0))).allMatch(session::contains);
                Article gamma = iterator.next();
                assertThat(List.of(alpha, alice, alice.profile, alpha.comments.get(0), beta.comments.get(0)))
                        .noneMatch(session::contains);
                assertThat(gamma.author).as("loaded before the stream").isSameAs(bob);
                assertThatThrownBy(() -> alice.articles.size()).isInstanceOf(DetachedInstanceException.class)
                        .hasMessage("Cannot load Author#" + alice.id + ".articles: its session is closed (or the object was "
                                + "removed from it), and the collection was never loaded. To fix this, load it with the "
                                + "query that reads the Author objects: .options(Load.selectIn(Author_.articles)), or read "
                                + "it while the session is open.");
            }
            assertThat(session.contains(bob)).isTrue();
        }
    }

    @Test
    void aChangedObjectKeepsTheObjectsOfItsBatchItRefersTo() {
        seedBlog();
        try (Session session = sessions.open()) {
            Article alpha;
            try (Stream<Article> articles = session.query(Article.class).orderBy(Article_.title.asc()).yieldPer(1).stream()) {
                Iterator<Article> iterator = articles.iterator();
                alpha = iterator.next();
                alpha.title = "Alpha, revised";
                Article beta = iterator.next();
                assertThat(beta.author).as("kept in the session, so the next batch finds it").isSameAs(alpha.author);
                iterator.next();
                assertThat(session.contains(beta)).isFalse();
            }
            assertThat(session.contains(alpha)).isTrue();
            assertThat(session.contains(alpha.author)).as("the flush needs the author in the session").isTrue();
            session.commit();
        }
        assertThat(rows("SELECT title FROM articles ORDER BY title")).containsExactly(List.of("Alpha, revised"), List.of("Beta"),
                List.of("Gamma"));
    }

    @Test
    void polymorphicStreamsHoldOneBatch() {
        try (Session session = sessions.open()) {
            session.addAll(new Car("Fiat", 4), new Truck("Volvo", 12.5), new SportsCar("Ferrari", 2, 320),
                    new Circle(1, "sun", 5.5), new Square(2, "box", 2.5), new Circle(3, "dot", 0.5));
            session.commit();
        }
        try (Session session = sessions.open()) {
            try (Stream<Vehicle> vehicles = session.query(Vehicle.class).yieldPer(1).stream()) {
                Iterator<Vehicle> iterator = vehicles.iterator();
                Vehicle first = iterator.next();
                assertThat(session.contains(first)).isTrue();
                Vehicle second = iterator.next();
                assertThat(session.contains(first)).isFalse();
                assertThat(List.of(first, second, iterator.next())).extracting(vehicle -> vehicle.getClass().getSimpleName())
                        .containsExactlyInAnyOrder("Car", "Truck", "SportsCar");
            }
            sql.take();
            Shape[] read = new Shape[3];
            try (Stream<Shape> shapes = session.query(Shape.class).yieldPer(2).stream()) {
                Iterator<Shape> iterator = shapes.iterator();
                for (int i = 0; i < 3; i++) {
                    read[i] = iterator.next();
                }
                assertThat(iterator.hasNext()).isFalse();
            }
            assertThat(read).extracting(shape -> shape.label).containsExactlyInAnyOrder("sun", "dot", "box");
            assertThat(read).noneMatch(session::contains);
            assertThat(sql.takeStatements()).as("a cursor per table of the TABLE_PER_CLASS hierarchy").containsExactly(
                    "SELECT id, label, radius FROM inh_circles shape", "SELECT id, label, side FROM inh_squares shape");
            try (Stream<Shape> shapes = session.query(Shape.class).limit(2).stream()) {
                assertThat(shapes.count()).as("the limit holds across the tables").isEqualTo(2);
            }
        }
    }
}
