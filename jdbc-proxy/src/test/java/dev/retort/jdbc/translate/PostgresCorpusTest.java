package dev.retort.jdbc.translate;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL corpus translated for SQLite against the recorded rows. */
class PostgresCorpusTest {

    @TestFactory
    List<DynamicNode> onSqlite() {
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.POSTGRESQL)) {
            files.add(CorpusRunner.onTarget(file, Dialect.SQLITE,
                    () -> CorpusRunner.translating("jdbc:sqlite::memory:", Dialect.POSTGRESQL)));
        }
        return files;
    }
}
