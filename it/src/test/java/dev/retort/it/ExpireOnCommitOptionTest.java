package dev.retort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.it.model.User;

/** The engine option {@code expire-on-commit=false} reaches the sessions of every factory on that engine. */
class ExpireOnCommitOptionTest {

    @Test
    void theEngineOptionTurnsExpiryOffAndAFactoryCanTurnItBackOn() {
        try (Engine engine = Engine.create("h2:mem:expire_option", Map.of("expire-on-commit", "false"))) {
            Metadata metadata = Metadata.of(User.class);
            metadata.createAll(engine);
            SessionFactory keeping = SessionFactory.of(engine, metadata);
            long id = keeping.inTransaction(session -> {
                User alice = new User("Alice", 30);
                session.add(alice);
                return alice;
            }).id;
            try (Session session = keeping.open(); Session expiring = keeping.withExpireOnCommit(true).open()) {
                User kept = session.get(User.class, id);
                User expired = expiring.get(User.class, id);
                session.commit();
                expiring.commit();
                keeping.useTransaction(other -> other.get(User.class, id).age = 99);
                assertThat(session.get(User.class, id).age).isEqualTo(30);
                assertThat(kept.age).isEqualTo(30);
                assertThat(expiring.get(User.class, id).age).isEqualTo(99);
                assertThat(expired.age).isEqualTo(99);
            }
        }
    }
}
