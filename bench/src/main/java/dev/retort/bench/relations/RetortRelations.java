package dev.retort.bench.relations;

import java.util.List;

import dev.retort.Engine;
import dev.retort.Load;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;

/** Retort through its public API only, on the engine (and pool) of the database under test. */
final class RetortRelations {
    private final SessionFactory sessions;

    RetortRelations(Engine engine) {
        this.sessions = SessionFactory.of(engine, Metadata.of(User.class, Post.class));
    }

    /** W5a: add the users (the cascade adds their posts at the flush), commit. */
    void insertGraph(List<User> users) {
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
        }
    }

    /** W5b: the first users by id, their posts with {@code Load.selectIn}. */
    Loaded loadSelectIn(int count) {
        try (Session session = sessions.open()) {
            List<User> users = session.query(User.class).options(Load.selectIn(User_.posts)).orderBy("id").limit(count).all();
            long posts = Loaded.countPosts(users);
            session.commit();
            return new Loaded(users, posts);
        }
    }

    /** W5b with {@code Load.joined}, which refuses a limit with a collection: the same users by an id filter. */
    Loaded loadJoined(long maxId) {
        try (Session session = sessions.open()) {
            List<User> users = session.query(User.class).options(Load.joined(User_.posts)).filter(User_.id.le(maxId))
                    .orderBy("id").all();
            long posts = Loaded.countPosts(users);
            session.commit();
            return new Loaded(users, posts);
        }
    }
}
