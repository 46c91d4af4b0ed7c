package dev.retort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.dialect.Dialects;
import dev.retort.it.model.User;

/**
 * A session keeps the prepared statements of its queries for the rest of the transaction and runs the same
 * SQL again on them, as hand-written JDBC does (H2, SQLite and MariaDB's driver prepare anew otherwise).
 * Observed on a real H2 database through a data source that records the SQL of every prepareStatement.
 */
class StatementReuseTest {
    private final List<String> prepared = new CopyOnWriteArrayList<>();

    /** H2's own data source, with each connection recording what it is asked to prepare. */
    private DataSource recording(JdbcDataSource h2) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, h2, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.add((String) args[0]);
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private long preparedSelects() {
        return prepared.stream().filter(sql -> sql.startsWith("SELECT")).count();
    }

    @Test
    void queriesOfOneTransactionArePreparedOnce() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:statement_reuse;DB_CLOSE_DELAY=-1");
        try (Engine engine = Engine.of(recording(h2), Dialects.byName("h2").orElseThrow())) {
            Metadata metadata = Metadata.of(User.class);
            metadata.createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, metadata).withExpireOnCommit(false);
            List<User> users = sessions.inTransaction(session -> {
                List<User> added = List.of(new User("Ann", 30), new User("Bob", 40), new User("Cy", 50));
                session.addAll(added);
                return added;
            });
            try (Session session = sessions.open()) {
                prepared.clear();
                for (int round = 0; round < 3; round++) {
                    for (User user : users) {
                        session.expire(session.get(User.class, user.id));
                    }
                }
                assertThat(preparedSelects()).as("nine gets of one transaction: one SELECT prepared").isEqualTo(1);
                session.commit();
                users.forEach(user -> session.expire(session.get(User.class, user.id)));
                assertThat(preparedSelects()).as("the next transaction prepares its own").isEqualTo(2);

                session.query(User.class).timeout(Duration.ofSeconds(30)).all();
                session.query(User.class).timeout(Duration.ofSeconds(30)).all();
                assertThat(preparedSelects()).as("a query with a timeout gets a statement of its own each time").isEqualTo(4);
            }
        }
    }
}
