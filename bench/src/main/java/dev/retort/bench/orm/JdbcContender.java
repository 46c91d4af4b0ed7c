package dev.retort.bench.orm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Hand-written best-practice JDBC: prepared statements reused for a whole workload, JDBC batches of
 * {@value #BATCH_SIZE} rows (Retort's flush batch size), generated keys read back with
 * {@code getGeneratedKeys}, {@code getInt}/{@code wasNull} reads, one transaction per unit of work.
 * Connections come from the same Agroal pool Retort's engine uses.
 * <p>
 * On SQLite, sqlite-jdbc answers {@code getGeneratedKeys} after a batch with the last rowid only, so
 * the insert runs {@code INSERT ... RETURNING id} row by row (an in-process call, no round trip); see
 * ORM-RESULTS.md for the variants measured.
 */
final class JdbcContender implements Contender {
    static final int BATCH_SIZE = 1000;
    private static final String INSERT = "INSERT INTO bench_users (name, age) VALUES (?, ?)";
    private static final String SELECT_ALL = "SELECT id, name, age FROM bench_users";
    private static final String SELECT_BY_ID = "SELECT id, name, age FROM bench_users WHERE id = ?";
    private static final String SELECT_FIRST = "SELECT id, name, age FROM bench_users ORDER BY id LIMIT ?";
    private static final String SELECT_ANIMALS = "SELECT id, kind, name, age, meow_sound, bark_sound FROM bench_animals";
    private static final String UPDATE_AGE = "UPDATE bench_users SET age = ? WHERE id = ?";

    /** How W1 learns generated keys. */
    enum KeyStrategy {
        /** executeBatch per 1000 rows, then getGeneratedKeys: one key per batched row. */
        BATCH,
        /** executeUpdate per row, then getGeneratedKeys. */
        ROW_GENERATED_KEYS,
        /** executeQuery of INSERT ... RETURNING id per row. */
        ROW_RETURNING
    }

    private final DataSource dataSource;
    private final KeyStrategy keys;

    JdbcContender(DataSource dataSource, KeyStrategy keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    KeyStrategy keyStrategy() {
        return keys;
    }

    @Override
    public void insertAll(List<User> users) {
        try (Connection connection = begin()) {
            switch (keys) {
                case BATCH -> insertBatched(connection, users);
                case ROW_GENERATED_KEYS -> insertRowByRow(connection, users);
                case ROW_RETURNING -> insertReturning(connection, users);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertBatched(Connection connection, List<User> users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            for (int start = 0; start < users.size(); start += BATCH_SIZE) {
                int end = Math.min(users.size(), start + BATCH_SIZE);
                for (int i = start; i < end; i++) {
                    bindUser(insert, users.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                int index = start;
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    while (generated.next()) {
                        users.get(index++).id = generated.getLong(1);
                    }
                }
                if (index != end) {
                    throw new IllegalStateException("got " + (index - start) + " keys for " + (end - start) + " rows");
                }
            }
        }
    }

    private static void insertRowByRow(Connection connection, List<User> users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            for (User user : users) {
                bindUser(insert, user);
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    generated.next();
                    user.id = generated.getLong(1);
                }
            }
        }
    }

    private static void insertReturning(Connection connection, List<User> users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT + " RETURNING id")) {
            for (User user : users) {
                bindUser(insert, user);
                try (ResultSet generated = insert.executeQuery()) {
                    generated.next();
                    user.id = generated.getLong(1);
                }
            }
        }
    }

    private static void bindUser(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.name);
        if (user.age == null) {
            statement.setNull(2, Types.INTEGER);
        } else {
            statement.setInt(2, user.age);
        }
    }

    @Override
    public List<User> loadAll() {
        try (Connection connection = begin();
             PreparedStatement select = connection.prepareStatement(SELECT_ALL)) {
            List<User> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(read(rows));
                }
            }
            connection.commit();
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<BenchAnimal> loadAnimals() {
        try (Connection connection = begin();
             PreparedStatement select = connection.prepareStatement(SELECT_ANIMALS)) {
            List<BenchAnimal> animals = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    animals.add(readAnimal(rows));
                }
            }
            connection.commit();
            return animals;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row as the class its {@code kind} names; an unknown kind is an error, as in the ORMs. */
    private static BenchAnimal readAnimal(ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        String kind = rows.getString(2);
        String name = rows.getString(3);
        int age = rows.getInt(4);
        Integer boxedAge = rows.wasNull() ? null : age;
        switch (kind) {
            case "cat":
                return new BenchCat(id, name, boxedAge, rows.getString(5));
            case "dog":
                return new BenchDog(id, name, boxedAge, rows.getString(6));
            case "animal":
                return new BenchAnimal(id, name, boxedAge);
            default:
                throw new IllegalStateException("bench_animals row " + id + " has unknown kind " + kind);
        }
    }

    @Override
    public List<User> getEach(long[] ids, int perSession) {
        List<User> users = new ArrayList<>(ids.length);
        try {
            for (int start = 0; start < ids.length; start += perSession) {
                int end = Math.min(ids.length, start + perSession);
                try (Connection connection = begin();
                     PreparedStatement select = connection.prepareStatement(SELECT_BY_ID)) {
                    for (int i = start; i < end; i++) {
                        select.setLong(1, ids[i]);
                        try (ResultSet rows = select.executeQuery()) {
                            users.add(rows.next() ? read(rows) : null);
                        }
                    }
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return users;
    }

    @Override
    public Loaded loadFirst(int count) {
        try {
            Connection connection = begin();
            List<User> users = new ArrayList<>(count);
            try (PreparedStatement select = connection.prepareStatement(SELECT_FIRST)) {
                select.setInt(1, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(read(rows));
                    }
                }
            }
            return new Loaded() {
                @Override
                public List<User> users() {
                    return users;
                }

                /** The application knows which objects it changed: it updates those, in batches. */
                @Override
                public void commit() {
                    try (connection; PreparedStatement update = connection.prepareStatement(UPDATE_AGE)) {
                        for (int start = 0; start < users.size(); start += BATCH_SIZE) {
                            int end = Math.min(users.size(), start + BATCH_SIZE);
                            for (int i = start; i < end; i++) {
                                User user = users.get(i);
                                update.setInt(1, user.age);
                                update.setLong(2, user.id);
                                update.addBatch();
                            }
                            for (int updated : update.executeBatch()) {
                                if (updated != 1 && updated != Statement.SUCCESS_NO_INFO) {
                                    throw new IllegalStateException("UPDATE changed " + updated + " rows");
                                }
                            }
                        }
                        connection.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User read(ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        String name = rows.getString(2);
        int age = rows.getInt(3);
        return new User(id, name, rows.wasNull() ? null : age);
    }

    private Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public void close() {
        // The pool belongs to the database under test.
    }
}
