package dev.retort.jdbc.translate;

import java.util.List;

/** The corpus files, by source dialect. */
final class Corpora {

    static final List<String> MYSQL = List.of("mysql-lexical.sql", "mysql-functions.sql", "mysql-dates.sql",
            "mysql-writes.sql", "mysql-refused.sql", "mysql-ddl.sql",
            "mysql-text.sql", "mysql-apps.sql");
    static final List<String> POSTGRESQL = List.of("postgresql.sql", "postgresql-sets.sql");

    private Corpora() {
    }

    static List<CorpusFile> load(List<String> names) {
        return names.stream().map(CorpusFile::load).toList();
    }
}
