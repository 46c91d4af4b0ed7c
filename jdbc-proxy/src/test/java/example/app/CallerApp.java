package example.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Stands for application code: its frame is the first outside JDBC, pool and ORM packages. */
public final class CallerApp {

    private CallerApp() {
    }

    public static void countUsers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM rp_format_users").close();
        }
    }
}
