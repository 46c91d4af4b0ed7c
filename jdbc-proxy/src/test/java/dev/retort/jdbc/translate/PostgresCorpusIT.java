package dev.retort.jdbc.translate;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL corpus on real servers: as written on PostgreSQL (the recorded rows must be its own), and
 * translated through the proxy on MariaDB.
 */
class PostgresCorpusIT {

    @TestFactory
    List<DynamicNode> asWrittenOnPostgres() {
        String url = ServerUrls.require("RETORT_TEST_POSTGRES_URL");
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.POSTGRESQL)) {
            files.add(CorpusRunner.onSource(file, () -> DriverManager.getConnection(url)));
        }
        return files;
    }

    @TestFactory
    List<DynamicNode> translatedOnMariaDb() {
        String url = ServerUrls.require("RETORT_TEST_MARIADB_URL");
        List<DynamicNode> files = new ArrayList<>();
        for (CorpusFile file : Corpora.load(Corpora.POSTGRESQL)) {
            files.add(CorpusRunner.onTarget(file, Dialect.MARIADB,
                    () -> CorpusRunner.translating(url, Dialect.POSTGRESQL)));
        }
        return files;
    }
}
