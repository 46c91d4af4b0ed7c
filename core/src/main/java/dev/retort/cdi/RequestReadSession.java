package dev.retort.cdi;

import dev.retort.Session;
import dev.retort.jta.JtaSessions;

/**
 * The read-only session of one request, for the injected session's calls outside a transaction: opened
 * on first use, closed when the request context ends. Registered by {@link RetortExtension} as a
 * request-scoped bean; not thread-safe (a request runs on one thread at a time).
 */
class RequestReadSession {
    private final JtaSessions sessions;
    private Session session;

    /** For the container's client proxy only. */
    RequestReadSession() {
        this.sessions = null;
    }

    RequestReadSession(JtaSessions sessions) {
        this.sessions = sessions;
    }

    Session session() {
        if (session == null) {
            session = sessions.openReadOnly();
        }
        return session;
    }

    void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
