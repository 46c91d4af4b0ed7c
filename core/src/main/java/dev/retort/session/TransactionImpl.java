package dev.retort.session;

import dev.retort.Transaction;
import dev.retort.session.state.Frame;

/** A handle on the session's outer transaction or on one of its savepoints. Not thread-safe. */
public final class TransactionImpl implements Transaction {
    private final SessionImpl session;
    private final Frame frame;
    private boolean done;

    TransactionImpl(SessionImpl session, Frame frame) {
        this.session = session;
        this.frame = frame;
    }

    @Override
    public void commit() {
        requireActive("commit");
        if (frame.nested()) {
            session.commitNested(frame);
        } else {
            session.commit();
        }
        done = true;
    }

    @Override
    public void rollback() {
        if (done) {
            return;
        }
        done = true;
        if (frame.nested()) {
            session.rollbackNested(frame);
        } else {
            session.rollback();
        }
    }

    @Override
    public boolean isActive() {
        return !done && session.isCurrent(frame);
    }

    @Override
    public void close() {
        rollback();
    }

    private void requireActive(String operation) {
        if (!isActive()) {
            throw new dev.retort.InvalidRequestException("Cannot " + operation + " this transaction: it has already ended. "
                    + "To fix this, begin a new one with session.begin() or session.beginNested().");
        }
    }
}
