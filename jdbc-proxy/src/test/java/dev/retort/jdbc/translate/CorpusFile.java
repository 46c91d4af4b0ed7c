package dev.retort.jdbc.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus file under {@code src/test/resources/translate/}. Its format, line by line:
 * <pre>
 * &#64;source mysql                 the dialect the SQL is written in
 * &#64;fixture                      statements run once before the cases (each ends with ;)
 * &#64;case name                    statements; the last one is the query whose rows are compared
 * &#64;expect                       rows as the source database returns them, values joined by " | ",
 *                               "(no rows)" for none; values normalised by {@link Rows}
 * &#64;refuse target: message       the whole SQLException message expected on that target instead
 * &#64;known target: r1 / r2         the rows a target returns instead: a documented difference (README)
 * &#64;bind v1 | v2                 values bound to the ? markers of the last statement (numbers, or text)
 * </pre>
 * Lines starting with {@code --!} are comments of the corpus itself.
 */
record CorpusFile(String name, Dialect source, List<String> fixture, List<CorpusCase> cases) {

    static CorpusFile load(String name) {
        try (InputStream in = CorpusFile.class.getResourceAsStream("/translate/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus file translate/" + name + " on the test class path");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusFile parse(String name, String text) {
        Dialect source = null;
        List<String> fixture = new ArrayList<>();
        List<CorpusCase> cases = new ArrayList<>();
        String section = "";
        String caseName = null;
        int caseLine = 0;
        List<String> statements = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        Map<Dialect, String> refusals = new LinkedHashMap<>();
        List<String> bind = new ArrayList<>();
        boolean expect = false;
        Map<Dialect, List<String>> known = new LinkedHashMap<>();
        StringBuilder statement = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length + 1; number++) {
            String line = number <= lines.length ? lines[number - 1].stripTrailing() : "@end";
            if (line.startsWith("--!")) {
                continue;
            }
            if (line.startsWith("@")) {
                flush(statement, section.equals("fixture") ? fixture : statements);
                if (line.startsWith("@case") || line.equals("@end")) {
                    if (caseName != null) {
                        if (!expect && refusals.isEmpty()) {
                            throw new IllegalStateException(name + ":" + caseLine + " case " + caseName
                                    + " has neither @expect rows nor @refuse");
                        }
                        cases.add(new CorpusCase(name, caseName, caseLine, List.copyOf(statements),
                                expect ? List.copyOf(rows) : null,
                                Map.copyOf(refusals), List.copyOf(bind), Map.copyOf(known)));
                    }
                    caseName = line.length() > 5 ? line.substring(5).trim() : null;
                    caseLine = number;
                    statements.clear();
                    rows.clear();
                    refusals.clear();
                    bind.clear();
                    known.clear();
                    expect = false;
                    section = "case";
                } else if (line.startsWith("@source")) {
                    source = Dialect.named(line.substring(7).trim());
                } else if (line.equals("@fixture")) {
                    section = "fixture";
                } else if (line.equals("@expect")) {
                    section = "expect";
                    expect = true;
                } else if (line.startsWith("@bind")) {
                    bind.addAll(List.of(line.substring(5).trim().split(" \\| ")));
                } else if (line.startsWith("@known")) {
                    int colon = line.indexOf(':');
                    known.put(Dialect.named(line.substring(6, colon).trim()),
                            List.of(line.substring(colon + 1).trim().split(" / ")));
                } else if (line.startsWith("@refuse")) {
                    int colon = line.indexOf(':');
                    refusals.put(Dialect.named(line.substring(7, colon).trim()), line.substring(colon + 1).trim());
                } else {
                    throw new IllegalStateException(name + ":" + number + " unknown directive " + line);
                }
                continue;
            }
            if (section.equals("expect")) {
                if (!line.isBlank() && !line.equals("(no rows)")) {
                    rows.add(line);
                }
            } else if (!line.isBlank() || statement.length() > 0) {
                statement.append(statement.length() > 0 ? "\n" : "").append(line);
                if (line.endsWith(";")) {
                    statement.setLength(statement.length() - 1);
                    flush(statement, section.equals("fixture") ? fixture : statements);
                }
            }
        }
        return new CorpusFile(name, source, List.copyOf(fixture), List.copyOf(cases));
    }

    private static void flush(StringBuilder statement, List<String> into) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            into.add(text);
        }
        statement.setLength(0);
    }
}
