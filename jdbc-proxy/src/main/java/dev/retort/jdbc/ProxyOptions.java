package dev.retort.jdbc;

import dev.retort.jdbc.translate.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxy's {@code retort.*} options, resolved from connection properties (highest precedence), then
 * system properties, then {@code retort-jdbc.properties} on the class path.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ProxyOptions {

    /** {@code true} (default) or {@code false}: record statements for the logger and the listeners. */
    public static final String LOG = "retort.log";
    /** Statements at least this slow (ms, default 0) log at INFO, faster ones at DEBUG. */
    public static final String LOG_SLOW_MS = "retort.log.slow-ms";
    /**
     * A duration such as {@code 200ms} or {@code 2s} (a whole number with the unit ms, s, m or h; 0, the default,
     * turns it off): each statement at least this slow also logs a WARNING naming its SQL, its time and the
     * threshold ({@link dev.retort.jdbc.observe.SlowStatements}).
     */
    public static final String LOG_SLOW_STATEMENT_THRESHOLD = "retort.log.slow-statement-threshold";
    /** {@code inline} (default), {@code separate} or {@code mask}: how bound values appear in the log. */
    public static final String LOG_PARAMS = "retort.log.params";
    /** {@code text} (default) or {@code json}. */
    public static final String LOG_FORMAT = "retort.log.format";
    /** {@code false} (default) or {@code true}: add the first stack frame outside JDBC, pool and ORM code. */
    public static final String LOG_CALLER = "retort.log.caller";
    /**
     * The longest literal one bound value may log as (characters, default {@value #DEFAULT_MAX_VALUE_LENGTH});
     * a longer value is summarised as {@code <String, 10485760 chars>}, without being copied.
     */
    public static final String LOG_MAX_VALUE_LENGTH = "retort.log.max-value-length";
    /**
     * The most characters of a statement one record holds (default {@value #DEFAULT_MAX_STATEMENT_LENGTH}):
     * the SQL with its values, the SQL sent and the driver's error each; the rest is cut and counted.
     */
    public static final String LOG_MAX_STATEMENT_LENGTH = "retort.log.max-statement-length";
    /**
     * A file (none by default) that records are appended to, one per line, by the proxy's own buffered writer
     * instead of the {@code System.Logger}: written on a background thread every {@value
     * dev.retort.jdbc.log.FileSink#FLUSH_MILLIS} ms, and flushed when the JVM exits normally.
     */
    public static final String LOG_FILE = "retort.log.file";

    /** Long enough for any ordinary value (a name, a JSON snippet, a URL), short of a document. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 1000;
    /** A page of SQL: multi-row inserts show their first rows, a record stays a few kilobytes. */
    public static final int DEFAULT_MAX_STATEMENT_LENGTH = 8192;

    /** {@code mysql} (or {@code mariadb}) or {@code postgresql}: the dialect the application's SQL is written in. */
    public static final String TRANSLATE_FROM = "retort.translate.from";
    /** {@code postgresql}, {@code h2}, {@code sqlite}, {@code mysql} or {@code mariadb}; default from the URL. */
    public static final String TRANSLATE_TO = "retort.translate.to";
    /** {@code false} (default) or {@code true}: refuse every construct the translator cannot vouch for. */
    public static final String TRANSLATE_STRICT = "retort.translate.strict";
    /**
     * {@code true} (default) or {@code false}: from MySQL, compare, sort and group the text of tables the
     * proxy did not create without case, as MySQL's default collation does; {@code false} leaves them to the
     * target's collation, which keeps their indexes usable.
     */
    public static final String TRANSLATE_CASE_INSENSITIVE = "retort.translate.case-insensitive";
    /**
     * {@code true} (default) or {@code false}: text columns of tables created through the translator get the
     * target's case-insensitive type or collation, so they compare, sort, group and stay unique as under
     * MySQL's default collation.
     */
    public static final String TRANSLATE_CASE_INSENSITIVE_COLUMNS = "retort.translate.case-insensitive-columns";

    /** The class path resource read as the lowest-precedence source. */
    public static final String RESOURCE = "retort-jdbc.properties";

    private static final List<String> KEYS = List.of(LOG, LOG_CALLER, LOG_FILE, LOG_FORMAT, LOG_MAX_STATEMENT_LENGTH,
            LOG_MAX_VALUE_LENGTH, LOG_PARAMS, LOG_SLOW_MS, LOG_SLOW_STATEMENT_THRESHOLD, TRANSLATE_CASE_INSENSITIVE,
            TRANSLATE_CASE_INSENSITIVE_COLUMNS,
            TRANSLATE_FROM, TRANSLATE_STRICT, TRANSLATE_TO);

    private static final String TRANSLATE_PREFIX = "retort.translate.";

    /** Keys of the Retort ORM that share the {@code retort.} namespace of system properties. */
    private static final Set<String> ORM_KEYS = Set.of("retort.log.sql", "retort.log.bind-parameters");

    /** How bound values appear in the log. */
    public enum Params {
        /** Values replace their {@code ?} in the SQL, as SQL literals. */
        INLINE,
        /** The SQL keeps its {@code ?}; the values follow it as a list. */
        SEPARATE,
        /** The SQL keeps its {@code ?}; values are never written, only their number. */
        MASK
    }

    /** The shape of each log message. */
    public enum Format {
        /** One readable line per statement (a batch adds a line per parameter set). */
        TEXT,
        /** One JSON object per statement. */
        JSON
    }

    private static final ProxyOptions DEFAULTS = new ProxyOptions(true, 0, Params.INLINE, Format.TEXT, false,
            DEFAULT_MAX_VALUE_LENGTH, DEFAULT_MAX_STATEMENT_LENGTH, null, null, false, true, true, null, Duration.ZERO);

    /** A whole number and an optional unit (seconds by default), as the ORM's duration options. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private final boolean log;
    private final long slowMillis;
    private final Params params;
    private final Format format;
    private final boolean caller;
    private final int maxValueLength;
    private final int maxStatementLength;
    private final Dialect translateFrom;
    private final Dialect translateTo;
    private final boolean strict;
    private final boolean caseInsensitive;
    private final boolean caseInsensitiveColumns;
    private final String file;
    private final Duration slowStatementThreshold;

    private ProxyOptions(boolean log, long slowMillis, Params params, Format format, boolean caller,
                         int maxValueLength, int maxStatementLength, Dialect translateFrom, Dialect translateTo,
                         boolean strict, boolean caseInsensitive, boolean caseInsensitiveColumns, String file,
                         Duration slowStatementThreshold) {
        this.log = log;
        this.slowMillis = slowMillis;
        this.params = params;
        this.format = format;
        this.caller = caller;
        this.maxValueLength = maxValueLength;
        this.maxStatementLength = maxStatementLength;
        this.translateFrom = translateFrom;
        this.translateTo = translateTo;
        this.strict = strict;
        this.caseInsensitive = caseInsensitive;
        this.caseInsensitiveColumns = caseInsensitiveColumns;
        this.file = file;
        this.slowStatementThreshold = slowStatementThreshold;
    }

    /** Options from system properties and {@code retort-jdbc.properties} only. */
    public static ProxyOptions load() {
        return load(new Properties());
    }

    /**
     * Options with {@code connectionProperties} taking precedence over system properties and
     * {@code retort-jdbc.properties}. Keys not starting with {@code retort.} are ignored.
     *
     * @throws IllegalArgumentException naming the key and its source when a key is unknown or a value invalid
     */
    public static ProxyOptions load(Properties connectionProperties) {
        return resolve(connectionProperties, System.getProperties(), classPathFile());
    }

    /** The three sources, highest precedence first; separate from {@link #load} so it can be tested. */
    static ProxyOptions resolve(Properties connection, Properties system, Properties file) {
        Map<String, String> merged = new TreeMap<>();
        collect(merged, file, "retort-jdbc.properties on the class path", false);
        collect(merged, system, "system properties", true);
        collect(merged, connection, "connection properties", false);
        if (merged.isEmpty()) {
            return DEFAULTS;
        }
        return new ProxyOptions(
                bool(merged, LOG, DEFAULTS.log),
                whole(merged, LOG_SLOW_MS, DEFAULTS.slowMillis, 0, "a whole number of milliseconds, 0 or more"),
                choice(merged, LOG_PARAMS, Params.class, DEFAULTS.params),
                choice(merged, LOG_FORMAT, Format.class, DEFAULTS.format),
                bool(merged, LOG_CALLER, DEFAULTS.caller),
                (int) whole(merged, LOG_MAX_VALUE_LENGTH, DEFAULTS.maxValueLength, 1,
                        "a whole number of characters from 1 to 2147483647"),
                (int) whole(merged, LOG_MAX_STATEMENT_LENGTH, DEFAULTS.maxStatementLength, 1,
                        "a whole number of characters from 1 to 2147483647"),
                dialect(merged, TRANSLATE_FROM, "mysql, mariadb or postgresql", Dialect.MYSQL, Dialect.MARIADB,
                        Dialect.POSTGRESQL),
                dialect(merged, TRANSLATE_TO, "postgresql, h2, sqlite, mysql or mariadb", Dialect.values()),
                bool(merged, TRANSLATE_STRICT, DEFAULTS.strict),
                bool(merged, TRANSLATE_CASE_INSENSITIVE, DEFAULTS.caseInsensitive),
                bool(merged, TRANSLATE_CASE_INSENSITIVE_COLUMNS, DEFAULTS.caseInsensitiveColumns),
                file(merged),
                duration(merged, LOG_SLOW_STATEMENT_THRESHOLD, DEFAULTS.slowStatementThreshold));
    }

    private static String file(Map<String, String> merged) {
        String entry = merged.get(LOG_FILE);
        if (entry == null) {
            return null;
        }
        if (value(entry).isEmpty()) {
            throw invalid(LOG_FILE, entry, "the path of a file the application may write");
        }
        return value(entry);
    }

    private static Duration duration(Map<String, String> merged, String key, Duration fallback) {
        String entry = merged.get(key);
        if (entry == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value(entry).toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(key, entry, "a duration such as 200ms, 2s or 1m (0 turns it off)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    private static Dialect dialect(Map<String, String> merged, String key, String expected, Dialect... allowed) {
        String entry = merged.get(key);
        if (entry == null) {
            return null;
        }
        Dialect named = Dialect.named(value(entry));
        if (named == null || !List.of(allowed).contains(named)) {
            throw invalid(key, entry, expected);
        }
        return named;
    }

    /**
     * Merged values are kept as "value\u0000source" so that a bad value's message names where it came
     * from. System properties are shared with the rest of the JVM (and the Retort ORM's own
     * {@code retort.*} keys), so there only keys under the proxy's {@code retort.log} and
     * {@code retort.translate.} prefixes are checked.
     */
    private static void collect(Map<String, String> merged, Properties source, String sourceName,
                                boolean shared) {
        for (String key : source.stringPropertyNames()) {
            if (!key.startsWith("retort.")) {
                continue;
            }
            if (shared && (!(key.startsWith(LOG) || key.startsWith(TRANSLATE_PREFIX)) || ORM_KEYS.contains(key))) {
                continue;
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown option '" + key + "' in " + sourceName
                        + ". Valid keys are " + String.join(", ", KEYS)
                        + ". To fix this, correct the key's spelling or remove it.");
            }
            merged.put(key, source.getProperty(key).trim() + '\u0000' + sourceName);
        }
    }

    private static boolean bool(Map<String, String> merged, String key, boolean fallback) {
        String entry = merged.get(key);
        if (entry == null) {
            return fallback;
        }
        String value = value(entry);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, entry, "true or false");
    }

    /** A whole number from {@code min} up; the lengths also stay below {@link Integer#MAX_VALUE}. */
    private static long whole(Map<String, String> merged, String key, long fallback, long min, String expected) {
        String entry = merged.get(key);
        if (entry == null) {
            return fallback;
        }
        long max = key.equals(LOG_SLOW_MS) ? Long.MAX_VALUE : Integer.MAX_VALUE;
        try {
            long number = Long.parseLong(value(entry));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the same message as a number out of range
        }
        throw invalid(key, entry, expected);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> merged, String key, Class<E> type,
                                                E fallback) {
        String entry = merged.get(key);
        if (entry == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value(entry))) {
                return constant;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            expected.append(expected.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(key, entry, "one of " + expected);
    }

    private static String value(String entry) {
        return entry.substring(0, entry.indexOf('\u0000'));
    }

    private static IllegalArgumentException invalid(String key, String entry, String expected) {
        String source = entry.substring(entry.indexOf('\u0000') + 1);
        return new IllegalArgumentException("Invalid value '" + value(entry) + "' for option '" + key + "' in "
                + source + ": expected " + expected + ". To fix this, set " + key + " to " + expected + ".");
    }

    private static Properties classPathFile() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ProxyOptions.class.getClassLoader();
        }
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the class path", e);
        }
        return properties;
    }

    /** Whether statements are recorded at all; when false the proxy only forwards calls. */
    public boolean log() {
        return log;
    }

    /** Statements taking at least this many milliseconds log at INFO, the others at DEBUG. */
    public long slowMillis() {
        return slowMillis;
    }

    /** Statements at least this slow log a WARNING; {@link Duration#ZERO} when the slow-statement log is off. */
    public Duration slowStatementThreshold() {
        return slowStatementThreshold;
    }

    public Params params() {
        return params;
    }

    public Format format() {
        return format;
    }

    /** Whether each record names the application code that ran the statement. */
    public boolean caller() {
        return caller;
    }

    /** The longest literal a bound value logs as; longer values are summarised by type and length. */
    public int maxValueLength() {
        return maxValueLength;
    }

    /** The most characters of SQL (with values), of SQL sent and of an error message one record holds. */
    public int maxStatementLength() {
        return maxStatementLength;
    }

    /** The file records are appended to by the proxy's buffered writer, or null for the {@code System.Logger}. */
    public String file() {
        return file;
    }

    /** The dialect the application writes, or null when translation is off (the default). */
    public Dialect translateFrom() {
        return translateFrom;
    }

    /** The dialect to translate to, or null to take it from the connection's URL. */
    public Dialect translateTo() {
        return translateTo;
    }

    /** Whether doubtful constructs are refused rather than passed through with a warning. */
    public boolean translateStrict() {
        return strict;
    }

    /** Whether MySQL's case-insensitive comparisons are emulated on the target. */
    public boolean translateCaseInsensitive() {
        return caseInsensitive;
    }

    /** Whether translated CREATE TABLE gives text columns the target's case-insensitive type or collation. */
    public boolean translateCaseInsensitiveColumns() {
        return caseInsensitiveColumns;
    }

    /** The translation options appear only when translation is on. */
    @Override
    public String toString() {
        String text = LOG + '=' + log + ", " + LOG_SLOW_MS + '=' + slowMillis + ", " + LOG_PARAMS + '='
                + params.name().toLowerCase(Locale.ROOT) + ", " + LOG_FORMAT + '='
                + format.name().toLowerCase(Locale.ROOT) + ", " + LOG_CALLER + '=' + caller + ", "
                + LOG_MAX_VALUE_LENGTH + '=' + maxValueLength + ", " + LOG_MAX_STATEMENT_LENGTH + '='
                + maxStatementLength + (file == null ? "" : ", " + LOG_FILE + '=' + file)
                + (slowStatementThreshold.isZero() ? ""
                : ", " + LOG_SLOW_STATEMENT_THRESHOLD + '=' + slowStatementThreshold.toMillis() + "ms");
        if (translateFrom == null) {
            return text;
        }
        return text + ", " + TRANSLATE_FROM + '=' + translateFrom + ", " + TRANSLATE_TO + '='
                + (translateTo == null ? "(from the URL)" : translateTo) + ", " + TRANSLATE_STRICT + '=' + strict
                + ", " + TRANSLATE_CASE_INSENSITIVE + '=' + caseInsensitive + ", " + TRANSLATE_CASE_INSENSITIVE_COLUMNS
                + '=' + caseInsensitiveColumns;
    }
}
