package dev.retort.cdi;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.jta.JtaSessions;

/** What the extension built at deployment and hands out as beans. Immutable. */
record RetortRuntime(Metadata metadata, Engine engine, SessionFactory sessionFactory, JtaSessions sessions, Session session) {
}
