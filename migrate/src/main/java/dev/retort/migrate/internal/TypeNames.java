package dev.retort.migrate.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One spelling per column type, so that what a dialect's DDL writes ({@code CHARACTER VARYING(40)},
 * {@code int8}, {@code DATETIME(6)}) and what its driver's metadata reports compare equal: aliases become
 * one name, and only lengths (strings, binaries) and precision/scale (decimals) are kept. Also tells a
 * widening change (no value lost) from any other. Stateless.
 */
public final class TypeNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("CHARACTER VARYING", "VARCHAR"), Map.entry("VARCHAR2", "VARCHAR"), Map.entry("NVARCHAR", "VARCHAR"),
            Map.entry("CHARACTER", "CHAR"), Map.entry("BPCHAR", "CHAR"), Map.entry("NCHAR", "CHAR"),
            Map.entry("BINARY VARYING", "VARBINARY"),
            Map.entry("NUMERIC", "DECIMAL"),
            Map.entry("INT8", "BIGINT"), Map.entry("INT4", "INTEGER"), Map.entry("INT", "INTEGER"),
            Map.entry("INT2", "SMALLINT"), Map.entry("BOOL", "BOOLEAN"),
            Map.entry("FLOAT8", "DOUBLE"), Map.entry("DOUBLE PRECISION", "DOUBLE"), Map.entry("FLOAT4", "REAL"),
            Map.entry("FLOAT", "REAL"), Map.entry("DATETIME", "TIMESTAMP"), Map.entry("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("CHARACTER LARGE OBJECT", "CLOB"));
    private static final List<String> SIZED = List.of("VARCHAR", "CHAR", "VARBINARY");
    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");
    private static final List<String> FLOATS = List.of("REAL", "DOUBLE");
    private static final List<String> TEXTS = List.of("VARCHAR", "TEXT", "MEDIUMTEXT", "LONGTEXT", "CLOB");

    private TypeNames() {
    }

    /**
     * The canonical spelling of a type a dialect's DDL wrote, such as {@code DECIMAL(12, 3)}; {@code decimalSizes}
     * false drops a decimal's sizes (SQLite's driver does not report them faithfully).
     */
    public static String ofDdl(String ddl, boolean decimalSizes) {
        int open = ddl.indexOf('(');
        if (open < 0) {
            return canonical(ddl, 0, 0, decimalSizes);
        }
        String[] sizes = ddl.substring(open + 1, ddl.indexOf(')')).split(",");
        int first = Integer.parseInt(sizes[0].trim());
        int second = sizes.length > 1 ? Integer.parseInt(sizes[1].trim()) : 0;
        return canonical(ddl.substring(0, open), first, second, decimalSizes);
    }

    /** The canonical spelling of a type as JDBC metadata reports it: TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS. */
    public static String canonical(String typeName, int size, int digits, boolean decimalSizes) {
        String base = typeName.trim().toUpperCase(Locale.ROOT);
        base = ALIASES.getOrDefault(base, base);
        if (SIZED.contains(base)) {
            return base + "(" + size + ")";
        }
        if (base.equals("DECIMAL") && decimalSizes) {
            return "DECIMAL(" + size + ", " + digits + ")";
        }
        return base;
    }

    /** Whether every value of {@code from} fits {@code to} unchanged (a longer string, a larger integer, ...). */
    public static boolean widens(String from, String to) {
        String fromBase = base(from);
        String toBase = base(to);
        if (fromBase.equals(toBase) && SIZED.contains(fromBase)) {
            return sizes(to)[0] >= sizes(from)[0];
        }
        if (fromBase.equals("CHAR") && toBase.equals("VARCHAR")) {
            return sizes(to)[0] >= sizes(from)[0];
        }
        if (fromBase.equals("DECIMAL") && toBase.equals("DECIMAL") && from.contains("(")) {
            int[] old = sizes(from);
            int[] wider = sizes(to);
            return wider[1] >= old[1] && wider[0] - wider[1] >= old[0] - old[1];
        }
        return ranks(INTEGERS, fromBase, toBase) || ranks(FLOATS, fromBase, toBase) || ranks(TEXTS, fromBase, toBase);
    }

    private static boolean ranks(List<String> order, String from, String to) {
        return order.contains(from) && order.indexOf(to) >= order.indexOf(from);
    }

    private static String base(String type) {
        int open = type.indexOf('(');
        return open < 0 ? type : type.substring(0, open);
    }

    private static int[] sizes(String type) {
        String[] parts = type.substring(type.indexOf('(') + 1, type.indexOf(')')).split(",");
        return new int[] {Integer.parseInt(parts[0].trim()), parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0};
    }
}
