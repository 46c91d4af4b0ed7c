package dev.retort.it.quarkus;

import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;

/** A test-only bean of the application: transactions the fault tests interrupt at chosen points. */
@ApplicationScoped
public class FaultProbe {
    @Inject
    Session session;

    /** Adds a user and flushes it, then hands {@code betweenFlushAndCommit} the PostgreSQL backend holding the row. */
    @Transactional
    public void addAndThen(String name, LongConsumer betweenFlushAndCommit) {
        session.add(new User(name, 1));
        session.flush();
        betweenFlushAndCommit.accept(session.sql("SELECT pg_backend_pid()").scalar(Long.class));
    }

    /** Reads inside a transaction (so it holds a pooled connection), then runs {@code whileHolding}. */
    @Transactional
    public void readAndHold(Runnable whileHolding) {
        session.query(User.class).count();
        whileHolding.run();
    }
}
