package dev.retort.jdbc.translate;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Runs corpus files: on the source database as written (the recorded rows must be what it returns) and
 * through {@code jdbc:retort:} with {@code retort.translate.from} on a target (the same rows, or the
 * recorded refusal). Each file runs on one connection per database, its fixture first.
 */
final class CorpusRunner {

    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\"]?\\w+[`\"]?)");

    private CorpusRunner() {
    }

    /** The proxy URL for a raw {@code jdbc:} URL. */
    static String proxied(String rawUrl) {
        return "jdbc:retort:" + rawUrl.substring("jdbc:".length());
    }

    static Connection translating(String rawUrl, Dialect source) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", source.key());
        properties.setProperty("retort.log", "false");
        return DriverManager.getConnection(proxied(rawUrl), properties);
    }

    /** One container per file: every case's source SQL checked against its recorded rows. */
    static DynamicNode onSource(CorpusFile file, ConnectionFactory source) {
        List<DynamicNode> tests = new ArrayList<>();
        Holder holder = new Holder(source, file);
        for (CorpusCase corpusCase : file.cases()) {
            if (corpusCase.expectedRows() == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(corpusCase.toString(), () -> {
                Connection connection = holder.connection();
                assertThat(rows(connection, corpusCase)).as("%s on the source database", corpusCase)
                        .containsExactlyElementsOf(corpusCase.expectedRows());
            }));
        }
        tests.add(DynamicTest.dynamicTest(file.name() + " closes", holder::close));
        return DynamicContainer.dynamicContainer(file.name() + " on " + file.source(), tests);
    }

    /** One container per file and target: the translated SQL returns the recorded rows, or is refused. */
    static DynamicNode onTarget(CorpusFile file, Dialect target, ConnectionFactory proxy) {
        List<DynamicNode> tests = new ArrayList<>();
        Holder holder = new Holder(proxy, file);
        for (CorpusCase corpusCase : file.cases()) {
            tests.add(DynamicTest.dynamicTest(corpusCase + " on " + target, () -> {
                Connection connection = holder.connection();
                String refusal = corpusCase.refusals().get(target);
                if (refusal == null) {
                    List<String> expected = corpusCase.known().getOrDefault(target, corpusCase.expectedRows());
                    assertThat(rows(connection, corpusCase)).as("%s translated for %s", corpusCase, target)
                            .containsExactlyElementsOf(expected);
                } else {
                    SQLException refused = catchThrowableOfType(SQLException.class, () -> rows(connection, corpusCase));
                    assertThat(refused == null ? "(not refused)" : refused.getMessage())
                            .as("%s must be refused on %s", corpusCase, target).isEqualTo(refusal);
                    assertThat(refused.getSQLState()).isEqualTo("42000");
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest(file.name() + " closes on " + target, holder::close));
        return DynamicContainer.dynamicContainer(file.name() + " on " + target, tests);
    }

    /** Opens a connection for a file. */
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** The file's connection, opened with the fixture on first use. */
    private static final class Holder {
        private final ConnectionFactory factory;
        private final CorpusFile file;
        private Connection connection;

        Holder(ConnectionFactory factory, CorpusFile file) {
            this.factory = factory;
            this.file = file;
        }

        Connection connection() throws SQLException {
            if (connection == null) {
                connection = factory.open();
                try (Statement statement = connection.createStatement()) {
                    dropCreated(statement, file.fixture());
                    for (String sql : file.fixture()) {
                        statement.execute(sql);
                    }
                }
            }
            return connection;
        }

        void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static void dropCreated(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            Matcher created = CREATED.matcher(sql);
            if (created.find()) {
                statement.execute("DROP TABLE IF EXISTS " + created.group(1));
            }
        }
    }

    static List<String> rows(Connection connection, CorpusCase corpusCase) throws SQLException {
        List<String> statements = corpusCase.statements();
        try (Statement statement = connection.createStatement()) {
            dropCreated(statement, statements);
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
        }
        if (corpusCase.bind().isEmpty()) {
            try (Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery(corpusCase.query())) {
                return Rows.read(resultSet);
            }
        }
        try (PreparedStatement prepared = connection.prepareStatement(corpusCase.query())) {
            for (int k = 0; k < corpusCase.bind().size(); k++) {
                String value = corpusCase.bind().get(k);
                if (value.matches("-?\\d+")) {
                    prepared.setLong(k + 1, Long.parseLong(value));
                } else {
                    prepared.setString(k + 1, value.replaceAll("^'|'$", ""));
                }
            }
            try (ResultSet resultSet = prepared.executeQuery()) {
                return Rows.read(resultSet);
            }
        }
    }
}
