package dev.retort.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.retort.ConfigurationException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;

/**
 * A database URL, SQLAlchemy style ({@code sqlite:///example.db}, {@code postgresql://user:pw@host/db})
 * or JDBC style ({@code jdbc:...}), turned into what a JDBC driver needs. Credentials are kept apart from
 * the JDBC URL, and {@link #toString()} never shows the password.
 */
public final class EngineUrl {
    private static final AtomicInteger MEMORY_DATABASES = new AtomicInteger();

    /** Supported schemes, for messages. */
    public static final String SUPPORTED = "sqlite:///path/to/file.db, sqlite:// (in memory), "
            + "postgresql://user:password@host:port/database, mysql://... and mariadb://... (same form), "
            + "h2:mem:name, h2:file:path, or any JDBC URL starting with jdbc:";

    /** The first host and port of a server URL: {@code jdbc:postgresql://host:5432/db}. */
    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile(
            "^jdbc:[a-z0-9]+://(?:[^@/]*@)?(\\[[^\\]]+\\]|[^/:?,;]+)(?::(\\d+))?");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final boolean memory;
    private final String location;
    private final Map<String, String> driverProperties;

    private EngineUrl(String jdbcUrl, String user, String password, Dialect dialect, boolean memory, String location,
                      Map<String, String> driverProperties) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dialect = dialect;
        this.memory = memory;
        this.location = location;
        this.driverProperties = driverProperties;
    }

    public static EngineUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("The database URL is empty. Supported forms: " + SUPPORTED + ".");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            return fromJdbc(trimmed);
        }
        int colon = trimmed.indexOf(':');
        String scheme = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String baseScheme = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        switch (baseScheme.toLowerCase(Locale.ROOT)) {
            case "sqlite":
                return sqlite(trimmed, colon);
            case "h2":
                return h2(trimmed.substring(colon + 1));
            case "postgresql": case "postgres":
                return server(trimmed, colon, "postgresql", "postgresql", 5432);
            case "mysql":
                return server(trimmed, colon, "mysql", "mariadb", 3306);
            case "mariadb":
                return server(trimmed, colon, "mariadb", "mariadb", 3306);
            default:
                throw new ConfigurationException("Unknown database URL scheme '" + scheme + "' in '" + masked(trimmed)
                        + "'. Supported forms: " + SUPPORTED + ".");
        }
    }

    private static EngineUrl fromJdbc(String url) {
        Dialect dialect = Dialects.forJdbcUrl(url).orElse(null);
        boolean memory = url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:sqlite::memory:")
                || url.contains("mode=memory");
        return new EngineUrl(url, null, null, dialect, memory, masked(url), Map.of());
    }

    /**
     * Whether the database runs inside this process (SQLite, H2 other than over TCP or SSL): when it cannot
     * be opened, its file is at fault, not a server.
     */
    public boolean isEmbedded() {
        return jdbcUrl.startsWith("jdbc:sqlite:")
                || jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    /**
     * For a SQLite file, checks that its folder exists: sqlite-jdbc would only say "path to '...' does not
     * exist" at the first connection, which reads like a server problem. Other URLs pass.
     */
    public void requireFolder() {
        if (memory || !jdbcUrl.startsWith("jdbc:sqlite:")) {
            return;
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        java.nio.file.Path folder = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new ConfigurationException("The folder of the SQLite file " + file + " does not exist: " + folder + ". To fix this, create the folder, or correct the path "
                    + "(sqlite:///relative.db is relative to the working directory, sqlite:////absolute.db is absolute).");
        }
    }

    private static EngineUrl sqlite(String url, int colon) {
        String rest = url.substring(colon + 1);
        if (!rest.startsWith("//")) {
            throw new ConfigurationException("SQLite URL '" + url + "' must start with sqlite:// — use sqlite:///relative.db, "
                    + "sqlite:////absolute/path.db, or sqlite:// for an in-memory database.");
        }
        String path = rest.substring(2);
        Map<String, String> properties = new LinkedHashMap<>();
        // Foreign keys are off by default in SQLite; waiting on a busy file beats failing at once.
        properties.put("foreign_keys", "true");
        properties.put("busy_timeout", "10000");
        if (path.isEmpty() || path.equals("/") || path.equals("/:memory:")) {
            String name = "retort-memory-" + MEMORY_DATABASES.incrementAndGet();
            return new EngineUrl("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared", null, null,
                    Dialects.byName("sqlite").orElseThrow(), true, "SQLite in memory", properties);
        }
        String file = path.substring(1);
        return new EngineUrl("jdbc:sqlite:" + file, null, null, Dialects.byName("sqlite").orElseThrow(), false,
                "SQLite file " + file, properties);
    }

    private static EngineUrl h2(String rest) {
        java.util.regex.Matcher kind = H2_KIND.matcher(rest);
        if (kind.find() && !H2_KINDS.contains(kind.group(1).toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("H2 URL 'h2:" + rest + "' names an unknown kind of database '" + kind.group(1)
                    + ":'. To fix this, use h2:mem:name (in memory), h2:file:path, or h2:tcp://host/path.");
        }
        boolean memory = rest.startsWith("mem:");
        String jdbc = "jdbc:h2:" + rest + (memory && !rest.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY") ? ";DB_CLOSE_DELAY=-1" : "");
        return new EngineUrl(jdbc, null, null, Dialects.byName("h2").orElseThrow(), memory, "H2 " + rest, Map.of());
    }

    /** The prefixes H2 gives a meaning to before the database name (others would be read as a file name). */
    private static final java.util.Set<String> H2_KINDS = java.util.Set.of("mem", "file", "tcp", "ssl", "zip", "nio",
            "niomapped", "split", "memfs", "memlzf", "async", "retry");
    private static final java.util.regex.Pattern H2_KIND = java.util.regex.Pattern.compile("^([A-Za-z]{2,}):");

    private static EngineUrl server(String url, int colon, String dialectName, String jdbcScheme, int defaultPort) {
        String rest = url.substring(colon + 1);
        if (!rest.startsWith("//")) {
            throw new ConfigurationException("URL '" + masked(url) + "' must have the form " + dialectName
                    + "://user:password@host:port/database.");
        }
        rest = rest.substring(2);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int separator = credentials.indexOf(':');
            user = decode(separator < 0 ? credentials : credentials.substring(0, separator));
            password = separator < 0 ? null : decode(credentials.substring(separator + 1));
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String databaseAndQuery = slash < 0 ? "" : rest.substring(slash + 1);
        String database = databaseAndQuery.contains("?") ? databaseAndQuery.substring(0, databaseAndQuery.indexOf('?')) : databaseAndQuery;
        String host = hostPort.isEmpty() ? "localhost" : hostPort;
        if (!host.contains(":") || host.startsWith("[") && host.endsWith("]")) {
            host = host + ":" + defaultPort;
        }
        String jdbc = "jdbc:" + jdbcScheme + "://" + host + "/" + databaseAndQuery;
        String location = Dialects.byName(dialectName).orElseThrow().displayName() + " at " + host
                + " (database '" + database + "'" + (user != null ? ", user '" + user + "'" : "") + ")";
        return new EngineUrl(jdbc, user, password, Dialects.byName(dialectName).orElseThrow(), false, location, Map.of());
    }

    /** Percent-decoding as SQLAlchemy's {@code unquote}: a '+' is a plus (URLDecoder alone reads it as a space). */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by {@code ***}, safe for messages and logs. */
    public static String masked(String url) {
        // user:password@ wherever it stands (with or without //, even with an unencoded '/' in the password)
        String result = url.replaceAll("(?<=[:/])([^:/@]+):(?!//)[^@:]+@", "$1:***@");
        return result.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The server's host in the JDBC URL ({@code jdbc:...://host:port/...}; the first of several), or null. */
    public String host() {
        java.util.regex.Matcher server = SERVER.matcher(jdbcUrl);
        return server.find() ? server.group(1) : null;
    }

    /** The server's port in the JDBC URL, or -1 when it names none (or no server). */
    public int port() {
        java.util.regex.Matcher server = SERVER.matcher(jdbcUrl);
        return server.find() && server.group(2) != null ? Integer.parseInt(server.group(2)) : -1;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The dialect the URL implies, or {@code null} for a JDBC URL of an unknown database. */
    public Dialect dialect() {
        return dialect;
    }

    public boolean isMemory() {
        return memory;
    }

    /** Where the database is, for messages: "PostgreSQL at 127.0.0.1:5432 (database 'app', user 'app')". */
    public String location() {
        return location;
    }

    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    @Override
    public String toString() {
        return location;
    }
}
