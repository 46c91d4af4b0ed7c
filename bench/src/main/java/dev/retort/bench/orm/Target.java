package dev.retort.bench.orm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import dev.retort.Engine;
import dev.retort.Metadata;

/**
 * One database under test: a Retort engine (whose Agroal pool every contender shares) and the untimed
 * chores around the measurements — recreating tables, filling them, counting and checking rows.
 */
final class Target implements AutoCloseable {
    private final String label;
    private final Engine engine;
    private final String hibernateDialect;
    private final boolean sequences;

    private Target(String label, String jdbcUrl, String hibernateDialect, boolean sequences) {
        this.label = label;
        this.engine = Engine.create(jdbcUrl, Map.of());
        this.hibernateDialect = hibernateDialect;
        this.sequences = sequences;
    }

    static Target h2() {
        return new Target("H2 (mem)", dev.retort.bench.H2Urls.inMemory("retort-bench"), null, true);
    }

    static Target sqlite() {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "retort-orm-bench", "bench.db");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + file, e);
        }
        return new Target("SQLite (file)", "jdbc:sqlite:" + file, "org.hibernate.community.dialect.SQLiteDialect", false);
    }

    static Target postgres(String jdbcUrl) {
        return new Target("PostgreSQL", jdbcUrl, null, true);
    }

    static Target mariadb(String jdbcUrl) {
        return new Target("MariaDB", jdbcUrl, null, false);
    }

    String label() {
        return label;
    }

    Engine engine() {
        return engine;
    }

    String hibernateDialect() {
        return hibernateDialect;
    }

    /** Whether the SEQUENCE variant of W1 runs here (H2 and PostgreSQL). */
    boolean sequences() {
        return sequences;
    }

    boolean isSqlite() {
        return engine.dialect().name().equals("sqlite");
    }

    /** Drops and creates the table of {@code entity} (identity and sequence restart from 1). */
    void recreate(Class<?> entity) {
        Metadata metadata = Metadata.of(entity);
        metadata.dropAll(engine);
        metadata.createAll(engine);
    }

    /**
     * Recreates {@code bench_users} with {@code rows} rows (name "user-i", age {@link #baseAge}) and returns
     * their ids in ascending order (not always 1..rows: MariaDB's auto-increment may leave gaps in batches).
     */
    long[] fillUsers(int rows) {
        recreate(User.class);
        try (Connection connection = engine.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_users (name, age) VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setString(1, "user-" + i);
                    insert.setInt(2, baseAge(i));
                    insert.addBatch();
                    if (i % JdbcContender.BATCH_SIZE == 0 || i == rows) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long[] ids = new long[rows];
        try (Connection connection = engine.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, name FROM bench_users ORDER BY id");
             ResultSet rowsRead = select.executeQuery()) {
            int index = 0;
            while (rowsRead.next()) {
                check(index < rows, "filled table has more than " + rows + " rows");
                ids[index++] = rowsRead.getLong(1);
            }
            check(index == rows, "filled table has " + index + " rows, not " + rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        dev.retort.bench.Settle.tables(engine, "bench_users");
        return ids;
    }

    /**
     * Recreates {@code bench_animals} with {@code rows} rows, a third each animal, cat and dog in turn (name
     * "animal-i", age {@link #baseAge}, the subclass's sound), and returns the sum of their ids.
     */
    long fillAnimals(int rows) {
        Metadata metadata = Metadata.of(BenchAnimal.class, BenchCat.class, BenchDog.class);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection connection = engine.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_animals (kind, name, age, meow_sound, bark_sound) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    String kind = ANIMAL_KINDS[i % 3];
                    insert.setString(1, kind);
                    insert.setString(2, "animal-" + i);
                    insert.setInt(3, baseAge(i));
                    insert.setString(4, kind.equals("cat") ? "meow-" + i : null);
                    insert.setString(5, kind.equals("dog") ? "woof-" + i : null);
                    insert.addBatch();
                    if (i % JdbcContender.BATCH_SIZE == 0 || i == rows) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        dev.retort.bench.Settle.tables(engine, "bench_animals");
        return queryLong("SELECT SUM(id) FROM bench_animals", null);
    }

    static final String[] ANIMAL_KINDS = {"animal", "cat", "dog"};

    /** The age a filled row starts with; W4 adds a per-iteration shift to it. */
    static int baseAge(long id) {
        return 18 + (int) (id % 80);
    }

    long count(String table) {
        return queryLong("SELECT COUNT(*) FROM " + table, null);
    }

    long sumAges(long maxId) {
        return queryLong("SELECT SUM(age) FROM bench_users WHERE id <= ?", maxId);
    }

    String nameOf(String table, long id) {
        try (Connection connection = engine.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long queryLong(String sql, Long parameter) {
        try (Connection connection = engine.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setLong(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("Verification failed: " + failure);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
