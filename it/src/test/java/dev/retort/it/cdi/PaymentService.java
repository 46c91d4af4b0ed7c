package dev.retort.it.cdi;

import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;
import dev.retort.it.faults.Payment;

/** The fault tests' application service: container transactions writing {@link Payment} rows through the injected session. */
@ApplicationScoped
public class PaymentService {
    @Inject
    Session session;

    @Transactional
    public void pay(String account, int amount) {
        session.add(new Payment(account, amount));
    }

    /**
     * Writes a payment and flushes it, then hands {@code betweenFlushAndCommit} the database's id of the
     * connection holding the row (from {@code backendIdSql}); the container commits after it returns.
     */
    @Transactional
    public void payAndThen(String account, int amount, String backendIdSql, LongConsumer betweenFlushAndCommit) {
        session.add(new Payment(account, amount));
        session.flush();
        betweenFlushAndCommit.accept(session.sql(backendIdSql).scalar(Long.class));
    }

    /** Reads inside a transaction (so it holds a pooled connection), then runs {@code whileHolding} before committing. */
    @Transactional
    public void readAndHold(Runnable whileHolding) {
        session.query(Payment.class).count();
        whileHolding.run();
    }
}
