package dev.retort.jdbc;

import dev.retort.jdbc.support.RecordingListener;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 16 threads share one pool through RetortDataSource; every statement must come out as exactly one record. */
class PooledStressTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 150;

    @Test
    void everyStatementOfEveryThreadIsRecordedOnceOnItsOwnConnection() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:retort_stress;DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(8);
        RetortDataSource dataSource = new RetortDataSource(pool);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rp_stress (thread INTEGER, round INTEGER, PRIMARY KEY (thread, round))");
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try (RecordingListener listener = RecordingListener.register()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int threadNumber = thread;
                results.add(executor.submit(() -> work(dataSource, threadNumber)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(ROUNDS);
            }
            assertAccounted(listener);
        } finally {
            executor.shutdownNow();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE rp_stress");
            }
            pool.dispose();
        }
    }

    /** Each round checks a connection out, inserts, reads its own row count back, and returns it. */
    private static int work(RetortDataSource dataSource, int thread) throws SQLException {
        int lastCount = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rp_stress VALUES (?, ?)")) {
                    insert.setInt(1, thread);
                    insert.setInt(2, round);
                    insert.executeUpdate();
                }
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM rp_stress WHERE thread = ?")) {
                    count.setInt(1, thread);
                    try (ResultSet resultSet = count.executeQuery()) {
                        resultSet.next();
                        lastCount = resultSet.getInt(1);
                    }
                }
            }
        }
        return lastCount;
    }

    private static void assertAccounted(RecordingListener listener) {
        Set<String> expectedInserts = new HashSet<>();
        for (int thread = 0; thread < THREADS; thread++) {
            for (int round = 1; round <= ROUNDS; round++) {
                expectedInserts.add("UPDATE rows=1 | INSERT INTO rp_stress VALUES (" + thread + ", " + round + ")");
            }
        }
        List<SqlEvent> events = listener.all().stream().filter(event -> event.sql().contains("rp_stress")
                && !event.sql().startsWith("CREATE") && !event.sql().startsWith("DROP")).toList();
        List<String> inserts = events.stream().filter(event -> event.kind() == SqlEvent.Kind.UPDATE)
                .map(RecordingListener::summary).toList();
        assertThat(inserts).hasSize(THREADS * ROUNDS).containsExactlyInAnyOrderElementsOf(expectedInserts);
        Map<Long, List<SqlEvent.Kind>> kindsPerConnection = new HashMap<>();
        for (SqlEvent event : events) {
            kindsPerConnection.computeIfAbsent(event.connectionId(), id -> new ArrayList<>()).add(event.kind());
        }
        assertThat(kindsPerConnection).hasSize(THREADS * ROUNDS)
                .allSatisfy((id, kinds) -> assertThat(kinds).containsExactly(SqlEvent.Kind.UPDATE, SqlEvent.Kind.QUERY));
        assertThat(events).filteredOn(event -> event.kind() == SqlEvent.Kind.QUERY)
                .allSatisfy(event -> assertThat(event.rows()).isEqualTo(1));
    }
}
