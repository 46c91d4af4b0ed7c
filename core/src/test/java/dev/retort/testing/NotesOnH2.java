package dev.retort.testing;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.SessionFactory;

/**
 * A fresh in-memory H2 engine with one table, {@code notes}, and a session factory over it: the set-up of tests
 * about what happens around statements (observers, statistics, read-only sessions). Close it after each test.
 */
public final class NotesOnH2 implements AutoCloseable {
    @Entity
    @Table(name = "notes")
    public static class Note {
        @Id
        public Long id;
        public String text;

        protected Note() {
        }

        public Note(long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    private final Engine engine;
    private final SessionFactory sessions;

    private NotesOnH2(Engine engine) {
        this.engine = engine;
        Metadata metadata = Metadata.of(Note.class);
        metadata.createAll(engine);
        this.sessions = SessionFactory.of(engine, metadata);
    }

    /** A database of its own ({@code name} and a unique suffix), with the engine {@code options}. */
    public static NotesOnH2 create(String name, Map<String, ?> options) {
        Engine engine = Engine.create("h2:mem:" + name + "-" + System.nanoTime(), options);
        try {
            return new NotesOnH2(engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public Engine engine() {
        return engine;
    }

    public SessionFactory sessions() {
        return sessions;
    }

    @Override
    public void close() {
        engine.close();
    }
}
