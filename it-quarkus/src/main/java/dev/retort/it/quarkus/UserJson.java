package dev.retort.it.quarkus;

/** A user as the REST API reads and writes it; {@code id} is ignored in requests. */
public record UserJson(Long id, String name, Integer age) {

    static UserJson of(User user) {
        return new UserJson(user.id, user.name, user.age);
    }
}
