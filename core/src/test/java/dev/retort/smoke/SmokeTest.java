package dev.retort.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Order;
import dev.retort.Session;
import dev.retort.SessionFactory;

class SmokeTest {
    @Entity @Table(name = "users")
    static class User {
        @Id @GeneratedValue Long id;
        String name;
        Integer age;
        protected User() {}
        User(String name, Integer age) { this.name = name; this.age = age; }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2:mem:smoke", "sqlite://", "jdbc:postgresql://127.0.0.1:5433/retort?user=retort&password=retort", "jdbc:mariadb://127.0.0.1:3307/retort?user=retort&password=retort"})
    void tutorial(String url) {
        try (Engine engine = Engine.create(url, Map.of("echo", true))) {
            Metadata metadata = Metadata.of(User.class);
            metadata.dropAll(engine);
            metadata.createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, metadata);
            try (Session session = sessions.open()) {
                User alice = new User("Alice", 30);
                session.addAll(alice, new User("Bob", 25), new User("Carol", 28));
                session.commit();
                assertThat(alice.id).isNotNull();
                assertThat(session.get(User.class, alice.id)).isSameAs(alice);
                List<User> byAge = session.query(User.class).orderBy(Order.desc("age")).all();
                assertThat(byAge).extracting(u -> u.name).containsExactly("Alice", "Carol", "Bob");
                alice.age = 35;
                session.commit();
                session.delete(alice);
                session.commit();
                assertThat(session.query(User.class).count()).isEqualTo(2);
            }
            metadata.dropAll(engine);
        }
    }
}
