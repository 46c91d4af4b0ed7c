package dev.retort.tutorial;

import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.retort.Engine;
import dev.retort.Func;
import dev.retort.Load;
import dev.retort.Metadata;
import dev.retort.Order;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.Transaction;

/**
 * The SQLAlchemy tutorial's sections 3.1 to 3.7 (and 4.1, relationships, 4.2, transactions, and 4.3, inheritance) in Java, printing each step and
 * the SQL it issued; section 3.5's queries also in the typed style of the generated metamodel {@code User_}. The database URL is the first argument, else the environment variable
 * {@code RETORT_TUTORIAL_URL}, else {@code sqlite:///example.db}.
 */
public final class Tutorial {
    /**
     * Held here because java.util.logging keeps loggers only weakly: a collected logger would come back
     * without the handler that prints the SQL.
     */
    private static final Logger SQL_LOGGER = Logger.getLogger("dev.retort.sql");

    private Tutorial() {
    }

    /** Runs the tutorial; a database holding tables of the same names that it did not create is left alone (exit status 2). */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (TutorialRefused refused) {
            System.err.println(refused.getMessage());
            System.exit(2);
        }
    }

    /**
     * The tutorial on the database {@code args} name ({@code [url] [--fresh]}). It drops and creates its tables on
     * every run, but only tables it created itself (it marks a database with the table {@value TutorialTables#MARKER}):
     * where tables of the same names exist without that mark, it refuses unless {@code --fresh} is given.
     */
    public static void run(String... args) {
        boolean fresh = List.of(args).contains("--fresh");
        String url = List.of(args).stream().filter(arg -> !arg.equals("--fresh")).findFirst()
                .orElse(System.getenv().getOrDefault("RETORT_TUTORIAL_URL", "sqlite:///example.db"));
        printSql();

        step("3.2 Creating and configuring the engine: " + url);
        try (Engine engine = Engine.create(url, Map.of("echo", true))) {
            Metadata metadata = Metadata.of(User.class, Post.class, Animal.class, Cat.class, Dog.class, Employee.class,
                    Engineer.class, Manager.class);
            TutorialTables.claim(engine, metadata, fresh);
            metadata.dropAll(engine);
            step("3.1/3.2 Creating the tables of the models (an empty database on every run)");
            metadata.createAll(engine);

            step("3.3 Creating a session factory and a session");
            SessionFactory sessions = SessionFactory.of(engine, metadata);
            try (Session session = sessions.open()) {

                step("3.4 Inserting data: session.add(new User(\"Alice\", 30)); session.commit()");
                User newUser = new User("Alice", 30);
                session.add(newUser);
                session.commit();
                print("Alice got id " + newUser.id);

                step("3.5 Querying data");
                print("all users: " + session.query(User.class).all());
                User user = session.query(User.class).get(1L);
                print("get(1): " + user + (user == newUser ? " (the same instance: identity map, no SQL)" : ""));
                print("filterBy name=Alice: " + session.query(User.class).filterBy("name", "Alice").all());
                print("filterBy age=30: " + session.query(User.class).filterBy("age", 30).all());
                session.addAll(List.of(new User("Bob", 25), new User("Carol", 28)));
                print("orderBy age (autoflush inserts Bob and Carol first): "
                        + session.query(User.class).orderBy("age").all());
                print("orderBy age descending, first: " + session.query(User.class).orderBy(Order.desc("age")).first());
                print("count: " + session.query(User.class).count());
                print("typed, with the generated metamodel User_:");
                print("filter(User_.age.eq(30)): " + session.query(User.class).filter(User_.age.eq(30)).all());
                print("filter(User_.age.ge(25).and(User_.name.ilike(\"%o%\"))).orderBy(User_.age.desc()): "
                        + session.query(User.class).filter(User_.age.ge(25).and(User_.name.ilike("%o%"))).orderBy(User_.age.desc()).all());
                print("select(User_.name, User_.age).where(User_.age.lt(30)): " + session.select(User_.name, User_.age)
                        .where(User_.age.lt(30)).orderBy(User_.name.asc()).all());
                print("select(Func.count(), Func.avg(User_.age)): "
                        + session.select(Func.count(), Func.avg(User_.age)).from(User.class).one());
                session.commit();

                step("3.6 Updating data: user.age = 35; session.commit() (only the changed column is written)");
                user = session.get(User.class, 1L);
                user.age = 35;
                session.commit();

                step("3.7 Deleting data: session.delete(user); session.commit()");
                session.delete(user);
                session.commit();
                print("remaining: " + session.query(User.class).orderBy("name").all());
                session.commit();

                step("4.2 Transactions: session.begin(), add two users, then roll back");
                try (Transaction tx = session.begin()) {
                    session.addAll(new User("Dave", 40), new User("Eve", 22));
                    session.flush();
                    print("inside the transaction: " + session.query(User.class).count() + " users");
                    tx.rollback();
                }
                print("after rollback: " + session.query(User.class).orderBy("name").all());
                session.commit();
            }
            relationships(sessions);
            try (Session session = sessions.open()) {
                inheritance(session);
            }
        }
        step("Done.");
    }

    /** Section 4.1: Post.author and User.posts, kept in step by the session, loaded lazily or with Load.selectIn. */
    private static void relationships(SessionFactory sessions) {
        step("4.1 Relationships: Post.author (@ManyToOne) and User.posts (@OneToMany(mappedBy = \"author\"))");
        try (Session session = sessions.open()) {
            changeBothSides(session);
        }
        try (Session session = sessions.open()) {
            List<User> users = session.query(User.class).options(Load.selectIn(User_.posts)).orderBy("name").all();
            print("query(User).options(Load.selectIn(User_.posts)): two statements for every user and post:");
            for (User user : users) {
                print("  " + user.name + " wrote " + user.posts);
            }
        }
    }

    private static void changeBothSides(Session session) {
        User bob = session.query(User.class).filterBy("name", "Bob").one();
        Post hello = new Post("Hello", "Bob's first post");
        bob.posts.add(hello);
        bob.posts.add(new Post("Again", "and a second one"));
        session.commit();
        print("bob.posts.add(post) set the other side at the flush: hello.author = " + hello.author.name);
        User carol = session.query(User.class).filterBy("name", "Carol").one();
        hello.author = carol;
        session.commit();
        // The commit expired bob.posts (expire on commit): its next use loads it again.
        print("hello.author = carol moved it out of bob.posts, which the commit expired and size() reloads: "
                + bob.posts.size() + " " + bob.posts);
        print("carol.posts is loaded on first use (lazy): size() = " + carol.posts.size() + ", " + carol.posts);
    }

    /** Section 4.3: single-table inheritance as in the seed, then the joined variant. */
    private static void inheritance(Session session) {
        step("4.3 Inheritance, single table: Cat and Dog extend Animal, rows of one table told apart by its type column");
        session.addAll(new Cat("Whiskers", "meow"), new Dog("Rex", "woof"), new Animal("Nemo"));
        session.commit();
        List<Animal> animals = session.query(Animal.class).orderBy("name").all();
        print("query(Animal.class), each row as its own class: " + animals);
        print("query(Cat.class) (WHERE type IN ('cat')): " + session.query(Cat.class).all());
        Animal whiskers = session.query(Animal.class).filterBy("name", "Whiskers").one();
        print("get(Animal.class, " + whiskers.id + "): " + session.get(Animal.class, whiskers.id)
                + ", get(Dog.class, " + whiskers.id + "): " + session.get(Dog.class, whiskers.id));
        print("query(Animal.class).filter(Dog_.barkSound.eq(\"woof\")): "
                + session.query(Animal.class).filter(Dog_.barkSound.eq("woof")).all());
        session.commit();

        step("4.3 Inheritance, joined: Engineer and Manager extend Employee, each class with a table of its own");
        session.addAll(new Engineer("Ada", "Java"), new Manager("Grace", "R&D"));
        session.commit();
        print("query(Employee.class) (LEFT JOINs the subclass tables): " + session.query(Employee.class).orderBy("name").all());
        print("query(Engineer.class).filter(Engineer_.primaryLanguage.eq(\"Java\")): "
                + session.query(Engineer.class).filter(Engineer_.primaryLanguage.eq("Java")).all());
        session.commit();
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void print(String line) {
        System.out.println("   " + line);
    }

    /** Shows the SQL the engine logs (it was created with echo=true) on standard output, indented. */
    private static synchronized void printSql() {
        Logger sql = SQL_LOGGER;
        if (!sql.getUseParentHandlers()) {
            return;
        }
        sql.setUseParentHandlers(false);
        sql.setLevel(Level.INFO);
        sql.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println("   SQL> " + record.getMessage());
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        });
    }
}
