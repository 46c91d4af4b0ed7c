package dev.retort.bench.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * W1–W4 against hand-written JDBC, Hibernate ORM and Retort on every database available, in one JVM.
 * Each (workload, database) is measured in rounds; a round runs every contender once, in an order that
 * rotates from round to round so that background load and heap state fall on all of them alike. The
 * first rounds are warm-up; the median of the others is reported. Each iteration starts from the same
 * database state (set up untimed), and its result is checked afterwards (untimed).
 */
public final class OrmBenchmark {
    /** Keeps the loggers configured: java.util.logging holds them weakly. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private final Settings settings;
    private final Results results = new Results();
    private int ageRound;

    public OrmBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Sizes and iteration counts; {@link #parse} reads {@code key=value} arguments. */
    public record Settings(int rows, int gets, int updates, int perSession, int warmup, int measure, long slowMillis,
                           List<String> databases, JdbcContender.KeyStrategy sqliteKeys, List<String> workloads) {
        public static Settings parse(List<String> arguments) {
            dev.retort.bench.BenchArguments values = dev.retort.bench.BenchArguments.of(arguments);
            Settings settings = new Settings(
                    values.integer("rows", 100000),
                    values.integer("gets", 10000),
                    values.integer("updates", 10000),
                    values.integer("perSession", 100),
                    // 10 + 10 since 2026-12-03 (2 + 5 before): W3, W4 and W6 iterations of 10-50 ms left the code of
                    // every contender partly unwarmed after two rounds (BENCHMARKS.md, "Rerun after session 10").
                    values.integer("warmup", 10),
                    values.integer("measure", 10),
                    values.longInteger("slowMillis", 5000),
                    values.list("databases", "h2,sqlite,postgresql,mariadb"),
                    JdbcContender.KeyStrategy.valueOf(values.text("sqliteKeys", "ROW_RETURNING")),
                    values.list("workloads", "w1,w2,w3,w4,w6"));
            values.done();
            return settings;
        }
    }

    public Results run() {
        quietLogging();
        System.out.println("ORM benchmark: " + settings + ", " + dev.retort.bench.Timings.environment());
        for (String database : settings.databases()) {
            Target target = target(database.trim());
            if (target != null) {
                try (target) {
                    runOn(target);
                }
            }
        }
        return results;
    }

    private static Target target(String database) {
        switch (database) {
            case "h2":
                return Target.h2();
            case "sqlite":
                return Target.sqlite();
            case "postgresql":
                return serverTarget("RETORT_TEST_POSTGRES_URL", Target::postgres);
            case "mariadb":
                return serverTarget("RETORT_TEST_MARIADB_URL", Target::mariadb);
            default:
                throw new IllegalArgumentException("Unknown database '" + database + "' (h2, sqlite, postgresql, mariadb)");
        }
    }

    private static Target serverTarget(String variable, Function<String, Target> create) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            System.out.println("Skipping a server database: set " + variable + " to a JDBC URL to include it.");
            return null;
        }
        return create.apply(url);
    }

    private void runOn(Target target) {
        System.out.println();
        System.out.println("== " + target.label());
        JdbcContender.KeyStrategy keys = target.isSqlite() ? settings.sqliteKeys() : JdbcContender.KeyStrategy.BATCH;
        List<Contender> contenders = List.of(
                new JdbcContender(target.engine().dataSource(), keys),
                new HibernateContender(target.engine().dataSource(), target.hibernateDialect(), target.sequences()),
                new RetortContender(target.engine(), target.sequences()));
        try {
            if (settings.workloads().contains("w1")) {
                measureInserts(target, contenders, keys);
            }
            if (settings.workloads().stream().anyMatch(List.of("w2", "w3", "w4")::contains)) {
                measureReads(target, contenders);
            }
            if (settings.workloads().contains("w6")) {
                long idSum = target.fillAnimals(settings.rows());
                List<Trial> loads = new ArrayList<>();
                for (Contender contender : contenders) {
                    loads.add(animalTrial(contender, idSum));
                }
                measure("W6 polymorphic load " + settings.rows(), target, loads);
            }
        } finally {
            contenders.forEach(Contender::close);
        }
    }

    private void measureInserts(Target target, List<Contender> contenders, JdbcContender.KeyStrategy keys) {
        List<Trial> inserts = new ArrayList<>();
        for (Contender contender : contenders) {
            inserts.add(insertTrial(target, contender));
        }
        if (target.isSqlite()) {
            // The other row-by-row way of learning keys on SQLite, measured alongside for the record.
            JdbcContender.KeyStrategy other = keys == JdbcContender.KeyStrategy.ROW_RETURNING
                    ? JdbcContender.KeyStrategy.ROW_GENERATED_KEYS : JdbcContender.KeyStrategy.ROW_RETURNING;
            inserts.add(insertTrial(target, new JdbcContender(target.engine().dataSource(), other)));
        }
        measure("W1 insert " + settings.rows(), target, inserts);
        if (target.sequences()) {
            List<Trial> sequenced = new ArrayList<>();
            for (Contender contender : contenders) {
                if (contender.supportsSequenceVariant()) {
                    sequenced.add(sequenceInsertTrial(target, contender));
                }
            }
            measure("W1 insert " + settings.rows(), target, sequenced);
        }
    }

    private void measureReads(Target target, List<Contender> contenders) {
        long[] stored = target.fillUsers(settings.rows());
        List<Trial> loads = new ArrayList<>();
        List<Trial> gets = new ArrayList<>();
        List<Trial> updates = new ArrayList<>();
        long[] picked = randomIds(stored);
        for (Contender contender : contenders) {
            loads.add(loadTrial(contender, stored));
            gets.add(getTrial(contender, picked));
            updates.add(updateTrial(target, contender, stored));
        }
        measure("W2 load " + settings.rows(), target, loads);
        measure("W3 get " + settings.gets() + " (session/" + settings.perSession() + ")", target, gets);
        measure("W4 update " + settings.updates(), target, updates);
    }

    // ---- the workloads ------------------------------------------------------------------------------

    /** One contender's iteration: untimed set-up returning the timed part, which returns the untimed check. */
    private record Trial(String implementation, Function<Integer, Timed> setUp) {
    }

    private interface Timed {
        Runnable run();
    }

    private Trial insertTrial(Target target, Contender contender) {
        String label = contender.name() + (target.isSqlite() && contender instanceof JdbcContender jdbc
                ? " (" + jdbc.keyStrategy().name().toLowerCase().replace('_', ' ') + ")" : "")
                + (contender instanceof JdbcContender ? "" : " (IDENTITY)");
        return new Trial(label, round -> {
            target.recreate(User.class);
            List<User> users = new ArrayList<>(settings.rows());
            for (int i = 1; i <= settings.rows(); i++) {
                users.add(new User("user-" + i, Target.baseAge(i)));
            }
            return () -> {
                contender.insertAll(users);
                return () -> verifyInserted(target, "bench_users", users, User::id, User::name);
            };
        });
    }

    private Trial sequenceInsertTrial(Target target, Contender contender) {
        return new Trial(contender.name() + " (SEQUENCE, allocationSize 50)", round -> {
            target.recreate(SeqUser.class);
            List<SeqUser> users = new ArrayList<>(settings.rows());
            for (int i = 1; i <= settings.rows(); i++) {
                users.add(new SeqUser("user-" + i, Target.baseAge(i)));
            }
            return () -> {
                contender.insertAllWithSequence(users);
                return () -> verifyInserted(target, "bench_seq_users", users, SeqUser::id, SeqUser::name);
            };
        });
    }

    private <T> void verifyInserted(Target target, String table, List<T> users, Function<T, Long> id, Function<T, String> name) {
        Set<Long> ids = new HashSet<>();
        for (T user : users) {
            Target.check(id.apply(user) != null, "an inserted object has no id");
            ids.add(id.apply(user));
        }
        Target.check(ids.size() == users.size(), ids.size() + " distinct ids for " + users.size() + " objects");
        Target.check(target.count(table) == users.size(), table + " has " + target.count(table) + " rows");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            T user = users.get(random.nextInt(users.size()));
            Target.check(name.apply(user).equals(target.nameOf(table, id.apply(user))), "row of id " + id.apply(user)
                    + " is not " + name.apply(user));
        }
    }

    private Trial loadTrial(Contender contender, long[] stored) {
        return new Trial(contender.name(), round -> () -> {
            List<User> users = contender.loadAll();
            return () -> {
                long sum = 0;
                for (User user : users) {
                    Target.check(user.name() != null && user.age() != null, "a loaded user lacks a field");
                    sum += user.id();
                }
                Target.check(users.size() == stored.length && sum == Arrays.stream(stored).sum(), "loaded " + users.size()
                        + " users, or not the stored ones");
            };
        });
    }

    /** W6: every animal loaded as its class; checked: the count of each class, the sum of ids, each subclass's field. */
    private Trial animalTrial(Contender contender, long idSum) {
        return new Trial(contender.name(), round -> () -> {
            List<BenchAnimal> animals = contender.loadAnimals();
            return () -> {
                long sum = 0;
                int[] perClass = new int[3];
                for (BenchAnimal animal : animals) {
                    sum += animal.id();
                    String kind = animal instanceof BenchCat ? "cat" : animal instanceof BenchDog ? "dog" : "animal";
                    Target.check(kind.equals(Target.ANIMAL_KINDS[(int) (Long.parseLong(animal.name().substring(7)) % 3)]),
                            animal.name() + " was loaded as a " + animal.getClass().getSimpleName());
                    Target.check(kind.equals("animal") == (animal.sound() == null), animal.name() + " lacks its sound");
                    perClass[List.of(Target.ANIMAL_KINDS).indexOf(kind)]++;
                }
                Target.check(animals.size() == settings.rows() && sum == idSum, "loaded " + animals.size()
                        + " animals, or not the stored ones");
                Target.check(Math.abs(perClass[0] - perClass[1]) <= 1 && Math.abs(perClass[1] - perClass[2]) <= 1,
                        "classes not a third each: " + Arrays.toString(perClass));
            };
        });
    }

    private Trial getTrial(Contender contender, long[] ids) {
        return new Trial(contender.name(), round -> () -> {
            List<User> users = contender.getEach(ids, settings.perSession());
            return () -> {
                Target.check(users.size() == ids.length, "got " + users.size() + " users");
                for (int i = 0; i < ids.length; i++) {
                    Target.check(users.get(i) != null && users.get(i).id() == ids[i] && users.get(i).name().startsWith("user-"),
                            "get(" + ids[i] + ") returned the wrong user");
                }
            };
        });
    }

    private Trial updateTrial(Target target, Contender contender, long[] stored) {
        return new Trial(contender.name(), round -> {
            int shift = ++ageRound;
            Contender.Loaded loaded = contender.loadFirst(settings.updates());
            Target.check(loaded.users().size() == settings.updates(), "loaded " + loaded.users().size() + " users for W4");
            return () -> {
                for (User user : loaded.users()) {
                    user.age(Target.baseAge(user.id()) + shift);
                }
                loaded.commit();
                return () -> {
                    long expected = 0;
                    for (int i = 0; i < settings.updates(); i++) {
                        expected += Target.baseAge(stored[i]) + shift;
                    }
                    Target.check(target.sumAges(stored[settings.updates() - 1]) == expected, "the ages were not all updated");
                };
            };
        });
    }

    /** W3's ids: drawn with a fixed seed from the stored ones, so every contender gets the same. */
    private long[] randomIds(long[] stored) {
        Random random = new Random(42);
        long[] ids = new long[settings.gets()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = stored[random.nextInt(stored.length)];
        }
        return ids;
    }

    // ---- rounds -------------------------------------------------------------------------------------

    private void measure(String workload, Target target, List<Trial> trials) {
        List<List<Double>> timings = new ArrayList<>();
        trials.forEach(trial -> timings.add(new ArrayList<>()));
        int rounds = settings.warmup() + settings.measure();
        int measured = 0;
        for (int round = 0; round < rounds; round++) {
            boolean warmup = round < settings.warmup();
            double slowest = 0;
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < trials.size(); k++) {
                int index = (round + k) % trials.size();
                Trial trial = trials.get(index);
                Timed timed = trial.setUp().apply(round);
                System.gc();
                long start = System.nanoTime();
                Runnable check = timed.run();
                double millis = (System.nanoTime() - start) / 1e6;
                check.run();
                slowest = Math.max(slowest, millis);
                if (!warmup) {
                    timings.get(index).add(millis);
                }
                line.append(String.format("  %s %.1f", trial.implementation(), millis));
            }
            System.out.println((warmup ? "  warm-up " : "  round ") + (round + 1) + line);
            if (warmup && slowest > settings.slowMillis() && round + 1 < settings.warmup()) {
                System.out.println("  (slowest iteration over " + settings.slowMillis() + " ms: warm-up ends here)");
                round = settings.warmup() - 1;
            }
            if (!warmup && ++measured >= 3 && slowest > settings.slowMillis()) {
                System.out.println("  (slowest iteration over " + settings.slowMillis() + " ms: stopping after " + measured + " measured rounds)");
                break;
            }
        }
        for (int i = 0; i < trials.size(); i++) {
            results.add(workload, target.label(), trials.get(i).implementation(), timings.get(i));
        }
    }

    private static void quietLogging() {
        for (String name : List.of("org.hibernate", "io.agroal", "")) {
            Logger logger = Logger.getLogger(name.isEmpty() ? "org.hibernate.orm" : name);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
    }
}
