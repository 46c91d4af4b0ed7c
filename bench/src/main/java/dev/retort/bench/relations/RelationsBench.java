package dev.retort.bench.relations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.retort.bench.BenchArguments;

/**
 * W5 (issue 5): insert users each with posts (W5a), then load the first users with their posts eagerly
 * and count the posts (W5b), with hand-written JDBC, Hibernate ORM and Retort on every database available,
 * in one JVM. Same method as the ORM benchmark: per (workload, database), rounds in which every contender
 * runs once, in an order rotating from round to round; warm-up rounds first, the median of the others
 * reported; set-up before and verification after each timed call are untimed, and {@code System.gc()}
 * runs before each. A contender that throws is reported as failed and left out of later rounds; the
 * slow-iteration rule applies per contender (see {@link #measure}).
 * <p>
 * Arguments are {@code key=value}: users (10000), posts per user (5), load (1000), warmup (2) and
 * measure (5) rounds for W5a, loadWarmup (20) and loadMeasure (10) rounds for W5b, slowMillis (5000),
 * databases (h2,sqlite,postgresql,mariadb), echo (false: Retort's SQL log at INFO and Hibernate's show_sql —
 * for tiny runs only). W5b has rounds of its own: one of its iterations reads 6,000 objects in a few
 * milliseconds, so after two warm-up rounds its code is still mostly interpreted or compiled without
 * profile, for every contender; {@code loadWarmup=2 loadMeasure=5} gives the runs before 2026-12-03 back.
 */
public final class RelationsBench {
    /** Keeps the loggers configured: java.util.logging holds them weakly. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private final Settings settings;
    private final Results results = new Results();

    private RelationsBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = BenchArguments.words(args);
        Results results = new RelationsBench(Settings.parse(arguments)).run();
        String table = results.markdown();
        System.out.println();
        System.out.println(table);
        Path out = Path.of("bench", "target", "relations-results.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
            System.out.println("Table written to " + out.toAbsolutePath());
        }
    }

    record Settings(int users, int posts, int load, int warmup, int measure, int loadWarmup, int loadMeasure,
                    long slowMillis, List<String> databases, boolean echo) {
        static Settings parse(List<String> arguments) {
            dev.retort.bench.BenchArguments values = dev.retort.bench.BenchArguments.of(arguments);
            Settings settings = new Settings(
                    values.integer("users", 10000),
                    values.integer("posts", 5),
                    values.integer("load", 1000),
                    values.integer("warmup", 2),
                    values.integer("measure", 5),
                    values.integer("loadWarmup", 20),
                    values.integer("loadMeasure", 10),
                    values.longInteger("slowMillis", 5000),
                    values.list("databases", "h2,sqlite,postgresql,mariadb"),
                    values.flag("echo", false));
            values.done();
            if (settings.load() > settings.users() || settings.load() < 1 || settings.posts() < 1) {
                throw new IllegalArgumentException("Need 1 <= load <= users and posts >= 1: " + settings);
            }
            return settings;
        }
    }

    private Results run() {
        quietLogging();
        System.out.println("Relations benchmark (W5): " + settings + ", " + dev.retort.bench.Timings.environment());
        for (String name : settings.databases()) {
            Database database = database(name.trim());
            if (database != null) {
                try (database) {
                    runOn(database);
                }
            }
        }
        return results;
    }

    private Database database(String name) {
        switch (name) {
            case "h2":
                return Database.h2(settings.echo());
            case "sqlite":
                return Database.sqlite(settings.echo());
            case "postgresql":
                String postgres = System.getenv("RETORT_TEST_POSTGRES_URL");
                return blank(postgres, "RETORT_TEST_POSTGRES_URL") ? null : Database.postgres(postgres, settings.echo());
            case "mariadb":
                String mariadb = System.getenv("RETORT_TEST_MARIADB_URL");
                return blank(mariadb, "RETORT_TEST_MARIADB_URL") ? null : Database.mariadb(mariadb, settings.echo());
            default:
                throw new IllegalArgumentException("Unknown database '" + name + "' (h2, sqlite, postgresql, mariadb)");
        }
    }

    private static boolean blank(String url, String variable) {
        if (url == null || url.isBlank()) {
            System.out.println("Skipping a server database: set " + variable + " to a JDBC URL to include it.");
            return true;
        }
        return false;
    }

    private void runOn(Database database) {
        System.out.println();
        System.out.println("== " + database.label());
        JdbcRelations jdbc = new JdbcRelations(database.engine().dataSource(), database.isSqlite());
        RetortRelations retort = new RetortRelations(database.engine());
        try (HibernateRelations hibernate = new HibernateRelations(database.engine().dataSource(), database.hibernateDialect(),
                settings.echo())) {
            String insert = "W5a insert " + settings.users() + " users × " + settings.posts() + " posts";
            measure(insert, database, settings.warmup(), settings.measure(), List.of(
                    insertTrial(database, jdbc.insertLabel(), jdbc::insertGraph),
                    insertTrial(database, "hibernate (IDENTITY, cascade persist)", hibernate::insertGraph),
                    insertTrial(database, "retort (addAll, cascade)", retort::insertGraph)));

            long[] stored = database.fill(settings.users(), settings.posts());
            long[] first = Arrays.copyOf(stored, settings.load());
            long maxId = first[first.length - 1];
            int count = settings.load();
            String load = "W5b load " + count + " users + posts, count";
            List<Trial> loads = new ArrayList<>(List.of(
                    loadTrial("jdbc (IN query)", first, () -> jdbc.loadSelectIn(count)),
                    loadTrial("jdbc (JOIN)", first, () -> jdbc.loadJoin(count)),
                    loadTrial("hibernate (join fetch, id filter)", first, () -> hibernate.loadJoinFetch(maxId)),
                    loadTrial("hibernate (batch fetch " + count + ")", first, () -> hibernate.loadBatchFetch(count))));
            if (database.isH2() && !Database.reusesResults()) {
                System.out.println("  (hibernate (subselect fetch) left out on H2 without result reuse: H2 runs its "
                        + "IN (SELECT ...) again for every row, more than 15 minutes; -Dbench.h2.reuseResults=true runs it)");
            } else {
                loads.add(loadTrial("hibernate (subselect fetch)", first, () -> hibernate.loadSubselect(count)));
            }
            loads.add(loadTrial("retort (selectIn, limit)", first, () -> retort.loadSelectIn(count)));
            loads.add(loadTrial("retort (joined, id filter)", first, () -> retort.loadJoined(maxId)));
            measure(load, database, settings.loadWarmup(), settings.loadMeasure(), loads);
        }
    }

    // ---- the workloads ------------------------------------------------------------------------------

    /** One contender's iteration: untimed set-up returning the timed part, which returns the untimed check. */
    private record Trial(String implementation, Supplier<Timed> setUp) {
    }

    private interface Timed {
        Runnable run();
    }

    private Trial insertTrial(Database database, String label, Consumer<List<User>> insert) {
        return new Trial(label, () -> {
            database.recreate();
            List<User> users = new ArrayList<>(settings.users());
            for (int i = 1; i <= settings.users(); i++) {
                User user = new User("user-" + i);
                for (int j = 1; j <= settings.posts(); j++) {
                    user.add(new Post("user-" + i + "/" + j));
                }
                users.add(user);
            }
            return () -> {
                insert.accept(users);
                return () -> verifyInserted(database, users);
            };
        });
    }

    private void verifyInserted(Database database, List<User> users) {
        Set<Long> userIds = new HashSet<>();
        Set<Long> postIds = new HashSet<>();
        List<Post> posts = new ArrayList<>();
        for (User user : users) {
            Database.check(user.id != null, "an inserted user has no id");
            userIds.add(user.id);
            Database.check(user.posts.size() == settings.posts(), user.name + " has " + user.posts.size() + " posts");
            for (Post post : user.posts) {
                Database.check(post.id != null, "an inserted post has no id");
                Database.check(post.author == user, "post " + post.title + " does not point at " + user.name);
                postIds.add(post.id);
                posts.add(post);
            }
        }
        long expectedPosts = (long) users.size() * settings.posts();
        Database.check(userIds.size() == users.size(), userIds.size() + " distinct user ids for " + users.size() + " users");
        Database.check(postIds.size() == expectedPosts, postIds.size() + " distinct post ids for " + expectedPosts + " posts");
        Database.check(database.count(Database.USERS) == users.size(), Database.USERS + " has "
                + database.count(Database.USERS) + " rows");
        Database.check(database.count(Database.POSTS) == expectedPosts, Database.POSTS + " has "
                + database.count(Database.POSTS) + " rows");
        Random random = new Random(7);
        List<User> sampledUsers = new ArrayList<>();
        List<Post> sampledPosts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sampledUsers.add(users.get(random.nextInt(users.size())));
            sampledPosts.add(posts.get(random.nextInt(posts.size())));
        }
        Map<Long, String> userRows = database.rows(Database.USERS, sampledUsers.stream().map(User::id).toList());
        for (User user : sampledUsers) {
            Database.check(user.name.equals(userRows.get(user.id)), "row of user id " + user.id + " is not " + user.name);
        }
        Map<Long, String> postRows = database.rows(Database.POSTS, sampledPosts.stream().map(Post::id).toList());
        for (Post post : sampledPosts) {
            String expected = post.title + "|" + post.author.id;
            Database.check(expected.equals(postRows.get(post.id)), "row of post id " + post.id + " is " + postRows.get(post.id)
                    + ", not " + expected + " (title|user_id)");
        }
    }

    private Trial loadTrial(String label, long[] first, Supplier<Loaded> load) {
        return new Trial(label, () -> () -> {
            Loaded loaded = load.get();
            return () -> verifyLoaded(loaded, first);
        });
    }

    private void verifyLoaded(Loaded loaded, long[] first) {
        List<User> users = loaded.users();
        Database.check(loaded.posts() == (long) first.length * settings.posts(), "counted " + loaded.posts() + " posts, not "
                + (long) first.length * settings.posts());
        Database.check(users.size() == first.length, "loaded " + users.size() + " users, not " + first.length);
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            Database.check(user.id == first[i] && ("user-" + (i + 1)).equals(user.name), "user " + i + " is " + user.id + " "
                    + user.name + ", not " + first[i]);
            Database.check(user.posts.size() == settings.posts(), user.name + " has " + user.posts.size() + " posts");
            long previous = Long.MIN_VALUE;
            for (Post post : user.posts) {
                Database.check(post.author == user, "a post of " + user.name + " does not point back at it");
                Database.check(post.title.startsWith(user.name + "/"), "post " + post.title + " is not one of " + user.name);
                Database.check(post.id > previous, "the posts of " + user.name + " are not in id order");
                previous = post.id;
            }
        }
    }

    // ---- rounds -------------------------------------------------------------------------------------

    /**
     * Rounds as in the ORM benchmark, except that the slow-iteration rule applies per contender: one whose
     * iteration exceeds slowMillis ends its own warm-up there, and its measurement after 3 rounds, while
     * the others keep their full count (W5 has contenders 100× apart; the slowest must not cut the others'
     * warm-up). Warm-up iterations are marked "(w)" in the log.
     */
    private void measure(String workload, Database database, int warmups, int measures, List<Trial> trials) {
        System.out.println(workload);
        int n = trials.size();
        List<List<Double>> timings = new ArrayList<>();
        trials.forEach(trial -> timings.add(new ArrayList<>()));
        String[] failures = new String[n];
        int[] warmed = new int[n];
        boolean[] done = new boolean[n];
        int rounds = warmups + measures;
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < n; k++) {
                int index = (round + k) % n;
                Trial trial = trials.get(index);
                if (done[index]) {
                    continue;
                }
                double millis;
                try {
                    Timed timed = trial.setUp().get();
                    System.gc();
                    long start = System.nanoTime();
                    Runnable check = timed.run();
                    millis = (System.nanoTime() - start) / 1e6;
                    check.run();
                } catch (RuntimeException e) {
                    failures[index] = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
                    done[index] = true;
                    System.out.println("  " + trial.implementation() + " FAILED: " + failures[index]);
                    continue;
                }
                boolean slow = millis > settings.slowMillis();
                boolean warmup = warmed[index] < warmups;
                if (warmup) {
                    warmed[index] = slow ? warmups : warmed[index] + 1;
                } else {
                    List<Double> measured = timings.get(index);
                    measured.add(millis);
                    done[index] = measured.size() >= measures || (slow && measured.size() >= 3);
                }
                line.append(String.format("  %s %.1f%s", trial.implementation(), millis, warmup ? " (w)" : ""));
            }
            if (line.length() > 0) {
                System.out.println("  round " + (round + 1) + line);
            }
        }
        for (int i = 0; i < n; i++) {
            results.add(workload, database.label(), trials.get(i).implementation(), timings.get(i), failures[i]);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void quietLogging() {
        for (String name : List.of("org.hibernate", "io.agroal", "org.hibernate.orm")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
    }
}
