package dev.retort.jdbc.translate;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The MySQL corpus on real servers: as written on MariaDB (the recorded rows must be MariaDB's), and
 * translated through the proxy on PostgreSQL.
 */
class MySqlCorpusIT {

    @TestFactory
    List<DynamicNode> asWrittenOnMariaDb() {
        String url = ServerUrls.require("RETORT_TEST_MARIADB_URL");
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.MYSQL)) {
            files.add(CorpusRunner.onSource(file, () -> DriverManager.getConnection(url)));
        }
        return files;
    }

    @TestFactory
    List<DynamicNode> translatedOnPostgres() {
        String url = ServerUrls.require("RETORT_TEST_POSTGRES_URL");
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.MYSQL)) {
            files.add(CorpusRunner.onTarget(file, Dialect.POSTGRESQL,
                    () -> CorpusRunner.translating(url, Dialect.MYSQL)));
        }
        return files;
    }
}
