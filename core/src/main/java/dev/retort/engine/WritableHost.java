package dev.retort.engine;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The engine's connections to a MariaDB primary whose URL lists several hosts
 * ({@code jdbc:mariadb://h1:3306,h2:3306/db}, or with the driver's {@code sequential} mode): each new connection
 * goes to the first host, in the URL's order, that answers and accepts writes ({@code @@read_only} off), so
 * that once an operator promotes a replica the pool's next connection finds it. MariaDB Connector/J's own modes
 * pick a host by whether it answers, not by whether it is writable, and would hand a not-yet-promoted replica
 * to a writer. When no host accepts writes, connecting fails with a connection error (SQLState 08001) that
 * names every host and why (the text only, so that it is the root cause the engine quotes), which the engine reports as unavailable. Agroal creates it (its connection
 * provider) and sets the URL and credentials through the setters. One round trip per new physical connection.
 */
public final class WritableHost implements DataSource {
    /** {@code jdbc:mariadb:} or {@code jdbc:mariadb:sequential:}, the hosts, then {@code /database?parameters}. */
    private static final Pattern MULTI_HOST = Pattern.compile("^jdbc:mariadb:(?:sequential:)?//([^/?]*,[^/?]*)(/.*)?$");

    private volatile List<String> hostUrls = List.of();
    private volatile String user;
    private volatile String password;
    private volatile int loginTimeout;

    /** Whether connections to {@code jdbcUrl} need this (a MariaDB URL of several plain host:port entries). */
    public static boolean handles(String jdbcUrl) {
        Matcher matcher = MULTI_HOST.matcher(jdbcUrl);
        return matcher.matches() && !matcher.group(1).contains("(");
    }

    /** The primary's URL, as the engine passes it to Agroal. */
    public void setUrl(String jdbcUrl) {
        Matcher matcher = MULTI_HOST.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a MariaDB URL of several hosts: " + EngineUrl.masked(jdbcUrl));
        }
        String rest = matcher.group(2) == null ? "/" : matcher.group(2);
        List<String> urls = new ArrayList<>();
        for (String host : matcher.group(1).split(",")) {
            urls.add("jdbc:mariadb://" + host.trim() + rest);
        }
        this.hostUrls = List.copyOf(urls);
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        List<String> refusals = new ArrayList<>();
        for (String url : hostUrls) {
            String host = hostOf(url);
            Connection connection;
            try {
                connection = DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                refusals.add(host + " (" + e.getMessage() + ")");
                continue;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@read_only")) {
                if (row.next() && !row.getBoolean(1)) {
                    return connection;
                }
                refusals.add(host + " (read-only: a replica, not the primary)");
            } catch (SQLException e) {
                refusals.add(host + " (" + e.getMessage() + ")");
            }
            connection.close();
        }
        throw new SQLNonTransientConnectionException("no host accepts writes: " + String.join(", ", refusals), "08001");
    }

    private static String hostOf(String url) {
        String afterScheme = url.substring("jdbc:mariadb://".length());
        int slash = afterScheme.indexOf('/');
        return slash < 0 ? afterScheme : afterScheme.substring(0, slash);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The driver logs through its own logger.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("WritableHost logs through the MariaDB driver's own logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("WritableHost does not wrap a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
