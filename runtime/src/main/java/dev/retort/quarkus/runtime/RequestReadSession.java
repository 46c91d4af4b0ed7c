package dev.retort.quarkus.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * The read-only session of one request, which the injected session uses outside a transaction: opened
 * on first use, closed when the request ends. Not thread-safe (a request runs on one thread at a time).
 */
@RequestScoped
public class RequestReadSession {
    @Inject
    SessionFactory sessionFactory;

    private Session session;

    Session session() {
        if (session == null) {
            session = sessionFactory.openReadOnly();
        }
        return session;
    }

    @PreDestroy
    void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
