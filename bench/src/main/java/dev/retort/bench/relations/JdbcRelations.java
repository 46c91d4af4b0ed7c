package dev.retort.bench.relations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Hand-written JDBC for W5, on a connection from the shared pool, one transaction per unit of work.
 * <p>
 * W5a: users in JDBC batches of {@value #BATCH_SIZE} with {@code getGeneratedKeys}, then their posts the
 * same way with the users' ids bound — every object learns its id, as the ORMs' objects do. On SQLite,
 * whose driver returns only the last rowid after a batch, both tables row by row with
 * {@code INSERT ... RETURNING id} (the fastest way measured by the ORM benchmark, see ORM-RESULTS.md).
 * <p>
 * W5b, two ways, both measured: {@link #loadSelectIn} (the first users, then one
 * {@code SELECT ... WHERE user_id IN (?, ..., ?)} with all their ids) and {@link #loadJoin} (one statement,
 * the first users in a derived table LEFT JOINed to their posts). Objects are built as the ORMs build
 * them: a {@code User} per row with its list of posts, each {@code Post} pointing back at its user.
 */
final class JdbcRelations {
    static final int BATCH_SIZE = 1000;
    private static final String INSERT_USER = "INSERT INTO " + Database.USERS + " (name) VALUES (?)";
    private static final String INSERT_POST = "INSERT INTO " + Database.POSTS + " (title, user_id) VALUES (?, ?)";
    private static final String SELECT_FIRST = "SELECT id, name FROM " + Database.USERS + " ORDER BY id LIMIT ?";
    private static final String SELECT_JOIN = "SELECT u.id, u.name, p.id, p.title FROM (SELECT id, name FROM "
            + Database.USERS + " ORDER BY id LIMIT ?) u LEFT JOIN " + Database.POSTS + " p ON p.user_id = u.id ORDER BY u.id, p.id";

    private final DataSource dataSource;
    private final boolean rowByRow;

    JdbcRelations(DataSource dataSource, boolean rowByRow) {
        this.dataSource = dataSource;
        this.rowByRow = rowByRow;
    }

    String insertLabel() {
        return rowByRow ? "jdbc (row returning)" : "jdbc (batch)";
    }

    // ---- W5a ----------------------------------------------------------------------------------------

    void insertGraph(List<User> users) {
        List<Post> posts = new ArrayList<>(users.size() * 5);
        for (User user : users) {
            posts.addAll(user.posts);
        }
        try (Connection connection = begin()) {
            if (rowByRow) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_USER + " RETURNING id")) {
                    for (User user : users) {
                        insert.setString(1, user.name);
                        user.id = returnedKey(insert);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT_POST + " RETURNING id")) {
                    for (Post post : posts) {
                        insert.setString(1, post.title);
                        insert.setLong(2, post.author.id);
                        post.id = returnedKey(insert);
                    }
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_USER, new String[] {"id"})) {
                    for (int start = 0; start < users.size(); start += BATCH_SIZE) {
                        int end = Math.min(users.size(), start + BATCH_SIZE);
                        for (int i = start; i < end; i++) {
                            insert.setString(1, users.get(i).name);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        int index = start;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            while (keys.next()) {
                                users.get(index++).id = keys.getLong(1);
                            }
                        }
                        checkKeys(index, start, end);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT_POST, new String[] {"id"})) {
                    for (int start = 0; start < posts.size(); start += BATCH_SIZE) {
                        int end = Math.min(posts.size(), start + BATCH_SIZE);
                        for (int i = start; i < end; i++) {
                            Post post = posts.get(i);
                            insert.setString(1, post.title);
                            insert.setLong(2, post.author.id);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        int index = start;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            while (keys.next()) {
                                posts.get(index++).id = keys.getLong(1);
                            }
                        }
                        checkKeys(index, start, end);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long returnedKey(PreparedStatement insert) throws SQLException {
        try (ResultSet key = insert.executeQuery()) {
            key.next();
            return key.getLong(1);
        }
    }

    private static void checkKeys(int index, int start, int end) {
        if (index != end) {
            throw new IllegalStateException("got " + (index - start) + " keys for " + (end - start) + " rows");
        }
    }

    // ---- W5b ----------------------------------------------------------------------------------------

    /** The first {@code count} users by id, then all their posts with one IN query. */
    Loaded loadSelectIn(int count) {
        try (Connection connection = begin()) {
            List<User> users = new ArrayList<>(count);
            Map<Long, User> byId = new HashMap<>(count * 2);
            try (PreparedStatement select = connection.prepareStatement(SELECT_FIRST)) {
                select.setInt(1, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        User user = new User(rows.getLong(1), rows.getString(2));
                        users.add(user);
                        byId.put(user.id, user);
                    }
                }
            }
            if (!users.isEmpty()) {
                StringBuilder sql = new StringBuilder("SELECT id, title, user_id FROM ").append(Database.POSTS)
                        .append(" WHERE user_id IN (");
                for (int i = 0; i < users.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(") ORDER BY id");
                try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                    for (int i = 0; i < users.size(); i++) {
                        select.setLong(i + 1, users.get(i).id);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            User author = byId.get(rows.getLong(3));
                            author.posts.add(new Post(rows.getLong(1), rows.getString(2), author));
                        }
                    }
                }
            }
            long posts = Loaded.countPosts(users);
            connection.commit();
            return new Loaded(users, posts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code count} users and their posts in one statement (derived table LEFT JOIN posts). */
    Loaded loadJoin(int count) {
        try (Connection connection = begin();
             PreparedStatement select = connection.prepareStatement(SELECT_JOIN)) {
            select.setInt(1, count);
            List<User> users = new ArrayList<>(count);
            try (ResultSet rows = select.executeQuery()) {
                User current = null;
                while (rows.next()) {
                    long userId = rows.getLong(1);
                    if (current == null || current.id != userId) {
                        current = new User(userId, rows.getString(2));
                        users.add(current);
                    }
                    long postId = rows.getLong(3);
                    if (!rows.wasNull()) {
                        current.posts.add(new Post(postId, rows.getString(4), current));
                    }
                }
            }
            long posts = Loaded.countPosts(users);
            connection.commit();
            return new Loaded(users, posts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
