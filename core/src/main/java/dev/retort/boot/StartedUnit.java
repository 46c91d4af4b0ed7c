package dev.retort.boot;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.SessionFactory;

/** What {@link UnitStarter} built for one unit: the checked model, the engine and the session factory. Immutable. */
public record StartedUnit(Metadata metadata, Engine engine, SessionFactory sessionFactory) {
}
