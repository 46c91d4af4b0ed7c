package dev.retort.it.replicas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;
import dev.retort.cdi.ReadOnlyTransaction;

/** A CDI service over a replicated PostgreSQL: writing transactions, and read-only ones marked for the replicas. */
@ApplicationScoped
public class ReplicaNotes {
    private static final String WHO = "SELECT CASE WHEN pg_is_in_recovery() THEN 'replica' ELSE 'primary' END";

    @Inject
    Session session;

    @Transactional
    public void write(String text) {
        session.add(new Note(text));
    }

    /** Which server a writing transaction reads from. */
    @Transactional
    public String whoWrites() {
        return session.sql(WHO).scalar(String.class);
    }

    /** How many notes with {@code text} a read-only transaction sees, and on which server: "count@who". */
    @Transactional
    @ReadOnlyTransaction
    public String countAndWho(String text) {
        long count = session.query(Note.class).filterBy("text", text).count();
        return count + "@" + session.sql(WHO).scalar(String.class);
    }

    @Transactional
    @ReadOnlyTransaction
    public void writeInReadOnly(String text) {
        session.add(new Note(text));
    }

    @Transactional
    @ReadOnlyTransaction
    public int bulkUpdateInReadOnly() {
        // Refused when the bulk statement is asked for, before any SET or WHERE.
        return session.update(Note.class).execute();
    }

    @Transactional
    @ReadOnlyTransaction
    public int sqlUpdateInReadOnly(String text) {
        return session.sql("UPDATE replica_notes SET text = :text").param("text", text).execute();
    }

    /** Changes a loaded note, then queries: the flush before the query would write. */
    @Transactional
    @ReadOnlyTransaction
    public long renameThenCountInReadOnly(String text, String newText) {
        Note note = session.query(Note.class).filterBy("text", text).first();
        note.text = newText;
        return session.query(Note.class).filterBy("text", newText).count();
    }

    /** Ends the container's transaction by hand: {@code commit} true calls session.commit(), false session.rollback(). */
    @Transactional
    public void endByHand(boolean commit) {
        session.add(new Note("ended by hand"));
        end(commit);
    }

    /** As {@link #endByHand}, in a read-only transaction after a first read (which chose its session). */
    @Transactional
    @ReadOnlyTransaction
    public void endReadOnlyByHand(boolean commit) {
        session.query(Note.class).count();
        end(commit);
    }

    /** Opens a transaction of the session's own inside the container's read-only transaction. */
    @Transactional
    @ReadOnlyTransaction
    public void beginInReadOnly() {
        session.query(Note.class).count();
        session.begin();
    }

    private void end(boolean commit) {
        if (commit) {
            session.commit();
        } else {
            session.rollback();
        }
    }
}
