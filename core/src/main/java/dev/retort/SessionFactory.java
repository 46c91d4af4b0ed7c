package dev.retort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.retort.session.GuardedSession;
import dev.retort.session.JoinedSession;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.TransactionMode;

/**
 * Opens sessions on one engine for one metadata, as SQLAlchemy's {@code sessionmaker}. Statements for
 * each entity are compiled once here and shared by all sessions. Thread-safe: share one per application.
 */
public final class SessionFactory {
    private final Engine engine;
    private final Metadata metadata;
    private final SessionContext context;

    private SessionFactory(Engine engine, Metadata metadata, SessionContext context) {
        this.engine = engine;
        this.metadata = metadata;
        this.context = context;
    }

    public static SessionFactory of(Engine engine, Metadata metadata) {
        return new SessionFactory(engine, metadata, new SessionContext(engine, metadata.models()));
    }

    /**
     * A factory like this one (sharing its compiled statements) whose sessions apply {@code guard} to lazy
     * loads: a warning, or an error when strict, once a relationship is lazily loaded for more objects than
     * its threshold. The default is {@link LazyLoadGuard#DEFAULT}.
     */
    public SessionFactory withLazyLoadGuard(LazyLoadGuard guard) {
        return new SessionFactory(engine, metadata, context.withLazyLoadGuard(guard));
    }

    /**
     * A factory like this one (sharing its compiled statements) whose sessions expire their objects when
     * they commit or roll back ({@code true}, the default, as SQLAlchemy's {@code expire_on_commit}), or keep
     * them as they are ({@code false}: objects still held show what they had at commit, and {@code get}
     * answers from the session without a query). The engine option {@code expire-on-commit} sets the default.
     */
    public SessionFactory withExpireOnCommit(boolean expire) {
        return new SessionFactory(engine, metadata, context.withExpireOnCommit(expire));
    }

    /** A new session; it takes a connection from the engine's pool when its first transaction begins. */
    public Session open() {
        return new SessionImpl(context, null);
    }

    /** A new session whose transactions run at the given isolation level. */
    public Session open(Isolation isolation) {
        return new SessionImpl(context, isolation);
    }

    /**
     * A session for a transaction that someone else runs (a JTA transaction manager, through
     * {@code dev.retort.jta}): its connections must be enlisted by the pool, it flushes when told and never
     * commits; {@code markRollbackOnly} is called when a flush fails.
     */
    public JoinedSession openJoined(Runnable markRollbackOnly) {
        return new SessionImpl(context, null, TransactionMode.joined(markRollbackOnly));
    }

    /** A session that reads outside any transaction and refuses every write with {@link TransactionRequiredException}. */
    public Session openReadOnly() {
        return new SessionImpl(context, null, TransactionMode.readOnly());
    }

    /**
     * A session whose transactions are read-only and run on one of the engine's replicas in rotation, taking
     * turns, once that replica has applied what {@code reads} waits for ({@link ReadOnly#readYourWrites()}: the
     * calling thread's last commit); on the primary when the engine has no replicas, none is in rotation, or
     * none caught up within the engine's {@code replicas.wait}. It refuses every write (add, delete, merge, a
     * flush with changes, bulk update and delete) with an {@link InvalidRequestException}.
     */
    public Session open(ReadOnly reads) {
        return openGuarded(reads);
    }

    /**
     * The session {@link #open(ReadOnly)} gives, for container glue ({@code dev.retort.jta}) that guards its writes
     * with a refusal of its own (a transaction marked read-only).
     */
    public GuardedSession openGuarded(ReadOnly reads) {
        return new SessionImpl(context, null, TransactionMode.replicaReads(reads));
    }

    /**
     * The calling thread's last commit through this factory's engine, to pass along (as text:
     * {@link CommitToken#toString()}) to a read-only session elsewhere, {@link ReadOnly#after(CommitToken)}.
     */
    public CommitToken lastCommit() {
        return engine.lastCommit();
    }

    /**
     * Runs {@code work} in a new session and commits; the session is closed afterwards, rolled back if
     * {@code work} or the commit failed. Returns what {@code work} returns. As JDBI's {@code inTransaction}
     * or SQLAlchemy's {@code with Session.begin()}.
     */
    public <R> R inTransaction(Function<Session, R> work) {
        return inTransaction(work, Retry.none());
    }

    /**
     * As {@link #inTransaction(Function)}, running {@code work} again in a fresh session (after the
     * {@code retry}'s jittered delay) when it failed in a way a new attempt may not meet
     * ({@link Retry#isRetryable}), up to the retry's attempts; the last failure is thrown, with the earlier
     * ones attached as suppressed exceptions. {@code work} must be safe to run more than once: let it
     * compute everything it writes from what it reads in the session.
     */
    public <R> R inTransaction(Function<Session, R> work, Retry retry) {
        List<RuntimeException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try (Session session = open()) {
                R result = work.apply(session);
                session.commit();
                return result;
            } catch (RuntimeException failure) {
                if (attempt >= retry.attempts() || !Retry.isRetryable(failure)) {
                    earlier.forEach(failure::addSuppressed);
                    throw failure;
                }
                earlier.add(failure);
                retry.sleepAfter(attempt, failure);
            }
        }
    }

    /** {@link #inTransaction(Function)} for work that returns nothing. */
    public void useTransaction(Consumer<Session> work) {
        useTransaction(work, Retry.none());
    }

    /** {@link #inTransaction(Function, Retry)} for work that returns nothing. */
    public void useTransaction(Consumer<Session> work, Retry retry) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        }, retry);
    }

    /**
     * What this factory's sessions did, summed over the sessions closed so far (each adds its own when it closes;
     * an open session's are in {@link Session#statistics()}). A factory made with a {@code with...} method counts
     * its own sessions. See {@link Statistics}.
     */
    public Statistics statistics() {
        return context.statistics().snapshot();
    }

    public Engine engine() {
        return engine;
    }

    public Metadata metadata() {
        return metadata;
    }
}
