package dev.retort.it.compliance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.it.OnDatabase;
import dev.retort.it.SqlRecorder;
import dev.retort.it.TestDatabase;
import dev.retort.it.model.Account;
import dev.retort.it.model.Country;
import dev.retort.it.model.Employee;
import dev.retort.it.model.Post;
import dev.retort.it.model.Purchase;
import dev.retort.it.model.Sample;
import dev.retort.it.model.Score;
import dev.retort.it.model.Ticket;
import dev.retort.it.model.Token;
import dev.retort.it.model.User;

/**
 * Base of the shared compliance suites: one engine per test class on the database the subclass names,
 * a fresh schema before every test, the SQL log recorded, and plain-JDBC helpers to check what really
 * reached the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest implements OnDatabase {
    protected Engine engine;
    protected Metadata metadata;
    protected SessionFactory sessions;
    protected SqlRecorder sql;

    /** The database this suite runs on; tests ask what it can do with {@link dev.retort.it.Requires}. */
    @Override
    public abstract TestDatabase database();

    @BeforeAll
    void openEngine() {
        database().assumeAvailable();
        engine = database().engine();
        metadata = metadata();
        sessions = SessionFactory.of(engine, metadata);
    }

    /** The entities of the suite (its tables are dropped and created before each test). */
    protected Metadata metadata() {
        return Metadata.of(User.class, Account.class, Sample.class, Ticket.class, Token.class, Country.class, Score.class,
                Purchase.class, Employee.class, Post.class);
    }

    @BeforeEach
    void freshSchema() {
        metadata.dropAll(engine);
        metadata.createAll(engine);
        sql = SqlRecorder.start();
    }

    @AfterEach
    void stopRecording() {
        if (sql != null) {
            sql.close();
        }
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            metadata.dropAll(engine);
            engine.close();
        }
    }

    /** Five users, Eve without an age; the SQL log is cleared afterwards. */
    protected void seedUsers() {
        try (Session session = sessions.open()) {
            session.addAll(new User("Alice", 30), new User("Bob", 25), new User("Carol", 28), new User("Dave", 25),
                    new User("Eve", null));
            session.commit();
        }
        sql.take();
    }

    /**
     * How the log shows an INSERT of {@code rows} rows whose keys the database generates: one JDBC batch
     * where the driver returns keys per batch, else one execution per row, with RETURNING where it exists.
     */
    protected String generatedKeyInsert(String insert, int rows) {
        boolean batched = engine.dialect().supportsBatchGeneratedKeys();
        String sql = insert + (!batched && engine.dialect().supportsReturning() ? " RETURNING id" : "");
        return rows == 1 ? sql : sql + (batched ? "  [batch of " + rows + "]" : "  [row by row: " + rows + " rows]");
    }

    /**
     * How the log shows a load's {@code IN} list of whole-number keys, {@code before + " IN (...)" + after}:
     * written as literals where the dialect inlines key lists (H2), else bound, padded to the next power of
     * two by repeating the last key, the keys shown after the statement.
     */
    protected String keyList(String before, String after, Object... keys) {
        List<String> shown = new ArrayList<>();
        for (Object key : keys) {
            shown.add(String.valueOf(key));
        }
        if (engine.dialect().inlinesKeyLists()) {
            return before + " IN (" + String.join(", ", shown) + ")" + after;
        }
        while (Integer.bitCount(shown.size()) != 1) {
            shown.add(shown.get(shown.size() - 1));
        }
        return before + " IN (" + String.join(", ", java.util.Collections.nCopies(shown.size(), "?")) + ")" + after
                + "  [" + String.join(", ", shown) + "]";
    }

    /** Rows of a plain SQL query on a connection of its own, each row as a list of strings. */
    protected List<List<String>> rows(String query) {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(query)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(resultSet.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("Query failed: " + query, e);
        }
    }

    protected long count(String table) {
        return Long.parseLong(rows("SELECT COUNT(*) FROM " + table).get(0).get(0));
    }

    /** Runs plain SQL behind the sessions' backs, committed. */
    protected void execute(String update) {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(update);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError("Statement failed: " + update, e);
        }
    }
}
