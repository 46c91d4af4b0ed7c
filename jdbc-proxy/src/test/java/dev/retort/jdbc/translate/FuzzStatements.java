package dev.retort.jdbc.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the fuzz test's statements: valid MySQL and PostgreSQL statements from the corpus files, and
 * those same statements with tokens deleted, duplicated, inserted or swapped, quotes and comments left
 * open, nesting thousands of levels deep, hundreds of kilobytes long, or replaced by random characters.
 * Statement {@code index} depends only on the seed and the index, so a failure is reproduced alone.
 */
final class FuzzStatements {

    private static final String[] CORPUS = {"mysql-dates.sql", "mysql-functions.sql", "mysql-lexical.sql",
            "mysql-refused.sql", "mysql-writes.sql", "postgresql.sql"};

    /** Constructs the rules look for, and the characters that open or close something. */
    private static final String[] INSERTS = {"(", ")", "'", "\"", "`", "/*", "*/", "-- ", "#", "$$", "$a$", "?",
            "::", "||", ",", ";", "@", "@@x", "E'", "X'", "/*!40101 ", "\\", "SELECT", "FROM", "WHERE", "CASE",
            "END", "WHEN", "THEN", "ELSE", "IFNULL(", "IF(", "INTERVAL", "LIMIT", "OFFSET", "ORDER BY", "NULLS FIRST",
            "ON CONFLICT", "DO UPDATE SET", "RETURNING", "ON DUPLICATE KEY UPDATE", "VALUES(", "GROUP_CONCAT(",
            "STRING_AGG(", "SEPARATOR", "DIV", "MOD", "LIKE", "ILIKE", "REGEXP", "<=>", "->>", "IS DISTINCT FROM",
            "CAST(", "AS", "DATE_ADD(", "DATE_FORMAT(", "STR_TO_DATE(", "1", "-", "+", "'x'", "NULL", "TRUE",
            "DUAL", "FOR UPDATE", "LOCK IN SHARE MODE", "DEFAULT", "CREATE TABLE", "ALTER TABLE", "AUTO_INCREMENT",
            "SERIAL", "INSERT INTO", "UPDATE", "SET", "DELETE", "JOIN", "USING", "EXCLUDED.", "CONCAT(", "NOW()",
            "CURDATE()", "LOCATE(", "SUBSTRING(", "TRUNCATE(", "GREATEST(", "::text", "~*", "ARRAY[", "]", "NOT",
            "BINARY", "COLLATE", "COALESCE(", "EXTRACT(", "TIMESTAMPDIFF(", "WITH", "UNION", "é", "\u0000", "\n"};

    private static final String PUNCTUATION = "'\"`()$#-/*;?\\@:!";

    /** Openers and closers to nest; some closers empty (prefix operators) and some left off on purpose. */
    private static final String[][] NESTINGS = {{"IFNULL(", ", 1)"}, {"COALESCE(", ", 1)"}, {"(", ")"},
            {"CONCAT(", ", 'x')"}, {"(SELECT ", ")"}, {"CASE WHEN a THEN ", " END"}, {"DATE_ADD(", ", INTERVAL 1 DAY)"},
            {"- ", ""}, {"NOT ", ""}, {"CAST(", " AS CHAR)"}, {"IF(a, ", ", 2)"}, {"GROUP_CONCAT(", ")"},
            {"LOWER(", ")"}, {"a IN (", ")"}, {"EXISTS (SELECT ", ")"}, {"/* ", " */"}, {"ABS(", ")::int"}};

    /** A generated statement and the dialect of the corpus statement it came from. */
    record Fuzzed(String sql, Dialect source) {
    }

    private final long seed;
    private final List<String> statements = new ArrayList<>();
    private final List<Dialect> sources = new ArrayList<>();

    FuzzStatements(long seed) {
        this.seed = seed;
        for (String name : CORPUS) {
            CorpusFile file = CorpusFile.load(name);
            List<String> all = new ArrayList<>(file.fixture());
            for (CorpusCase corpusCase : file.cases()) {
                all.addAll(corpusCase.statements());
            }
            statements.addAll(all);
            all.forEach(statement -> sources.add(file.source()));
        }
    }

    int corpusSize() {
        return statements.size();
    }

    Fuzzed statement(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int pick = random.nextInt(statements.size());
        return new Fuzzed(generate(random, index, statements.get(pick)), sources.get(pick));
    }

    private String generate(Random random, int index, String base) {
        if (index % 2_000 == 1_999) {
            return huge(random, base);
        }
        int kind = random.nextInt(100);
        if (kind < 10) {
            return base;
        }
        if (kind < 50) {
            return mutate(random, base, 1 + random.nextInt(5));
        }
        if (kind < 60) {
            // the first inserts are the characters that open a literal, a name or a comment
            return insertAt(random, base, INSERTS[random.nextInt(17)]);
        }
        if (kind < 70) {
            return nest(random, base);
        }
        if (kind < 80) {
            return noise(random, 1 + random.nextInt(300));
        }
        if (kind < 90) {
            String other = statements.get(random.nextInt(statements.size()));
            return base.substring(0, random.nextInt(base.length() + 1)) + other.substring(random.nextInt(other.length() + 1));
        }
        return insertAt(random, mutate(random, base, 2), noise(random, 1 + random.nextInt(8)));
    }

    private static String mutate(Random random, String sql, int operations) {
        List<String> tokens = split(sql);
        for (int k = 0; k < operations; k++) {
            int at = tokens.isEmpty() ? 0 : random.nextInt(tokens.size());
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (!tokens.isEmpty()) {
                        tokens.remove(at);
                    }
                }
                case 1 -> {
                    if (!tokens.isEmpty()) {
                        tokens.add(at, tokens.get(at));
                    }
                }
                case 2 -> tokens.add(at, INSERTS[random.nextInt(INSERTS.length)]);
                default -> {
                    if (tokens.size() > 1) {
                        int other = random.nextInt(tokens.size());
                        String swapped = tokens.get(at);
                        tokens.set(at, tokens.get(other));
                        tokens.set(other, swapped);
                    }
                }
            }
        }
        return String.join("", tokens);
    }

    /** Words, runs of space, and single other characters: enough to delete or move a token whole. */
    private static List<String> split(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int j = i + 1;
            char c = sql.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
            } else if (Character.isWhitespace(c)) {
                while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
                    j++;
                }
            }
            tokens.add(sql.substring(i, j));
            i = j;
        }
        return tokens;
    }

    private static String insertAt(Random random, String sql, String insert) {
        int at = random.nextInt(sql.length() + 1);
        return sql.substring(0, at) + insert + sql.substring(at);
    }

    /**
     * Levels around a piece of the statement, sometimes with the closers left off: mostly up to 150, a
     * third around the translator's limit, and one in twenty up to 5,000 (those cost the most time).
     */
    private static String nest(Random random, String sql) {
        String[] nesting = NESTINGS[random.nextInt(NESTINGS.length)];
        int pick = random.nextInt(20);
        int levels = pick == 0 ? random.nextInt(5_000) : pick < 7 ? Translator.MAX_NESTING - 5 + random.nextInt(10)
                : random.nextInt(150);
        boolean closed = random.nextInt(5) > 0;
        int at = random.nextInt(sql.length() + 1);
        int end = at + random.nextInt(sql.length() - at + 1);
        return sql.substring(0, at) + nesting[0].repeat(levels) + sql.substring(at, end)
                + (closed ? nesting[1].repeat(levels) : "") + sql.substring(end);
    }

    /** Printable ASCII, SQL punctuation, control characters, other scripts and lone surrogates. */
    private static String noise(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            int range = random.nextInt(10);
            if (range < 5) {
                text.append((char) (32 + random.nextInt(95)));
            } else if (range < 7) {
                text.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            } else if (range < 8) {
                text.append((char) random.nextInt(32));
            } else {
                text.append((char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    /** 200 to 400 KB: a statement repeated, a long IN list, a long literal or many statements. */
    private static String huge(Random random, String sql) {
        int target = 200_000 + random.nextInt(200_000);
        return switch (random.nextInt(4)) {
            case 0 -> (sql + ";\n").repeat(Math.max(1, target / (sql.length() + 2)));
            case 1 -> "SELECT a FROM t WHERE a IN (" + "1, ".repeat(target / 3) + "1)";
            case 2 -> "SELECT '" + "x".repeat(target) + (random.nextBoolean() ? "'" : "");
            default -> "SELECT " + "a + ".repeat(target / 4) + "1";
        };
    }
}
