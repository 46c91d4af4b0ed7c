package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.ConstraintViolationException;
import dev.retort.DetachedInstanceException;
import dev.retort.Func;
import dev.retort.InvalidRequestException;
import dev.retort.LazyLoadGuard;
import dev.retort.Load;
import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.UnsupportedFeatureException;
import dev.retort.it.ExpectedLog;
import dev.retort.it.model.blog.Article;
import dev.retort.it.model.blog.Article_;
import dev.retort.it.model.blog.Author;
import dev.retort.it.model.blog.Author_;
import dev.retort.it.model.blog.Book;
import dev.retort.it.model.blog.Book_;
import dev.retort.it.model.blog.Category;
import dev.retort.it.model.blog.Category_;
import dev.retort.it.model.blog.Comment;
import dev.retort.it.model.blog.Hamster;
import dev.retort.it.model.blog.Owner;
import dev.retort.it.model.blog.Owner_;
import dev.retort.it.model.blog.Parrot;
import dev.retort.it.model.blog.Pet;
import dev.retort.it.model.blog.Profile;
import dev.retort.it.model.blog.Visit;
import dev.retort.it.model.blog.Publisher;
import dev.retort.it.model.blog.Tag;
import dev.retort.it.model.blog.Tag_;

/**
 * Relationships on a real database: foreign keys in the schema, the unit of work's ordering (parents
 * first, trees level by level, cycles completed by a second UPDATE), cascades and orphan removal, both
 * sides kept consistent, and each loader option with the number of statements it issues.
 */
abstract class RelationshipCompliance extends DatabaseTest {

    @Override
    protected Metadata metadata() {
        return Metadata.of(Comment.class, Article.class, Author.class, Profile.class, Tag.class, Category.class,
                Publisher.class, Book.class, Owner.class, Pet.class, Parrot.class, Hamster.class, Visit.class);
    }

    private long seedBlog() {
        Author alice = new Author("Alice");
        alice.write("Beta").comment("b1");
        Article alpha = alice.write("Alpha");
        alpha.comment("a1");
        alpha.comment("a2");
        alice.profile = new Profile("likes SQL");
        alice.profile.author = alice;
        Author bob = new Author("Bob");
        bob.write("Gamma");
        Author carol = new Author("Carol");
        try (Session session = sessions.open()) {
            session.addAll(alice, bob, carol);
            session.commit();
        }
        sql.take();
        return alice.id;
    }

    @Test
    void aRelationshipComparesWithAnObjectByItsForeignKey() {
        seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.query(Author.class).filterBy("name", "Alice").one();
            Author bob = session.query(Author.class).filterBy("name", "Bob").one();
            Author carol = session.query(Author.class).filterBy("name", "Carol").one();
            sql.take();

            assertThat(session.query(Article.class).filter(Article_.author.eq(alice)).orderBy(Article_.title.asc()).all())
                    .extracting(article -> article.title).containsExactly("Alpha", "Beta");
            assertThat(sql.takeStatements()).containsExactly(
                    "SELECT id, title, author_id FROM articles WHERE author_id = ? ORDER BY title  [" + alice.id + "]");
            assertThat(session.query(Article.class).filter(Article_.author.in(bob, carol)).all())
                    .extracting(article -> article.title).containsExactly("Gamma");
            assertThat(session.query(Article.class).filter(Article_.author.ne(alice)).all())
                    .extracting(article -> article.title).containsExactly("Gamma");
            assertThat(session.query(Article.class).filter(Article_.author.isNull()).count()).isZero();
            assertThat(session.query(Article.class).filter(Article_.author.isNotNull()).count()).isEqualTo(3);
            assertThat(Article_.author.eq(alice).toString()).isEqualTo("Article.author = Author#" + alice.id);

            assertThatThrownBy(() -> Article_.author.eq(new Author("Dave")))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Article.author.eq(...) got a new Author, which has no id yet, so no row can refer to it. "
                            + "To fix this, add it to the session and flush (or commit) first.");
            assertThatThrownBy(() -> Author_.articles.eq(null))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Author.articles cannot be compared with an object: only the owning side of a @ManyToOne or "
                            + "@OneToOne holds the foreign key, and Author.articles is a one-to-many side without one. To fix "
                            + "this, compare from the owning side (Article_.<its reference>.eq(...)), or join along the "
                            + "relationship (query.join(Author_.articles)) and filter on the other entity's attributes.");
        }
    }

    @Test
    void createAllDeclaresTheForeignKeys() {
        assertThat(count("articles")).isZero();
        String unknownAuthor = "INSERT INTO articles (title, author_id) VALUES ('x', 999)";
        assertThatThrownBy(() -> execute(unknownAuthor)).isInstanceOf(AssertionError.class)
                .hasMessage("Statement failed: " + unknownAuthor);
        String linkToNothing = "INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1)";
        assertThatThrownBy(() -> execute(linkToNothing)).isInstanceOf(AssertionError.class)
                .hasMessage("Statement failed: " + linkToNothing);
        // Loads query by the foreign keys: each is indexed (by Retort, or by InnoDB itself on MariaDB).
        assertThat(indexedColumns("articles")).contains("author_id");
        assertThat(indexedColumns("comments")).contains("article_id");
        assertThat(indexedColumns("article_tags")).contains("article_id", "tag_id");
    }

    /** The first column of each index of a table, in lower case, as the driver's metadata reports them. */
    private java.util.Set<String> indexedColumns(String table) {
        java.util.Set<String> columns = new java.util.HashSet<>();
        try (java.sql.Connection connection = engine.connect()) {
            java.sql.DatabaseMetaData metaData = connection.getMetaData();
            for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
                try (java.sql.ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), name,
                        false, false)) {
                    while (indexes.next()) {
                        if (indexes.getShort("ORDINAL_POSITION") == 1 && indexes.getString("COLUMN_NAME") != null) {
                            columns.add(indexes.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("Cannot read the indexes of " + table, e);
        }
        return columns;
    }

    @Test
    void cascadeSavesTheWholeGraphParentsFirst() {
        seedBlog();
        assertThat(rows("SELECT a.name, p.title FROM authors a JOIN articles p ON p.author_id = a.id ORDER BY p.title"))
                .containsExactly(List.of("Alice", "Alpha"), List.of("Alice", "Beta"), List.of("Bob", "Gamma"));
        assertThat(rows("SELECT c.body, p.title FROM comments c JOIN articles p ON c.article_id = p.id ORDER BY c.body"))
                .containsExactly(List.of("a1", "Alpha"), List.of("a2", "Alpha"), List.of("b1", "Beta"));
        assertThat(rows("SELECT p.bio, a.name FROM profiles p JOIN authors a ON p.author_id = a.id"))
                .containsExactly(List.of("likes SQL", "Alice"));
    }

    @Test
    void insertsGoOneBatchPerTableInForeignKeyOrder() {
        Author alice = new Author("Alice");
        alice.write("One").comment("c1");
        alice.write("Two").comment("c2");
        try (Session session = sessions.open()) {
            session.add(alice);
            session.commit();
        }
        assertThat(sql.takeStatements()).containsExactly(
                generatedKeyInsert("INSERT INTO authors (name) VALUES (?)", 1) + "  [Alice]",
                generatedKeyInsert("INSERT INTO articles (title, author_id) VALUES (?, ?)", 2),
                generatedKeyInsert("INSERT INTO comments (body, article_id) VALUES (?, ?)", 2));
    }

    @Test
    void addingToACollectionSetsTheOwningSide() {
        long aliceId = seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.get(Author.class, aliceId);
            Article added = new Article("Delta");
            alice.articles.add(added);
            session.commit();
            assertThat(added.author).isSameAs(alice);
        }
        assertThat(rows("SELECT title FROM articles WHERE author_id = " + aliceId + " ORDER BY title"))
                .containsExactly(List.of("Alpha"), List.of("Beta"), List.of("Delta"));
    }

    @Test
    void changingTheOwningSideMovesTheObjectBetweenLoadedCollections() {
        seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.query(Author.class).filterBy("name", "Alice").one();
            Author bob = session.query(Author.class).filterBy("name", "Bob").one();
            Article beta = alice.articles.get(1);
            assertThat(beta.title).isEqualTo("Beta");
            assertThat(bob.articles).extracting(article -> article.title).containsExactly("Gamma");
            beta.author = bob;
            session.flush();
            assertThat(alice.articles).extracting(article -> article.title).containsExactly("Alpha");
            assertThat(bob.articles).extracting(article -> article.title).containsExactly("Gamma", "Beta");
            session.commit();
        }
        assertThat(rows("SELECT p.title FROM articles p JOIN authors a ON p.author_id = a.id WHERE a.name = 'Bob' ORDER BY p.title"))
                .containsExactly(List.of("Beta"), List.of("Gamma"));
    }

    @Test
    void orphanRemovalDeletesWhatLeavesTheCollection() {
        long aliceId = seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.get(Author.class, aliceId);
            Article alpha = alice.articles.remove(0);
            assertThat(alpha.title).isEqualTo("Alpha");
            session.commit();
            assertThat(session.contains(alpha)).isFalse();
        }
        // Alpha's comments went with it (Article.comments cascades REMOVE).
        assertThat(rows("SELECT title FROM articles ORDER BY title")).containsExactly(List.of("Beta"), List.of("Gamma"));
        assertThat(rows("SELECT body FROM comments")).containsExactly(List.of("b1"));
    }

    /**
     * A loaded collection left unchanged is not compared at flush; each way of changing one must therefore
     * mark it changed: replacing an element, adding several, an iterator's removal, clearing, and on a set
     * retainAll and add. Each change is flushed in the same session, one commit after the other.
     */
    @Test
    void everyWayOfChangingALoadedCollectionIsFlushed() {
        long aliceId = seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.get(Author.class, aliceId);
            alice.articles.set(0, new Article("Aleph"));
            session.commit();
            assertThat(rows("SELECT title FROM articles WHERE author_id = " + aliceId + " ORDER BY title"))
                    .as("the replaced article removed as an orphan").containsExactly(List.of("Aleph"), List.of("Beta"));

            alice.articles.addAll(List.of(new Article("Delta"), new Article("Epsilon")));
            session.commit();
            assertThat(count("articles")).isEqualTo(5);

            java.util.Iterator<Article> articles = alice.articles.iterator();
            articles.next();
            articles.remove();
            session.commit();
            assertThat(rows("SELECT title FROM articles WHERE author_id = " + aliceId + " ORDER BY title"))
                    .containsExactly(List.of("Beta"), List.of("Delta"), List.of("Epsilon"));

            Article beta = alice.articles.get(0);
            Tag sql = new Tag("sql");
            Tag java = new Tag("java");
            session.addAll(sql, java);
            beta.tags.addAll(List.of(sql, java));
            session.commit();
            assertThat(tagsOf()).containsExactly(List.of("Beta", "java"), List.of("Beta", "sql"));

            beta.tags.retainAll(List.of(java));
            session.commit();
            assertThat(tagsOf()).containsExactly(List.of("Beta", "java"));

            alice.articles.clear();
            session.commit();
            assertThat(rows("SELECT title FROM articles ORDER BY title")).containsExactly(List.of("Gamma"));
        }
    }

    @Test
    void aFlushAfterACommitDoesNotLoadUnchangedCollectionsAgain() {
        long aliceId = seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.get(Author.class, aliceId);
            assertThat(alice.articles).hasSize(2);
            session.commit();
            sql.takeStatements();
            session.flush();
            assertThat(sql.takeStatements()).as("nothing to compare: the collection is as it was loaded").isEmpty();
            assertThat(alice.articles).extracting(article -> article.title).containsExactly("Alpha", "Beta");
            assertThat(sql.takeStatements()).as("read after the commit, it loads again").hasSize(1);
        }
    }

    @Test
    void withoutOrphanRemovalALeavingChildLosesItsParent() {
        Category root = new Category("root");
        Category child = root.child("child");
        try (Session session = sessions.open()) {
            session.add(root);
            session.commit();
            root.children.remove(child);
            session.commit();
            assertThat(child.parent).isNull();
        }
        assertThat(rows("SELECT name, parent_id FROM categories ORDER BY name"))
                .containsExactly(Arrays.asList("child", null), Arrays.asList("root", null));
    }

    @Test
    void cascadeRemoveDeletesChildrenBeforeParents() {
        long aliceId = seedBlog();
        try (Session session = sessions.open()) {
            session.delete(session.get(Author.class, aliceId));
            session.commit();
        }
        assertThat(rows("SELECT name FROM authors ORDER BY name")).containsExactly(List.of("Bob"), List.of("Carol"));
        assertThat(count("comments")).isZero();
        assertThat(count("profiles")).isZero();
        assertThat(rows("SELECT title FROM articles")).containsExactly(List.of("Gamma"));
    }

    @Test
    void deletingAParentStillReferencedFailsAndLosesNothing() {
        Category root = new Category("root");
        root.child("child");
        try (Session session = sessions.open()) {
            session.add(root);
            session.commit();
            session.delete(root);
            assertThatThrownBy(session::commit).isInstanceOf(ConstraintViolationException.class);
            session.rollback();
            assertThat(session.contains(root)).isTrue();
            assertThat(session.query(Category.class).count()).isEqualTo(2);
        }
    }

    @Test
    void aTreeIsInsertedLevelByLevel() {
        Category root = new Category("root");
        Category music = root.child("music");
        music.child("jazz").child("bebop");
        root.child("books");
        try (Session session = sessions.open()) {
            session.add(root);
            session.commit();
        }
        String insert = "INSERT INTO categories (name, parent_id) VALUES (?, ?)";
        assertThat(sql.takeStatements()).containsExactly(generatedKeyInsert(insert, 1) + "  [root, null]",
                generatedKeyInsert(insert, 2), generatedKeyInsert(insert, 1) + "  [jazz, " + music.id + "]",
                generatedKeyInsert(insert, 1) + "  [bebop, " + music.children.get(0).id + "]");
        assertThat(rows("SELECT c.name, p.name FROM categories c LEFT JOIN categories p ON c.parent_id = p.id ORDER BY c.name"))
                .containsExactly(List.of("bebop", "jazz"), List.of("books", "root"), List.of("jazz", "music"),
                        List.of("music", "root"), Arrays.asList("root", null));
        try (Session session = sessions.open()) {
            Category loaded = session.query(Category.class).filterBy("name", "root").one();
            assertThat(loaded.children).extracting(category -> category.name).containsExactly("books", "music");
            session.delete(loaded.children.get(1).children.get(0).children.get(0));
            session.delete(loaded.children.get(1).children.get(0));
            session.commit();
        }
        assertThat(count("categories")).isEqualTo(3);
    }

    @Test
    void rowsReferringToEachOtherAreCompletedByASecondUpdate() {
        Category left = new Category("left");
        Category right = new Category("right");
        left.parent = right;
        right.parent = left;
        try (Session session = sessions.open()) {
            session.addAll(left, right);
            session.commit();
        }
        List<String> statements = sql.takeStatements();
        assertThat(statements).hasSize(3);
        // The cycle is cut at right: it goes in without its parent, left goes in with it, and an UPDATE completes right.
        String insert = "INSERT INTO categories (name, parent_id) VALUES (?, ?)";
        assertThat(statements.subList(0, 2)).containsExactly(generatedKeyInsert(insert, 1) + "  [right, null]",
                generatedKeyInsert(insert, 1) + "  [left, " + right.id + "]");
        assertThat(statements.get(2)).isEqualTo("UPDATE categories SET parent_id = ? WHERE id = ?  [" + left.id + ", " + right.id + "]");
        assertThat(rows("SELECT c.name, p.name FROM categories c JOIN categories p ON c.parent_id = p.id ORDER BY c.name"))
                .containsExactly(List.of("left", "right"), List.of("right", "left"));
    }

    @Test
    void manyToManyWritesJoinRowsFromEitherSide() {
        seedBlog();
        try (Session session = sessions.open()) {
            Article alpha = session.query(Article.class).filterBy("title", "Alpha").one();
            Tag sql = new Tag("sql");
            Tag java = new Tag("java");
            session.addAll(sql, java);
            alpha.tags.add(sql);
            alpha.tags.add(java);
            Article gamma = session.query(Article.class).filterBy("title", "Gamma").one();
            java.articles.add(gamma);
            session.commit();
        }
        assertThat(tagsOf()).containsExactly(List.of("Alpha", "java"), List.of("Alpha", "sql"), List.of("Gamma", "java"));
        try (Session session = sessions.open()) {
            Article alpha = session.query(Article.class).filterBy("title", "Alpha").one();
            assertThat(alpha.tags).extracting(tag -> tag.name).containsExactlyInAnyOrder("sql", "java");
            alpha.tags.removeIf(tag -> tag.name.equals("sql"));
            Tag java = session.query(Tag.class).filterBy("name", "java").one();
            assertThat(java.articles).extracting(article -> article.title).containsExactly("Alpha", "Gamma");
            session.commit();
        }
        assertThat(tagsOf()).containsExactly(List.of("Alpha", "java"), List.of("Gamma", "java"));
        try (Session session = sessions.open()) {
            session.delete(session.query(Tag.class).filterBy("name", "java").one());
            session.commit();
        }
        assertThat(count("article_tags")).isZero();
    }

    private List<List<String>> tagsOf() {
        return rows("SELECT a.title, t.name FROM article_tags at JOIN articles a ON at.article_id = a.id "
                + "JOIN tags t ON at.tag_id = t.id ORDER BY a.title, t.name");
    }

    @Test
    void toOneReferencesLoadWithTheirObjectsInOneMoreQuery() {
        seedBlog();
        try (Session session = sessions.open()) {
            List<Article> articles = session.query(Article.class).orderBy("title").all();
            assertThat(articles).extracting(article -> article.author.name).containsExactly("Alice", "Alice", "Bob");
            assertThat(articles.get(0).author).isSameAs(articles.get(1).author);
        }
        // The articles, their authors (IN), the authors' profiles (an inverse one-to-one is eager, like JPA's).
        assertThat(sql.takeStatements()).hasSize(3);
    }

    @Test
    void collectionsAreLazyByDefault() {
        seedBlog();
        try (Session session = sessions.open()) {
            List<Author> authors = session.query(Author.class).orderBy("name").all();
            assertThat(sql.takeStatements()).hasSize(2); // the authors, their profiles (inverse one-to-one, eager)
            assertThat(authors.get(0).articles).extracting(article -> article.title).containsExactly("Alpha", "Beta");
            assertThat(sql.takeStatements()).hasSize(1);
            assertThat(authors.get(0).profile.bio).isEqualTo("likes SQL");
            assertThat(authors.get(1).profile).isNull();
        }
    }

    @Test
    void selectInLoadsEveryCollectionWithOneQueryPerLevel() {
        seedBlog();
        try (Session session = sessions.open()) {
            List<Author> authors = session.query(Author.class)
                    .options(Load.selectIn(Author_.articles).then(Article_.comments)).orderBy("name").all();
            List<String> statements = sql.takeStatements();
            assertThat(statements).hasSize(4);
            // Three authors: where bound, the IN list is padded to four markers (lists come in powers of two).
            assertThat(statements.get(1)).isEqualTo(keyList("SELECT id, title, author_id FROM articles WHERE author_id",
                    " ORDER BY title, id", authors.get(0).id, authors.get(1).id, authors.get(2).id));
            assertThat(authors).extracting(author -> author.articles.size()).containsExactly(2, 1, 0);
            assertThat(authors.get(0).articles.get(0).comments).extracting(comment -> comment.body).containsExactly("a2", "a1");
            assertThat(sql.takeStatements()).isEmpty();
        }
    }

    @Test
    void joinedLoadsEverythingInOneStatement() {
        seedBlog();
        try (Session session = sessions.open()) {
            List<Author> authors = session.query(Author.class)
                    .options(Load.joined(Author_.articles).then(Article_.comments)).orderBy("name").all();
            List<String> statements = sql.takeStatements();
            assertThat(statements).hasSize(2); // the join, and the inverse one-to-one profiles
            assertThat(statements.get(0)).contains("LEFT JOIN articles j1 ON j1.author_id = authors.id")
                    .contains("LEFT JOIN comments j2 ON j2.article_id = j1.id");
            assertThat(authors).extracting(author -> author.name).containsExactly("Alice", "Bob", "Carol");
            assertThat(authors).extracting(author -> author.articles.size()).containsExactly(2, 1, 0);
            assertThat(authors.get(0).articles).extracting(article -> article.title).containsExactly("Alpha", "Beta");
            assertThat(authors.get(0).articles.get(0).comments).extracting(comment -> comment.body).containsExactly("a2", "a1");
            assertThat(sql.takeStatements()).isEmpty();
            Author one = session.query(Author.class).options(Load.joined(Author_.articles)).filterBy("name", "Bob").one();
            assertThat(one.articles).hasSize(1);
            assertThatThrownBy(() -> session.query(Author.class).options(Load.joined(Author_.articles)).limit(2).all())
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("query(Author) loads a collection with Load.joined and also limits its rows (limit, offset or "
                            + "first()): the limit would count joined rows, not Author objects. To fix this, use "
                            + "Load.selectIn for the collection (one more query, exact results).");
        }
    }

    @Test
    void joinedToOneAndManyToMany() {
        seedBlog();
        try (Session session = sessions.open()) {
            Tag tag = new Tag("db");
            session.add(tag);
            session.query(Article.class).filterBy("title", "Alpha").one().tags.add(tag);
            session.commit();
        }
        sql.take();
        try (Session session = sessions.open()) {
            List<Article> articles = session.query(Article.class)
                    .options(Load.joined(Article_.author), Load.joined(Article_.tags)).orderBy("title").all();
            assertThat(sql.takeStatements()).hasSize(2); // the join, and the authors' profiles
            assertThat(articles).extracting(article -> article.author.name).containsExactly("Alice", "Alice", "Bob");
            assertThat(articles).extracting(article -> article.tags.size()).containsExactly(1, 0, 0);
            assertThat(sql.takeStatements()).isEmpty();
        }
    }

    @Test
    void raiseForbidsLoading() {
        seedBlog();
        try (Session session = sessions.open()) {
            Author alice = session.query(Author.class).options(Load.raise(Author_.articles)).filterBy("name", "Alice").one();
            assertThatThrownBy(() -> alice.articles.size()).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot read Author#" + alice.id + ".articles: the query that loaded it said "
                            + "Load.raise(Author.articles), so it is not loaded and may not be. To fix this, load it with the "
                            + "query (Load.selectIn(Author_.articles)), or drop the raise option.");
        }
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.query(Article.class).options(Load.raise(Article_.author)))
                    .isExactlyInstanceOf(MappingException.class)
                    .hasMessage("@ManyToOne(fetch = LAZY) Article.author is loaded on first use through a generated subclass of "
                            + "Author, but its fields id, name, articles, profile are not private, so code could read them "
                            + "before the row is loaded. To fix this, make Author non-final with private fields read through "
                            + "methods and a protected no-argument constructor, or make the relationship EAGER.");
            assertThatThrownBy(() -> session.query(Author.class).options(Load.lazy(Author_.profile)))
                    .isExactlyInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("Load.lazy(Author.profile): Author.profile is the inverse side of a one-to-one, which Retort "
                            + "loads with its object (whether there is one is only known by querying). To fix this, use "
                            + "Load.selectIn or Load.joined for it, or leave it out of the options.");
        }
    }

    @Test
    void aLazyCollectionOfAClosedSessionSaysHowToLoadIt() {
        seedBlog();
        Author alice;
        Author eager;
        try (Session session = sessions.open()) {
            alice = session.query(Author.class).filterBy("name", "Alice").one();
            eager = session.query(Author.class).options(Load.selectIn(Author_.articles)).filterBy("name", "Bob").one();
        }
        assertThatThrownBy(() -> alice.articles.isEmpty()).isExactlyInstanceOf(DetachedInstanceException.class)
                .hasMessage("Cannot load Author#" + alice.id + ".articles: its session is closed (or the object was removed "
                        + "from it), and the collection was never loaded. To fix this, load it with the query that reads the "
                        + "Author objects: .options(Load.selectIn(Author_.articles)), or read it while the session is open.");
        assertThat(eager.articles).extracting(article -> article.title).containsExactly("Gamma");
    }

    @Test
    void theNPlusOneGuardWarnsOnceAndCanBeStrict() {
        try (Session session = sessions.open()) {
            for (int i = 0; i < 12; i++) {
                session.add(new Author("author" + i));
            }
            session.commit();
        }
        List<String> warnings;
        try (ExpectedLog loading = ExpectedLog.capture("dev.retort.loading"); Session session = sessions.open()) {
            for (Author author : session.query(Author.class).all()) {
                assertThat(author.articles).isEmpty();
            }
            warnings = loading.lines();
        }
        assertThat(warnings).containsExactly("WARNING Author.articles was lazily loaded for 11 Author objects in this "
                + "session, one query each (the N+1 problem). To load them together, add "
                + ".options(Load.selectIn(Author_.articles)) to the query that reads the Author objects (one more query), "
                + "or .options(Load.joined(Author_.articles)) (a LEFT JOIN in that query, which then cannot use limit, "
                + "offset or first()).");

        SessionFactory strict = sessions.withLazyLoadGuard(LazyLoadGuard.failAbove(3));
        try (Session session = strict.open()) {
            List<Author> authors = session.query(Author.class).all();
            for (int i = 0; i < 3; i++) {
                assertThat(authors.get(i).articles).isEmpty();
            }
            assertThatThrownBy(() -> authors.get(3).articles.size()).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Author.articles was lazily loaded for 4 Author objects in this session, one query each (the "
                            + "N+1 problem). To load them together, add .options(Load.selectIn(Author_.articles)) to the query "
                            + "that reads the Author objects (one more query), or .options(Load.joined(Author_.articles)) (a "
                            + "LEFT JOIN in that query, which then cannot use limit, offset or first()).");
        }
    }

    @Test
    void aFailedGraphInsertLeavesNoRowsAndAUsableSession() {
        Author alice = new Author("Alice");
        alice.write("Alpha").comment("first");
        alice.profile = new Profile("the profile"); // the flush sets its author (the owning side) to alice
        Profile second = new Profile("a second profile");
        second.author = alice; // author_id is UNIQUE: the profiles insert fails after authors and articles went in
        try (Session session = sessions.open()) {
            session.add(alice);
            session.add(second);
            assertThatThrownBy(session::commit).isInstanceOf(ConstraintViolationException.class);
            session.rollback();
            assertThat(alice.id).isNull();
            assertThat(session.contains(alice)).isFalse();
            assertThat(count("authors") + count("articles") + count("comments") + count("profiles")).isZero();
            session.add(alice);
            session.commit();
        }
        assertThat(rows("SELECT p.bio, u.name FROM profiles p JOIN authors u ON p.author_id = u.id"))
                .containsExactly(List.of("the profile", "Alice"));
        assertThat(rows("SELECT c.body, a.title, u.name FROM comments c JOIN articles a ON c.article_id = a.id "
                + "JOIN authors u ON a.author_id = u.id")).containsExactly(List.of("first", "Alpha", "Alice"));
    }

    @Test
    void aNewObjectReachedWithoutCascadeIsExplained() {
        try (Session session = sessions.open()) {
            Comment comment = new Comment("orphan");
            comment.article = new Article("unsaved");
            session.add(comment);
            assertThatThrownBy(session::commit).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Comment.article of a new Comment refers to this new Article, which is not in the session. "
                            + "To fix this, session.add(article) before flushing, or declare cascade = CascadeType.PERSIST on "
                            + "Comment.article.");
            session.add(comment.article);
            session.commit();
        }
        assertThat(rows("SELECT c.body, a.title FROM comments c JOIN articles a ON c.article_id = a.id"))
                .containsExactly(List.of("orphan", "unsaved"));
    }

    @Test
    void queriesJoinAlongRelationships() {
        seedBlog();
        try (Session session = sessions.open()) {
            Tag tag = new Tag("sql");
            session.add(tag);
            session.query(Article.class).filterBy("title", "Gamma").one().tags.add(tag);
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Author.class).join(Author_.articles).filter(Article_.title.eq("Beta")).all())
                    .extracting(author -> author.name).containsExactly("Alice");
            assertThat(session.query(Article.class).join(Article_.tags).filter(Tag_.name.eq("sql")).all())
                    .extracting(article -> article.title).containsExactly("Gamma");
            assertThat(session.query(Tag.class).join(Tag_.articles).join(Article_.author).filter(Author_.name.eq("Bob")).all())
                    .extracting(found -> found.name).containsExactly("sql");
            assertThat(session.select(Author_.name, Func.count(Article_.id)).from(Author.class).leftJoin(Author_.articles)
                    .groupBy(Author_.name).orderBy(Author_.name.asc()).all())
                    .extracting(row -> row.get(0) + "=" + row.get(1)).containsExactly("Alice=2", "Bob=1", "Carol=0");
            assertThatThrownBy(() -> session.query(Author.class).join(Article_.tags))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("join(Article.tags): Article is not in this query yet (it reads authors). To fix this, join "
                            + "Article first, or start from it.");
            assertThatThrownBy(() -> session.query(Category.class).join(Category_.children))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("join(Category.children) would join categories to itself without an alias. To fix this, join "
                            + "an alias with an explicit condition: join(Alias.of(Category.class, \"other\"), ...).");
        }
    }

    private void seedBooks() {
        Publisher penguin = new Publisher("Penguin");
        Publisher vintage = new Publisher("Vintage");
        try (Session session = sessions.open()) {
            session.addAll(penguin, vintage, new Book("One", penguin), new Book("Two", penguin), new Book("Three", vintage));
            session.commit();
        }
        sql.take();
    }

    @Test
    void aLazyToOneIsAStandInUntilFirstUsed() {
        seedBooks();
        try (Session session = sessions.open()) {
            List<Book> books = session.query(Book.class).orderBy("title").all();
            assertThat(sql.takeStatements()).hasSize(1);
            Publisher penguin = books.get(0).publisher;
            assertThat(books.get(2).publisher).isSameAs(penguin);
            assertThat(penguin).isInstanceOf(Publisher.class);
            assertThat(penguin.getId()).isNotNull();
            assertThat(sql.takeStatements()).isEmpty();
            assertThat(penguin.getName()).isEqualTo("Penguin");
            assertThat(sql.takeStatements()).hasSize(1);
            assertThat(session.get(Publisher.class, penguin.getId())).isSameAs(penguin);
            penguin.setName("Penguin Books");
            session.commit();
        }
        assertThat(rows("SELECT name FROM publishers ORDER BY name")).containsExactly(List.of("Penguin Books"), List.of("Vintage"));
    }

    @Test
    void aLazyToOneSaysHowToLoadItWhenItCannot() {
        seedBooks();
        Book one;
        Book eager;
        try (Session session = sessions.open()) {
            one = session.query(Book.class).filterBy("title", "One").one();
            eager = session.query(Book.class).options(Load.selectIn(Book_.publisher)).filterBy("title", "Three").one();
            // The same row's stand-in is shared: a later query with other options reuses it as it is.
            assertThat(session.query(Book.class).options(Load.raise(Book_.publisher)).filterBy("title", "Two").one().publisher)
                    .isSameAs(one.publisher);
        }
        try (Session session = sessions.open()) {
            Book raised = session.query(Book.class).options(Load.raise(Book_.publisher)).filterBy("title", "One").one();
            assertThatThrownBy(() -> raised.publisher.getName()).isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot read Publisher#" + raised.publisher.getId() + " (reached through Book.publisher): the "
                            + "query that loaded it said Load.raise(Book.publisher), so it is not loaded and may not be. To "
                            + "fix this, load it with the query (Load.selectIn(Book_.publisher)), or drop the raise option.");
        }
        assertThat(eager.publisher.getName()).isEqualTo("Vintage");
        assertThatThrownBy(() -> one.publisher.getName()).isExactlyInstanceOf(DetachedInstanceException.class)
                .hasMessage("Cannot load Publisher#" + one.publisher.getId() + " (reached through Book.publisher): its "
                        + "session is closed (or the object was removed from it), and it was never loaded. To fix this, load "
                        + "it with the query that reads the Book objects: .options(Load.selectIn(Book_.publisher)), or use it "
                        + "while the session is open.");
    }

    @Test
    void relationshipsToABaseClassLoadEachRowAsItsClass() {
        Owner ann = new Owner("Ann");
        Parrot polly = new Parrot("Polly", ann, "hello");
        Hamster rolf = new Hamster("Rolf", ann, 12);
        try (Session session = sessions.open()) {
            session.addAll(ann, polly, rolf, new Visit("wings", polly), new Visit("teeth", rolf));
            session.commit();
        }
        sql.take();
        try (Session session = sessions.open()) {
            List<Visit> visits = session.query(Visit.class).orderBy("reason").all();
            // The visits; their pets (IN) each as its own class, one SELECT of the single table; the pets' owners (IN).
            assertThat(sql.takeStatements()).hasSize(3);
            assertThat(visits.get(0).pet).isInstanceOf(Hamster.class);
            assertThat(((Hamster) visits.get(0).pet).wheelSize).isEqualTo(12);
            assertThat(((Parrot) visits.get(1).pet).words).isEqualTo("hello");
            Owner owner = visits.get(0).pet.owner;
            assertThat(owner.pets).extracting(pet -> pet.getClass().getSimpleName() + " " + pet.name)
                    .containsExactlyInAnyOrder("Parrot Polly", "Hamster Rolf");
            assertThat(owner.pets).contains(visits.get(0).pet, visits.get(1).pet);
        }
        try (Session session = sessions.open()) {
            Owner owner = session.query(Owner.class).options(Load.selectIn(Owner_.pets)).one();
            assertThat(owner.pets).hasSize(2).hasAtLeastOneElementOfType(Parrot.class).hasAtLeastOneElementOfType(Hamster.class);
            assertThatThrownBy(() -> session.query(Owner.class).options(Load.joined(Owner_.pets)).all())
                    .isExactlyInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("Load.joined(Owner.pets) is not supported: Pet is an entity of an inheritance hierarchy, "
                            + "whose rows Retort does not read through a JOIN of another query yet. To fix this, use "
                            + "Load.selectIn(Owner_.pets).");
        }
    }

    @Test
    void getAndMergeResolveReferences() {
        seedBlog();
        Article detached;
        try (Session session = sessions.open()) {
            detached = session.query(Article.class).filterBy("title", "Gamma").one();
        }
        try (Session session = sessions.open()) {
            Author alice = session.query(Author.class).filterBy("name", "Alice").one();
            detached.title = "Gamma 2";
            Article merged = session.merge(detached);
            assertThat(merged.author.name).isEqualTo("Bob");
            assertThat(merged.author).isSameAs(session.get(Author.class, merged.author.id));
            merged.author = alice;
            session.commit();
        }
        assertThat(rows("SELECT p.title, a.name FROM articles p JOIN authors a ON p.author_id = a.id WHERE p.title LIKE 'Gamma%'"))
                .containsExactly(List.of("Gamma 2", "Alice"));
        assertThat(Category_.children.target()).isEqualTo(Category.class);
    }
}
