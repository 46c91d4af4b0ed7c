package dev.retort.jdbc.translate;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/** The MySQL corpus translated for the embedded targets, H2 and SQLite, against the recorded rows. */
class MySqlCorpusTest {

    @TestFactory
    List<DynamicNode> onH2() {
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.MYSQL)) {
            String url = "jdbc:h2:mem:tr_corpus_" + file.name().replaceAll("\\W", "_");
            files.add(CorpusRunner.onTarget(file, Dialect.H2, () -> CorpusRunner.translating(url, Dialect.MYSQL)));
        }
        return files;
    }

    @TestFactory
    List<DynamicNode> onSqlite() {
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.MYSQL)) {
            files.add(CorpusRunner.onTarget(file, Dialect.SQLITE,
                    () -> CorpusRunner.translating("jdbc:sqlite::memory:", Dialect.MYSQL)));
        }
        return files;
    }
}
