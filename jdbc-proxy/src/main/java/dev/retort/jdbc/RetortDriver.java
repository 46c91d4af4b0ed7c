package dev.retort.jdbc;

import dev.retort.jdbc.log.Listeners;
import dev.retort.jdbc.log.SqlLog;
import dev.retort.jdbc.log.UrlMasker;
import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.wrapper.RetortConnection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The {@code jdbc:retort:<rest>} driver: opens {@code jdbc:<rest>} with whichever driver accepts it and
 * wraps the connection. Registered with {@link DriverManager} through
 * {@code META-INF/services/java.sql.Driver}. Thread-safe.
 */
public final class RetortDriver implements Driver {

    /** The URL prefix this driver accepts; what follows it is the target URL without {@code jdbc:}. */
    public static final String PREFIX = "jdbc:retort:";

    /** Parsed options per URL and {@code retort.*} connection properties, so a pool's connects parse once. */
    private static final Map<String, SqlLog> LOGS = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new RetortDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** For {@link java.util.ServiceLoader} and {@code Class.forName}; the driver holds no state. */
    public RetortDriver() {
    }

    /** Adds a listener for every proxy connection in this JVM, beside those found by ServiceLoader. */
    public static void addListener(SqlListener listener) {
        Listeners.add(listener);
    }

    /** @return whether the listener had been added */
    public static boolean removeListener(SqlListener listener) {
        return Listeners.remove(listener);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties properties = info == null ? new Properties() : info;
        SqlLog log = logFor(url, properties);
        String target = "jdbc:" + url.substring(PREFIX.length());
        Connection connection = targetDriver(url, target).connect(target,
                forTranslation(log.options(), target, withoutOptions(properties)));
        if (connection == null) {
            throw noDriver(url, target);
        }
        return RetortConnection.wrap(connection, log, UrlMasker.mask(target));
    }

    private static SqlLog logFor(String url, Properties properties) throws SQLException {
        StringBuilder key = new StringBuilder(url);
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith("retort.")) {
                key.append('\n').append(name).append('=').append(properties.getProperty(name));
            }
        }
        SqlLog cached = LOGS.get(key.toString());
        if (cached != null) {
            return cached;
        }
        try {
            SqlLog log = new SqlLog(ProxyOptions.load(properties));
            LOGS.putIfAbsent(key.toString(), log);
            return log;
        } catch (IllegalArgumentException badOption) {
            throw new SQLNonTransientConnectionException(badOption.getMessage(), "08001", badOption);
        }
    }

    /** DriverManager.getConnection would put the whole URL, password included, in its error message. */
    private static Driver targetDriver(String url, String target) throws SQLException {
        try {
            return DriverManager.getDriver(target);
        } catch (SQLException none) {
            throw noDriver(url, target);
        }
    }

    private static SQLException noDriver(String url, String target) {
        return new SQLNonTransientConnectionException("No JDBC driver accepts " + UrlMasker.mask(target)
                + " (from " + UrlMasker.mask(url) + "). To fix this, put the database's JDBC driver on the class"
                + " path, or correct the part of the URL after " + PREFIX, "08001");
    }

    /**
     * MySQL compares a string with a date or a number by converting it; PostgreSQL's driver types a
     * {@code setString} value as varchar and the server then refuses the comparison. When MySQL SQL is
     * translated for PostgreSQL, strings are sent untyped ({@code stringtype=unspecified}) unless the
     * application chose otherwise.
     */
    private static Properties forTranslation(ProxyOptions options, String target, Properties forwarded) {
        if (options.translateFrom() != null && options.translateFrom() != Dialect.POSTGRESQL
                && target.startsWith("jdbc:postgresql:") && !target.contains("stringtype=")
                && !forwarded.containsKey("stringtype")) {
            forwarded.setProperty("stringtype", "unspecified");
        }
        return forwarded;
    }

    private static Properties withoutOptions(Properties properties) {
        Properties forwarded = new Properties();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("retort.")) {
                forwarded.setProperty(name, properties.getProperty(name));
            }
        }
        return forwarded;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** The proxy's options, then the target driver's own. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        List<DriverPropertyInfo> all = new ArrayList<>();
        String[][] options = {
                {ProxyOptions.LOG, "true", "Record statements for the log and the listeners"},
                {ProxyOptions.LOG_SLOW_MS, "0", "Statements at least this slow (ms) log at INFO, others at DEBUG"},
                {ProxyOptions.LOG_PARAMS, "inline", "inline, separate or mask: how bound values are logged"},
                {ProxyOptions.LOG_FORMAT, "text", "text or json"},
                {ProxyOptions.LOG_CALLER, "false", "Add the application's stack frame to each record"}};
        for (String[] option : options) {
            DriverPropertyInfo property = new DriverPropertyInfo(option[0], option[1]);
            property.description = option[2];
            all.add(property);
        }
        if (acceptsURL(url)) {
            String target = "jdbc:" + url.substring(PREFIX.length());
            Properties properties = info == null ? new Properties() : info;
            all.addAll(Arrays.asList(targetDriver(url, target).getPropertyInfo(target, withoutOptions(properties))));
        }
        return all.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    /** The proxy passes through whatever the target driver supports; it cannot promise compliance. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.retort.jdbc");
    }
}
