package dev.retort.it.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;
import dev.retort.cdi.ReadOnlyTransaction;

/** A service over the replica cluster: writing transactions, and read-only ones marked for the replicas. */
@ApplicationScoped
public class ReplicaUsers {
    private static final String WHO = "SELECT CASE WHEN pg_is_in_recovery() THEN 'replica' ELSE 'primary' END";

    @Inject
    Session session;

    @Transactional
    public void add(String name) {
        session.add(new User(name, 30));
    }

    /** Which server a writing transaction reads from. */
    @Transactional
    public String whoWrites() {
        return session.sql(WHO).scalar(String.class);
    }

    /** How many users named {@code name} a read-only transaction sees, and on which server: "count@who". */
    @Transactional
    @ReadOnlyTransaction
    public String countAndWho(String name) {
        long count = session.query(User.class).filterBy("name", name).count();
        return count + "@" + session.sql(WHO).scalar(String.class);
    }

    @Transactional
    @ReadOnlyTransaction
    public void addInReadOnly(String name) {
        session.add(new User(name, 30));
    }

    /** Ends the read-only transaction by hand after a first read: {@code commit} true calls session.commit(), false rollback(). */
    @Transactional
    @ReadOnlyTransaction
    public void endReadOnlyByHand(boolean commit) {
        session.query(User.class).count();
        if (commit) {
            session.commit();
        } else {
            session.rollback();
        }
    }
}
