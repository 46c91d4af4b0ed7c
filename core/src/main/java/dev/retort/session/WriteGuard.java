package dev.retort.session;

/**
 * Asked by a session before each statement that writes (a flush with changes, a bulk statement, hand-written
 * SQL run with {@code execute}), and told when the session's transaction ends: a sharded session uses it to
 * keep one unit of work on one shard. Called on the session's thread.
 */
public interface WriteGuard {
    /** Lets every write through. */
    WriteGuard NONE = new WriteGuard() {
        @Override
        public void beforeWrite(String action) {
        }

        @Override
        public void transactionEnded() {
        }
    };

    /** About to {@code action} ("flush changes"); throws to refuse, before anything is written. */
    void beforeWrite(String action);

    /** The session's transaction committed or rolled back: what it wrote is settled. */
    void transactionEnded();

    /** This guard, then {@code next}: a write goes through when both let it; both are told when a transaction ends. */
    default WriteGuard then(WriteGuard next) {
        WriteGuard first = this;
        return new WriteGuard() {
            @Override
            public void beforeWrite(String action) {
                first.beforeWrite(action);
                next.beforeWrite(action);
            }

            @Override
            public void transactionEnded() {
                first.transactionEnded();
                next.transactionEnded();
            }
        };
    }
}
