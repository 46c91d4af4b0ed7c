package dev.retort.bench.relations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import dev.retort.Engine;
import dev.retort.Metadata;

/**
 * One database under test for W5 (the same idea as the ORM benchmark's Target, kept separate so that the
 * two harnesses evolve independently): a Retort engine whose Agroal pool every contender shares, and the
 * untimed chores — recreating the two tables, filling them, counting and reading rows for the checks.
 */
final class Database implements AutoCloseable {
    static final String USERS = "bench_rel_users";
    static final String POSTS = "bench_rel_posts";

    private final String label;
    private final Engine engine;
    private final String hibernateDialect;

    private Database(String label, String jdbcUrl, String hibernateDialect, boolean echo) {
        this.label = label;
        this.engine = Engine.create(jdbcUrl, echo ? Map.of("echo", "true") : Map.of());
        this.hibernateDialect = hibernateDialect;
    }

    /**
     * H2 as in the other benches ({@code H2Urls}): without its result reuse unless {@code -Dbench.h2.reuseResults=true}.
     * With reuse, a contender that repeats its SQL and parameters exactly (the JDBC baseline does) reads the result H2
     * computed last time instead of the tables; the runs before 2026-12-03 had it on, see {@link #reusesResults}.
     */
    static Database h2(boolean echo) {
        return new Database("H2 (mem)", dev.retort.bench.H2Urls.inMemory("retort-rel-bench"), null, echo);
    }

    /**
     * Whether H2 serves repeated queries from its last result. Without it, H2 also runs an uncorrelated
     * {@code IN (SELECT ...)} again for every row, so Hibernate's subselect fetch takes more than 15 minutes instead
     * of milliseconds; the bench leaves that one variant out on H2 then, and says so.
     */
    static boolean reusesResults() {
        return Boolean.parseBoolean(System.getProperty("bench.h2.reuseResults", "false"));
    }

    static Database sqlite(boolean echo) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "retort-rel-bench", "bench.db");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + file, e);
        }
        return new Database("SQLite (file)", "jdbc:sqlite:" + file, "org.hibernate.community.dialect.SQLiteDialect", echo);
    }

    static Database postgres(String jdbcUrl, boolean echo) {
        return new Database("PostgreSQL", jdbcUrl, null, echo);
    }

    static Database mariadb(String jdbcUrl, boolean echo) {
        return new Database("MariaDB", jdbcUrl, null, echo);
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

    boolean isH2() {
        return engine.dialect().name().equals("h2");
    }

    boolean isSqlite() {
        return engine.dialect().name().equals("sqlite");
    }

    /** Drops and creates both tables (identities restart from 1), with the foreign key Retort declares. */
    void recreate() {
        Metadata metadata = Metadata.of(User.class, Post.class);
        metadata.dropAll(engine);
        metadata.createAll(engine);
    }

    /**
     * Recreates the tables with {@code users} users ("user-i") of {@code postsPerUser} posts each
     * ("user-i/j"), in JDBC batches, and returns the users' ids in ascending order (MariaDB's
     * auto-increment may leave gaps between batches, so they are read back rather than assumed).
     */
    long[] fill(int users, int postsPerUser) {
        recreate();
        long[] ids = new long[users];
        try (Connection connection = engine.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + USERS + " (name) VALUES (?)")) {
                for (int i = 1; i <= users; i++) {
                    insert.setString(1, "user-" + i);
                    insert.addBatch();
                    if (i % JdbcRelations.BATCH_SIZE == 0 || i == users) {
                        insert.executeBatch();
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM " + USERS + " ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                int index = 0;
                while (rows.next()) {
                    check(index < users && rows.getString(2).equals("user-" + (index + 1)), "filled users are not in order");
                    ids[index++] = rows.getLong(1);
                }
                check(index == users, "filled " + index + " users, not " + users);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + POSTS + " (title, user_id) VALUES (?, ?)")) {
                int pending = 0;
                for (int i = 1; i <= users; i++) {
                    for (int j = 1; j <= postsPerUser; j++) {
                        insert.setString(1, "user-" + i + "/" + j);
                        insert.setLong(2, ids[i - 1]);
                        insert.addBatch();
                        if (++pending == JdbcRelations.BATCH_SIZE) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        check(count(POSTS) == (long) users * postsPerUser, "filled " + count(POSTS) + " posts");
        dev.retort.bench.Settle.tables(engine, USERS, POSTS);
        return ids;
    }

    long count(String table) {
        try (Connection connection = engine.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored columns of rows by id: a user's name, or a post's title and user id ("title|user_id"). */
    Map<Long, String> rows(String table, Iterable<Long> ids) {
        String columns = table.equals(USERS) ? "name" : "title, user_id";
        Map<Long, String> found = new HashMap<>();
        try (Connection connection = engine.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE id = ?")) {
            for (Long id : ids) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        found.put(id, table.equals(USERS) ? rows.getString(1) : rows.getString(1) + "|" + rows.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
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
