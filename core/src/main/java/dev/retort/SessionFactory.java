package dev.retort;

import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;

/**
 * Opens sessions on one engine for one metadata, as SQLAlchemy's {@code sessionmaker}. Statements for
 * each entity are compiled once here and shared by all sessions. Thread-safe: share one per application.
 */
public final class SessionFactory {
    private final Engine engine;
    private final Metadata metadata;
    private final SessionContext context;

    private SessionFactory(Engine engine, Metadata metadata) {
        this.engine = engine;
        this.metadata = metadata;
        this.context = new SessionContext(engine, metadata.models());
    }

    public static SessionFactory of(Engine engine, Metadata metadata) {
        return new SessionFactory(engine, metadata);
    }

    /** A new session; it takes a connection from the engine's pool when its first transaction begins. */
    public Session open() {
        return new SessionImpl(context, null);
    }

    /** A new session whose transactions run at the given isolation level. */
    public Session open(Isolation isolation) {
        return new SessionImpl(context, isolation);
    }

    public Engine engine() {
        return engine;
    }

    public Metadata metadata() {
        return metadata;
    }
}
