package dev.retort.jdbc.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Run in a JVM of its own by {@code FileSinkTest}: runs {@code count} selects through the proxy with
 * {@code retort.log.file} set to the first argument, then returns from main without closing anything, so
 * only the proxy's exit hook can write the records still waiting.
 */
public final class FileLogExitMain {

    private FileLogExitMain() {
    }

    public static void main(String[] args) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.log.file", args[0]);
        int count = Integer.parseInt(args[1]);
        try (Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:exit", properties);
             PreparedStatement select = connection.prepareStatement("SELECT ? + 0")) {
            for (int i = 1; i <= count; i++) {
                select.setInt(1, i);
                try (ResultSet resultSet = select.executeQuery()) {
                    resultSet.next();
                }
            }
        }
        System.out.println("ran " + count);
    }
}
