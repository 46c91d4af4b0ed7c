package dev.retort.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.ConfigurationException;
import dev.retort.DatabaseException;
import dev.retort.engine.SqlLog;

/**
 * A SQL load script (the {@code sql-load-script} setting of the CDI and Quarkus integrations): a
 * class-path resource of statements separated by {@code ;}, run one by one, each committed on its own,
 * after the schema was created. Semicolons inside quoted strings and identifiers and inside comments do
 * not end a statement. Immutable.
 */
public final class SqlScript {
    private final String name;
    private final String key;
    private final URL resource;

    private SqlScript(String name, String key, URL resource) {
        this.name = name;
        this.key = key;
        this.resource = resource;
    }

    /** The resource {@code name} of the class path, or empty when there is none. */
    public static Optional<SqlScript> find(String name, String key, ClassLoader loader) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return Optional.ofNullable(loader.getResource(path)).map(resource -> new SqlScript(name, key, resource));
    }

    /** The resource {@code name}, which must exist: the error names the setting {@code key} and the fix. */
    public static SqlScript require(String name, String key, String noScriptHint, ClassLoader loader) {
        return find(name, key, loader).orElseThrow(() -> new ConfigurationException(key + " is '" + name + "', and there "
                + "is no such resource on the class path. To fix this, put the file in src/main/resources (the name is "
                + "relative to it), correct the name" + noScriptHint + "."));
    }

    public String name() {
        return name;
    }

    /** Runs every statement on a connection of its own, in auto-commit mode, logging each to {@code log}. */
    public void run(Connection connection, SqlLog log, String location) {
        List<String> statements = statements(read());
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                log.statement(sql, List.of(), 1, false);
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new DatabaseException("Statement " + (i + 1) + " of the load script " + name + " (" + key
                            + ") failed: " + e.getMessage() + ". The statement: " + sql + ". To fix this, correct the "
                            + "statement in the script; statements before it were committed.", e);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot run the load script " + name + " (" + key + ") at " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private String read() {
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the load script " + name + " (" + key + "): " + e.getMessage(), e);
        }
    }

    /** The script's statements, without comments, trimmed, without the {@code ;} that ends each. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = script.length();
        for (int i = 0; i < length; i++) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(script, i, c);
                current.append(script, i, end);
                i = end - 1;
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = (end < 0 ? length : end) - 1;
                current.append(' ');
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = (end < 0 ? length : end + 2) - 1;
                current.append(' ');
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote is part of the text. */
    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }
}
