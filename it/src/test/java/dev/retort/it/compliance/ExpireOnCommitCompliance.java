package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.it.model.User;
import dev.retort.it.model.blog.Article;
import dev.retort.it.model.blog.Author;
import dev.retort.it.model.blog.Comment;
import dev.retort.it.model.blog.Profile;
import dev.retort.it.model.blog.Tag;

/**
 * SQLAlchemy's expire-on-commit: a long-lived session reads what other transactions committed after its
 * own commit or rollback, through the same instances, and keeps what the code changed since.
 */
abstract class ExpireOnCommitCompliance extends DatabaseTest {

    @Override
    protected Metadata metadata() {
        return Metadata.of(User.class, Author.class, Article.class, Comment.class, Tag.class, Profile.class);
    }

    private long aliceAged30() {
        try (Session session = sessions.open()) {
            User alice = new User("Alice", 30);
            session.add(alice);
            session.commit();
            return alice.id;
        }
    }

    /** Ann, who wrote "First"; returns her id. */
    private long annWithOneArticle() {
        try (Session session = sessions.open()) {
            Author author = new Author("Ann");
            author.write("First");
            session.add(author);
            session.commit();
            return author.id;
        }
    }

    /** Another session changes Alice's age and commits. */
    private void elsewhereSetAge(long id, int age) {
        try (Session other = sessions.open()) {
            other.get(User.class, id).age = age;
            other.commit();
        }
    }

    @Test
    void getAfterCommitReadsWhatAnotherSessionCommitted() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            elsewhereSetAge(id, 99);
            sql.take();
            assertThat(session.get(User.class, id)).as("one instance per row").isSameAs(alice);
            assertThat(alice.age).as("the instance the code holds is refreshed").isEqualTo(99);
            assertThat(sql.takeStatements()).as("get of an expired object reads the row").hasSize(1);
            session.get(User.class, id);
            assertThat(sql.takeStatements()).as("once refreshed, the identity map answers").isEmpty();
        }
    }

    @Test
    void queryAfterCommitRefreshesTheInstances() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.query(User.class).one();
            session.commit();
            elsewhereSetAge(id, 99);
            List<User> all = session.query(User.class).all();
            assertThat(all).containsExactly(alice);
            assertThat(alice.age).isEqualTo(99);
        }
    }

    @Test
    void rollbackExpiresToo() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            alice.age = 31;
            session.rollback();
            assertThat(alice.age).as("rollback puts the database's state back").isEqualTo(30);
            elsewhereSetAge(id, 77);
            assertThat(session.get(User.class, id).age).isEqualTo(77);
        }
    }

    @Test
    void aChangeMadeAfterCommitIsWrittenAndSurvivesTheRefresh() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            try (Session other = sessions.open()) {
                other.get(User.class, id).name = "Alicia";
                other.commit();
            }
            alice.age = 41;
            // get() reads the expired row without flushing first (a query would write age first: autoflush).
            assertThat(session.get(User.class, id)).isSameAs(alice);
            assertThat(alice.name).as("a field the code left alone takes the database's value").isEqualTo("Alicia");
            assertThat(alice.age).as("a field the code changed keeps the code's value").isEqualTo(41);
            sql.take();
            session.commit();
            assertThat(sql.takeStatements()).filteredOn(line -> line.startsWith("UPDATE"))
                    .containsExactly("UPDATE users SET age = ? WHERE id = ?  [41, " + id + "]");
        }
        assertThat(rows("SELECT name, age FROM users")).containsExactly(List.of("Alicia", "41"));
    }

    @Test
    void aQueryFlushesAChangeMadeAfterCommitBeforeReading() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            alice.age = 42;
            sql.take();
            assertThat(session.query(User.class).filterBy("age", 42).all()).containsExactly(alice);
            List<String> statements = sql.takeStatements();
            assertThat(statements).hasSize(2);
            assertThat(statements.get(0)).isEqualTo("UPDATE users SET age = ? WHERE id = ?  [42, " + id + "]");
            assertThat(statements.get(1)).startsWith("SELECT");
        }
    }

    @Test
    void aChangeToAnExpiredObjectIsFlushedWithoutAReload() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            alice.age = 35;
            session.commit();
        }
        assertThat(rows("SELECT age FROM users")).containsExactly(List.of("35"));
    }

    @Test
    void loadedCollectionsLoadAgainOnNextUse() {
        long authorId = annWithOneArticle();
        try (Session session = sessions.open()) {
            Author ann = session.get(Author.class, authorId);
            assertThat(ann.articles).extracting(article -> article.title).containsExactly("First");
            session.commit();
            try (Session other = sessions.open()) {
                other.get(Author.class, authorId).write("Second");
                other.commit();
            }
            assertThat(ann.articles).extracting(article -> article.title).containsExactly("First", "Second");
        }
    }

    @Test
    void objectsReturnedFromACommittedTransactionKeepTheirStateAfterClose() {
        annWithOneArticle();
        Author ann = sessions.inTransaction(session -> {
            Author loaded = session.query(Author.class).one();
            assertThat(loaded.articles).hasSize(1);
            return loaded;
        });
        assertThat(ann.name).isEqualTo("Ann");
        assertThat(ann.articles).as("a closed session cannot reload: the elements stay as they were loaded")
                .extracting(article -> article.title).containsExactly("First");
    }

    @Test
    void aCollectionChangedAfterCommitKeepsTheChangeThroughARefresh() {
        long authorId = annWithOneArticle();
        try (Session session = sessions.open()) {
            Author ann = session.get(Author.class, authorId);
            session.commit();
            ann.write("Added after commit");
            assertThat(session.get(Author.class, authorId)).isSameAs(ann);
            assertThat(ann.articles).extracting(article -> article.title).containsExactly("First", "Added after commit");
            session.commit();
        }
        assertThat(rows("SELECT title FROM articles ORDER BY title")).containsExactly(List.of("Added after commit"), List.of("First"));
    }

    @Test
    void aToOneReferenceFollowsTheRow() {
        long articleId;
        long bobId;
        try (Session session = sessions.open()) {
            Author ann = new Author("Ann");
            Author bob = new Author("Bob");
            Article article = ann.write("Moved");
            session.addAll(ann, bob);
            session.commit();
            articleId = article.id;
            bobId = bob.id;
        }
        try (Session session = sessions.open()) {
            Article article = session.get(Article.class, articleId);
            assertThat(article.author.name).isEqualTo("Ann");
            session.commit();
            execute("UPDATE articles SET author_id = " + bobId + " WHERE id = " + articleId);
            assertThat(session.query(Article.class).one()).isSameAs(article);
            assertThat(article.author).isSameAs(session.get(Author.class, bobId));
            assertThat(article.author.name).isEqualTo("Bob");
        }
    }

    @Test
    void expireDiscardsUnflushedChangesAndKeepsLaterOnes() {
        long id = aliceAged30();
        try (Session session = sessions.withExpireOnCommit(false).open()) {
            User alice = session.get(User.class, id);
            alice.age = 31;
            session.expire(alice);
            assertThat(alice.age).as("the unflushed change is discarded").isEqualTo(30);
            alice.name = "Alicia";
            assertThat(session.get(User.class, id)).isSameAs(alice);
            assertThat(alice.name).as("a change made after expire survives the reload").isEqualTo("Alicia");
            session.commit();
        }
        assertThat(rows("SELECT name, age FROM users")).containsExactly(List.of("Alicia", "30"));
    }

    @Test
    void refreshStillDiscardsChanges() {
        long id = aliceAged30();
        try (Session session = sessions.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            elsewhereSetAge(id, 60);
            alice.age = 31;
            session.refresh(alice);
            assertThat(alice.age).isEqualTo(60);
        }
    }

    @Test
    void turnedOffTheSessionAnswersFromWhatItHolds() {
        long id = aliceAged30();
        SessionFactory keeping = sessions.withExpireOnCommit(false);
        try (Session session = keeping.open()) {
            User alice = session.get(User.class, id);
            session.commit();
            elsewhereSetAge(id, 99);
            sql.take();
            assertThat(session.get(User.class, id)).isSameAs(alice);
            assertThat(alice.age).isEqualTo(30);
            assertThat(session.query(User.class).one().age).as("a query keeps the instance's state").isEqualTo(30);
            assertThat(sql.takeStatements()).as("get answers from the identity map").hasSize(1);
            session.refresh(alice);
            assertThat(alice.age).isEqualTo(99);
        }
    }
}
