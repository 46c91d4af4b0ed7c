package dev.retort.jdbc.translate;

import java.util.List;
import java.util.Map;

/**
 * One case of the translation corpus: statements in the source dialect (the last one's rows are compared),
 * the rows the source database returns (null when the case is only refused), and the exact refusal
 * expected on some targets.
 */
record CorpusCase(String file, String name, int line, List<String> statements, List<String> expectedRows,
                  Map<Dialect, String> refusals, List<String> bind,
                  Map<Dialect, List<String>> known) {

    String query() {
        return statements.get(statements.size() - 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
