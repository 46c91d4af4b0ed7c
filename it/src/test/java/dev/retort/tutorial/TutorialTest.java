package dev.retort.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command runs this program: it must walk every step and show the SQL. */
class TutorialTest {

    @Test
    void walksTheSeedTutorialOnASqliteFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("example.db");
        String output = run("sqlite:///" + file);
        assertThat(Files.exists(file)).isTrue();
        assertThat(output)
                .contains("   SQL> CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(255), age INTEGER)")
                .contains("   SQL> INSERT INTO users (name, age) VALUES (?, ?) RETURNING id  [Alice, 30]")
                .contains("   Alice got id 1")
                .contains("   get(1): <User(name=Alice, age=30)> (the same instance: identity map, no SQL)")
                .contains("   orderBy age (autoflush inserts Bob and Carol first): [<User(name=Bob, age=25)>, "
                        + "<User(name=Carol, age=28)>, <User(name=Alice, age=30)>]")
                .contains("   filter(User_.age.eq(30)): [<User(name=Alice, age=30)>]")
                .contains("   SQL> SELECT id, name, age FROM users WHERE age >= ? AND LOWER(name) LIKE LOWER(?) ORDER BY age DESC  [25, %o%]")
                .contains("   filter(User_.age.ge(25).and(User_.name.ilike(\"%o%\"))).orderBy(User_.age.desc()): "
                        + "[<User(name=Carol, age=28)>, <User(name=Bob, age=25)>]")
                .contains("   select(User_.name, User_.age).where(User_.age.lt(30)): [Row[Bob, 25], Row[Carol, 28]]")
                .contains("   select(Func.count(), Func.avg(User_.age)): Row[3, 27.666666666666668]")
                .contains("   SQL> UPDATE users SET age = ? WHERE id = ?  [35, 1]")
                .contains("   SQL> DELETE FROM users WHERE id = ?  [1]")
                .contains("   after rollback: [<User(name=Bob, age=25)>, <User(name=Carol, age=28)>]")
                .contains("   SQL> CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(255), content VARCHAR(255), user_id "
                        + "INTEGER, FOREIGN KEY (user_id) REFERENCES users (id))")
                .contains("   bob.posts.add(post) set the other side at the flush: hello.author = Bob")
                .contains("   SQL> UPDATE posts SET user_id = ? WHERE id = ?  [3, 1]")
                .contains("   hello.author = carol moved it out of bob.posts, which the commit expired and size() reloads: 1 "
                        + "[<Post(title=Again, author=Bob)>]")
                .contains("   carol.posts is loaded on first use (lazy): size() = 1, [<Post(title=Hello, author=Carol)>]")
                .contains("   SQL> SELECT id, title, content, user_id FROM posts WHERE user_id IN (?, ?) ORDER BY id  [2, 3]")
                .contains("     Bob wrote [<Post(title=Again, author=Bob)>]")
                .contains("   SQL> CREATE TABLE animals (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL, type VARCHAR(31) "
                        + "NOT NULL, meow_sound VARCHAR(255), bark_sound VARCHAR(255))")
                .contains("   SQL> INSERT INTO animals (name, meow_sound, type) VALUES (?, ?, ?) RETURNING id  [Whiskers, meow, cat]")
                .contains("   query(Animal.class), each row as its own class: [<Animal(name=Nemo)>, <Dog(name=Rex, "
                        + "bark_sound=woof)>, <Cat(name=Whiskers, meow_sound=meow)>]")
                .contains("   SQL> SELECT type, id, name, meow_sound FROM animals WHERE type IN (?)  [cat]")
                .contains("   get(Animal.class, 2): <Cat(name=Whiskers, meow_sound=meow)>, get(Dog.class, 2): null")
                .contains("   query(Animal.class).filter(Dog_.barkSound.eq(\"woof\")): [<Dog(name=Rex, bark_sound=woof)>]")
                .contains("   SQL> INSERT INTO engineers (id, primary_language) VALUES (?, ?)  [1, Java]")
                .contains("   SQL> SELECT employees.id, employees.name, engineers.id, engineers.primary_language, managers.id, "
                        + "managers.department FROM employees LEFT JOIN engineers ON engineers.id = employees.id "
                        + "LEFT JOIN managers ON managers.id = employees.id ORDER BY employees.name")
                .contains("   query(Employee.class) (LEFT JOINs the subclass tables): [<Engineer(name=Ada)>, <Manager(name=Grace)>]")
                .endsWith("== Done." + System.lineSeparator());
        assertThat(run("sqlite:///" + file)).as("runs again on the same file").contains("   Alice got id 1");
    }

    @Test
    void takesAnyDatabaseUrl() throws Exception {
        assertThat(run("h2:mem:tutorial"))
                .contains("   SQL> CREATE TABLE users (id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, name VARCHAR(255), "
                        + "age INTEGER, PRIMARY KEY (id))")
                .contains("   remaining: [<User(name=Bob, age=25)>, <User(name=Carol, age=28)>]");
    }

    @Test
    void leavesTablesItDidNotCreateAloneUnlessFresh() throws Exception {
        try (Connection keeper = DriverManager.getConnection("jdbc:h2:mem:occupied;DB_CLOSE_DELAY=-1");
             Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE users (id INTEGER, login VARCHAR(20))");
            statement.execute("INSERT INTO users VALUES (7, 'someone else')");

            assertThatThrownBy(() -> Tutorial.run("h2:mem:occupied"))
                    .isExactlyInstanceOf(TutorialRefused.class)
                    .hasMessage("The database at H2 mem:occupied already has the tables users, which this tutorial did not "
                            + "create; it drops and creates its tables on every run, so it stopped without touching them. To "
                            + "fix this, point it at an empty database (the default is sqlite:///example.db), or pass --fresh "
                            + "to let it drop and replace those tables.");
            try (ResultSet rows = statement.executeQuery("SELECT login FROM users")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("someone else");
            }

            assertThat(run("h2:mem:occupied", "--fresh")).contains("   Alice got id 1");
            assertThat(run("h2:mem:occupied")).as("its own tables, marked, on the next run").contains("   Alice got id 1");
        }
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Tutorial.main(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
