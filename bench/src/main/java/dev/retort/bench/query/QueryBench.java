package dev.retort.bench.query;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import org.hibernate.cfg.Configuration;

import dev.retort.Engine;
import dev.retort.Func;
import dev.retort.Metadata;
import dev.retort.Row;
import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * W7 and W8 of issue 4 on H2 in memory: W7 runs a filtered (indexed), ordered query returning 1,000 of 100,000 rows
 * as entities, 1,000 times (a session per query, as a request would); W8 runs a group-by aggregate over
 * the 100,000 rows, 50 times. Configurations: hand-written JDBC (one connection, rows mapped by hand),
 * Retort's typed query, Hibernate HQL and Hibernate criteria. Each runs in a child JVM of its own, two
 * warm-up and three measured iterations, median; the table gives ratios to JDBC.
 */
public final class QueryBench {
    private static final int ROWS = 100_000;
    private static final int CATEGORIES = 100;
    private static final int W7_QUERIES = 1_000;
    private static final int W8_QUERIES = 50;
    private static final int WARMUPS = 2;
    private static final int MEASURED = 3;
    /** H2's result reuse off (see H2Urls) and no shared command cache: W8 repeats one query on one connection. */
    private static final String URL = dev.retort.bench.H2Urls.inMemory("querybench") + ";QUERY_CACHE_SIZE=0";
    private static final List<String> CONFIGURATIONS = List.of("jdbc", "retort", "hibernate-hql", "hibernate-criteria");

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            measure(args[0]);
            return;
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String configuration : CONFIGURATIONS) {
            results.put(configuration, runChild(configuration));
        }
        double[] jdbc = results.get("jdbc");
        System.out.printf(Locale.ROOT, "%n%-19s %12s %8s %12s %8s%n", "configuration", "W7 ms", "vs jdbc", "W8 ms", "vs jdbc");
        results.forEach((name, result) -> System.out.printf(Locale.ROOT, "%-19s %12.1f %8.2f %12.1f %8.2f%n", name,
                result[0], result[0] / jdbc[0], result[1], result[1] / jdbc[1]));
    }

    private static double[] runChild(String configuration) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-cp", classPath(), QueryBench.class.getName(),
                configuration).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
                }
                if (line.startsWith("RESULT ") || line.contains(" iteration ") || line.contains("Exception")) {
                    System.out.println("  " + line);
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("Configuration " + configuration + " failed");
        }
        return result;
    }

    private static String classPath() {
        if (QueryBench.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(new File(url.getPath()).getPath());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** One configuration's two workloads, as a pair of functions returning a checksum (so nothing is optimised away). */
    private interface Workload {
        long run(int query) throws Exception;
    }

    private static void measure(String configuration) throws Exception {
        try (Connection setup = DriverManager.getConnection(URL, "sa", "")) {
            fill(setup);
            Workload[] workloads = workloads(configuration);
            double[] w7 = new double[MEASURED];
            double[] w8 = new double[MEASURED];
            for (int iteration = -WARMUPS; iteration < MEASURED; iteration++) {
                double w7Millis = time(workloads[0], W7_QUERIES);
                double w8Millis = time(workloads[1], W8_QUERIES);
                System.out.printf(Locale.ROOT, "%s iteration %d: W7 %.1f ms, W8 %.1f ms%n", configuration, iteration, w7Millis, w8Millis);
                if (iteration >= 0) {
                    w7[iteration] = w7Millis;
                    w8[iteration] = w8Millis;
                }
            }
            System.out.printf(Locale.ROOT, "RESULT %s %.1f %.1f%n", configuration, median(w7), median(w8));
        }
        System.exit(0);
    }

    private static double time(Workload workload, int queries) throws Exception {
        long checksum = 0;
        long start = System.nanoTime();
        for (int query = 0; query < queries; query++) {
            checksum += workload.run(query);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (checksum == 42) {
            System.out.println("checksum " + checksum);
        }
        return millis;
    }

    private static Workload[] workloads(String configuration) throws Exception {
        switch (configuration) {
            case "jdbc": return jdbc();
            case "retort": return retort();
            case "hibernate-hql": return hibernate(false);
            case "hibernate-criteria": return hibernate(true);
            default: throw new IllegalArgumentException(configuration);
        }
    }

    private static Workload[] jdbc() throws Exception {
        Connection connection = DriverManager.getConnection(URL, "sa", "");
        Workload w7 = query -> {
            List<Item> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, category, score, name FROM items WHERE category = ? ORDER BY score")) {
                statement.setInt(1, query % CATEGORIES);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(new Item(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getString(4)));
                    }
                }
            }
            return items.size() + items.get(0).score;
        };
        Workload w8 = query -> {
            long sum = 0;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT category, COUNT(*), SUM(score), AVG(score) FROM items GROUP BY category");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sum += rows.getInt(1) + rows.getLong(2) + rows.getLong(3) + (long) rows.getDouble(4);
                }
            }
            return sum;
        };
        return new Workload[] {w7, w8};
    }

    private static Workload[] retort() {
        Engine engine = Engine.create(URL + ";USER=sa");
        SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Item.class));
        Workload w7 = query -> {
            try (Session session = sessions.open()) {
                List<Item> items = session.query(Item.class).filter(Item_.category.eq(query % CATEGORIES))
                        .orderBy(Item_.score.asc()).all();
                return items.size() + items.get(0).score;
            }
        };
        Workload w8 = query -> {
            try (Session session = sessions.open()) {
                long sum = 0;
                for (Row row : session.select(Item_.category, Func.count(), Func.sum(Item_.score), Func.avg(Item_.score))
                        .groupBy(Item_.category).all()) {
                    sum += row.get(Item_.category) + row.get(Func.count()) + row.get(Func.sum(Item_.score))
                            + row.get(Func.avg(Item_.score)).longValue();
                }
                return sum;
            }
        };
        return new Workload[] {w7, w8};
    }

    private static Workload[] hibernate(boolean criteria) {
        org.hibernate.SessionFactory factory = new Configuration().addAnnotatedClass(Item.class)
                .setProperty("hibernate.connection.url", URL).setProperty("hibernate.connection.username", "sa")
                .setProperty("hibernate.connection.pool_size", "4").setProperty("hibernate.hbm2ddl.auto", "none")
                .setProperty("hibernate.show_sql", "false")
                // Retort's Item_ has the JPA static metamodel's name; Hibernate would try to fill its final fields.
                .setProperty("hibernate.jpa.static_metamodel.population", "disabled").buildSessionFactory();
        Workload w7 = query -> {
            try (org.hibernate.Session session = factory.openSession()) {
                List<Item> items;
                if (criteria) {
                    CriteriaBuilder builder = session.getCriteriaBuilder();
                    CriteriaQuery<Item> select = builder.createQuery(Item.class);
                    Root<Item> item = select.from(Item.class);
                    select.where(builder.equal(item.get("category"), query % CATEGORIES)).orderBy(builder.asc(item.get("score")));
                    items = session.createQuery(select).getResultList();
                } else {
                    items = session.createSelectionQuery("from Item i where i.category = :category order by i.score", Item.class)
                            .setParameter("category", query % CATEGORIES).getResultList();
                }
                return items.size() + items.get(0).score;
            }
        };
        Workload w8 = query -> {
            try (org.hibernate.Session session = factory.openSession()) {
                long sum = 0;
                if (criteria) {
                    CriteriaBuilder builder = session.getCriteriaBuilder();
                    CriteriaQuery<Tuple> select = builder.createTupleQuery();
                    Root<Item> item = select.from(Item.class);
                    select.multiselect(item.get("category"), builder.count(item), builder.sum(item.<Integer>get("score")),
                            builder.avg(item.<Integer>get("score"))).groupBy(item.get("category"));
                    for (Tuple row : session.createQuery(select).getResultList()) {
                        sum += ((Number) row.get(0)).longValue() + ((Number) row.get(1)).longValue()
                                + ((Number) row.get(2)).longValue() + ((Number) row.get(3)).longValue();
                    }
                } else {
                    for (Object[] row : session.createSelectionQuery("select i.category, count(i), sum(i.score), avg(i.score) "
                            + "from Item i group by i.category", Object[].class).getResultList()) {
                        sum += Arrays.stream(row).mapToLong(value -> ((Number) value).longValue()).sum();
                    }
                }
                return sum;
            }
        };
        return new Workload[] {w7, w8};
    }

    private static void fill(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, category INTEGER NOT NULL, score INTEGER NOT NULL, "
                    + "name VARCHAR(255))");
            statement.execute("CREATE INDEX ix_items_category ON items (category)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, i + 1);
                insert.setInt(2, i % CATEGORIES);
                insert.setInt(3, (i * 7919) % 100_003);
                insert.setString(4, "item " + i);
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
        }
        connection.commit();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
