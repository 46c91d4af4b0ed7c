package dev.retort.cdi;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;

/** What the extension built at deployment and hands out as beans. Immutable. */
record RetortRuntime(Metadata metadata, Engine engine, SessionFactory sessionFactory, Session session) {
}
