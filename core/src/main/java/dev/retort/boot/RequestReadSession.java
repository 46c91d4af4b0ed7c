package dev.retort.boot;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * The read-only sessions of one request, one per session factory used, which a container's injected
 * session uses outside a transaction: opened on first use, closed when the request ends. Each container
 * registers it as a request-scoped bean (CDI as a synthetic bean that disposes with {@link #close()},
 * Quarkus as a bean class whose {@link PreDestroy} method is {@link #close()}). Not thread-safe (a request
 * runs on one thread at a time).
 */
public class RequestReadSession {
    private final Map<SessionFactory, Session> sessions = new IdentityHashMap<>();

    public Session session(SessionFactory sessionFactory) {
        return sessions.computeIfAbsent(sessionFactory, SessionFactory::openReadOnly);
    }

    @PreDestroy
    public void close() {
        sessions.values().forEach(Session::close);
        sessions.clear();
    }
}
