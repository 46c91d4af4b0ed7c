package dev.retort.bench.orm;

import java.util.ArrayList;
import java.util.List;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;

/** Retort through its public API only, on the engine (and Agroal pool) of the database under test. */
final class RetortContender implements Contender {
    private final SessionFactory sessions;
    private final boolean sequences;

    RetortContender(Engine engine, boolean sequences) {
        this.sessions = SessionFactory.of(engine, Metadata.of(User.class, SeqUser.class, BenchAnimal.class, BenchCat.class,
                BenchDog.class));
        this.sequences = sequences;
    }

    @Override
    public String name() {
        return "retort";
    }

    @Override
    public void insertAll(List<User> users) {
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
        }
    }

    @Override
    public boolean supportsSequenceVariant() {
        return sequences;
    }

    @Override
    public void insertAllWithSequence(List<SeqUser> users) {
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
        }
    }

    @Override
    public List<User> loadAll() {
        try (Session session = sessions.open()) {
            List<User> users = session.query(User.class).all();
            session.commit();
            return users;
        }
    }

    @Override
    public List<BenchAnimal> loadAnimals() {
        try (Session session = sessions.open()) {
            List<BenchAnimal> animals = session.query(BenchAnimal.class).all();
            session.commit();
            return animals;
        }
    }

    @Override
    public List<User> getEach(long[] ids, int perSession) {
        List<User> users = new ArrayList<>(ids.length);
        for (int start = 0; start < ids.length; start += perSession) {
            int end = Math.min(ids.length, start + perSession);
            try (Session session = sessions.open()) {
                for (int i = start; i < end; i++) {
                    users.add(session.get(User.class, ids[i]));
                }
                session.commit();
            }
        }
        return users;
    }

    @Override
    public Loaded loadFirst(int count) {
        Session session = sessions.open();
        List<User> users = session.query(User.class).orderBy("id").limit(count).all();
        return new Loaded() {
            @Override
            public List<User> users() {
                return users;
            }

            @Override
            public void commit() {
                try (session) {
                    session.commit();
                }
            }
        };
    }

    @Override
    public void close() {
        // The engine belongs to the database under test.
    }
}
