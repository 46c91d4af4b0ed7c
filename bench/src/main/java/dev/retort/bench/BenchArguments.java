package dev.retort.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} arguments of a harness: read each setting with its default, then {@link #done()}
 * refuses the keys no setting read (a misspelt key must not silently run the defaults).
 */
public final class BenchArguments {
    private final Map<String, String> values = new LinkedHashMap<>();

    private BenchArguments(List<String> arguments) {
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Expected key=value, got '" + argument + "'");
            }
            values.put(argument.substring(0, equals).trim(), argument.substring(equals + 1).trim());
        }
    }

    public static BenchArguments of(List<String> arguments) {
        return new BenchArguments(arguments);
    }

    /**
     * The {@code key=value} words of a command line: Maven's exec plugin hands {@code -Dbench.args="a=1 b=2"} over as
     * one argument, a shell as several, so each is split at white space.
     */
    public static List<String> words(String[] args) {
        List<String> words = new java.util.ArrayList<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    public String text(String key, String defaultValue) {
        String value = values.remove(key);
        return value != null ? value : defaultValue;
    }

    public int integer(String key, int defaultValue) {
        return Integer.parseInt(text(key, String.valueOf(defaultValue)));
    }

    public long longInteger(String key, long defaultValue) {
        return Long.parseLong(text(key, String.valueOf(defaultValue)));
    }

    public boolean flag(String key, boolean defaultValue) {
        return Boolean.parseBoolean(text(key, String.valueOf(defaultValue)));
    }

    /** A comma-separated list. */
    public List<String> list(String key, String defaultValue) {
        return Arrays.asList(text(key, defaultValue).split(","));
    }

    /** Refuses the arguments no setting read. */
    public void done() {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown settings " + values.keySet());
        }
    }
}
