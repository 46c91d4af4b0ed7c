package dev.retort.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.LazyLoadGuard;
import dev.retort.Load;
import dev.retort.Metadata;
import dev.retort.Relation;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.Statistics;

/** Session and factory statistics, counted on H2: statements, rows, objects, flushes, transactions, N+1 warnings. */
class StatisticsTest {
    @Entity
    @Table(name = "shelves")
    public static class Shelf {
        @Id
        Long id;
        String name;
        @OneToMany(mappedBy = "shelf")
        List<Book> books = new ArrayList<>();

        protected Shelf() {
        }

        Shelf(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    @Table(name = "books")
    public static class Book {
        @Id
        Long id;
        String title;
        @ManyToOne
        Shelf shelf;

        protected Book() {
        }

        Book(long id, String title, Shelf shelf) {
            this.id = id;
            this.title = title;
            this.shelf = shelf;
        }
    }

    /** The target of a lazy many-to-one: private fields read through methods, so that a stand-in can load it. */
    @Entity
    @Table(name = "authors")
    public static class Author {
        @Id
        private Long id;
        private String name;

        protected Author() {
        }

        Author(long id, String name) {
            this.id = id;
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    @Entity
    @Table(name = "essays")
    public static class Essay {
        @Id
        Long id;
        @ManyToOne(fetch = FetchType.LAZY)
        Author author;

        protected Essay() {
        }

        Essay(long id, Author author) {
            this.id = id;
            this.author = author;
        }
    }

    private final LogRecorder loading = new LogRecorder("dev.retort.loading");
    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        engine = Engine.create("h2:mem:statistics-" + System.nanoTime(), Map.of("metrics", "false", "tracing", "false"));
        Metadata metadata = Metadata.of(Shelf.class, Book.class, Author.class, Essay.class);
        metadata.createAll(engine);
        sessions = SessionFactory.of(engine, metadata).withLazyLoadGuard(LazyLoadGuard.warnAbove(3));
    }

    @AfterEach
    void close() {
        engine.close();
        loading.close();
    }

    /** Five shelves of two books each, in one transaction: two batched INSERTs of one flush. */
    private void fillShelves(Session session) {
        for (long shelf = 1; shelf <= 5; shelf++) {
            Shelf added = new Shelf(shelf, "shelf " + shelf);
            session.add(added);
            session.add(new Book(shelf * 10, "first on " + shelf, added));
            session.add(new Book(shelf * 10 + 1, "second on " + shelf, added));
        }
    }

    @Test
    void aSessionCountsWhatItWroteAndItsFactoryAddsItUpWhenItCloses() {
        Statistics written;
        try (Session session = sessions.open()) {
            fillShelves(session);
            session.commit();
            written = session.statistics();
            assertThat(sessions.statistics()).isEqualTo(Statistics.NONE);
        }

        assertThat(written).isEqualTo(new Statistics(2, 0, 0, 15, 0, 0, 1, 1, 0, 0));
        assertThat(sessions.statistics()).isEqualTo(written);
    }

    @Test
    void updatesDeletesAndRollbacksAreCounted() {
        sessions.useTransaction(this::fillShelves);
        try (Session session = sessions.open()) {
            Book first = session.get(Book.class, 10L);
            first.title = "renamed";
            session.delete(session.get(Book.class, 11L));
            session.commit();
            session.get(Book.class, 20L).title = "never written";
            session.rollback();

            // Book 10 and its shelf (a to-one loads with its object), book 11 (same shelf): three SELECTs of a row each;
            // the flush: one UPDATE, one DELETE; then book 20 and its shelf: two more SELECTs, and nothing written.
            assertThat(session.statistics()).isEqualTo(new Statistics(7, 5, 5, 0, 1, 1, 1, 2, 0, 0));
        }
        assertThat(sessions.statistics().entitiesInserted()).isEqualTo(15);
        assertThat(sessions.statistics().transactions()).isEqualTo(3);
    }

    @Test
    void lazyLoadsOnePerParentPastTheGuardGiveOneWarningAndCountIt() {
        sessions.useTransaction(this::fillShelves);
        try (Session session = sessions.open()) {
            for (Shelf shelf : session.query(Shelf.class).orderBy("id").all()) {
                assertThat(shelf.books).hasSize(2);
            }
            // One query for the shelves (5 rows), one per shelf for its books (2 rows each).
            assertThat(session.statistics()).isEqualTo(new Statistics(6, 15, 15, 0, 0, 0, 0, 0, 1, 0));
        }
        assertThat(loading.warnings()).containsExactly("WARNING Shelf.books was lazily loaded for 4 "
                + "Shelf objects in this session, one query each (the N+1 problem). To load them together, add "
                + ".options(Load.selectIn(Shelf_.books)) to the query that reads the Shelf objects (one more query), or "
                + ".options(Load.joined(Shelf_.books)) (a LEFT JOIN in that query, which then cannot use limit, offset or "
                + "first()).");
    }

    @Test
    void aLazyManyToOneLoadedPerObjectNamesBothLoaderOptions() {
        sessions.useTransaction(session -> {
            for (long id = 1; id <= 5; id++) {
                Author author = new Author(id, "author " + id);
                session.add(author);
                session.add(new Essay(id, author));
            }
        });
        try (Session session = sessions.open()) {
            for (Essay essay : session.query(Essay.class).orderBy("id").all()) {
                assertThat(essay.author.getName()).isEqualTo("author " + essay.id);
            }
        }
        assertThat(loading.warnings()).containsExactly("WARNING Essay.author was lazily loaded for 4 "
                + "Essay objects in this session, one query each (the N+1 problem). To load them together, add "
                + ".options(Load.selectIn(Essay_.author)) to the query that reads the Essay objects (one more query), or "
                + ".options(Load.joined(Essay_.author)) (a LEFT JOIN in that query).");
    }

    @Test
    void loadingTheRelationshipWithTheQueryGivesNoWarning() {
        sessions.useTransaction(this::fillShelves);
        try (Session session = sessions.open()) {
            List<Shelf> shelves = session.query(Shelf.class).options(Load.selectIn(
                    Relation.of(Shelf.class, "books"))).all();
            shelves.forEach(shelf -> assertThat(shelf.books).hasSize(2));
            assertThat(session.statistics()).isEqualTo(new Statistics(2, 15, 15, 0, 0, 0, 0, 0, 0, 0));
        }
        assertThat(loading.warnings()).isEmpty();
    }
}
