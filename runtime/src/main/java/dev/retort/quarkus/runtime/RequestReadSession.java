package dev.retort.quarkus.runtime;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import dev.retort.Session;
import dev.retort.SessionFactory;

/**
 * The read-only sessions of one request, one per Retort unit used, which the injected sessions use
 * outside a transaction: opened on first use, closed when the request ends. Not thread-safe (a request
 * runs on one thread at a time).
 */
@RequestScoped
public class RequestReadSession {
    private final Map<SessionFactory, Session> sessions = new IdentityHashMap<>();

    Session session(SessionFactory sessionFactory) {
        return sessions.computeIfAbsent(sessionFactory, SessionFactory::openReadOnly);
    }

    @PreDestroy
    void close() {
        sessions.values().forEach(Session::close);
        sessions.clear();
    }
}
