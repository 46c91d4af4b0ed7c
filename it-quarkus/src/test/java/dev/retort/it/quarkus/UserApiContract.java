package dev.retort.it.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.retort.Engine;

import io.restassured.http.ContentType;

/** The REST application's behaviour, run by one @QuarkusTest per database or driver. */
abstract class UserApiContract {
    @Inject
    Engine engine;

    /** Where the application's engine must be connected: {@link Engine#location()}. */
    abstract String expectedLocation();

    @Test
    void theApplicationRunsOnTheExpectedDatabase() {
        assertThat(engine.location()).isEqualTo(expectedLocation());
    }

    static long create(String name, int age) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"age\":" + age + "}")
                .when().post("/users")
                .then().statusCode(201).header("Location", matchesPattern(".*/users/\\d+"))
                .body("name", equalTo(name)).body("age", equalTo(age))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void createReadUpdateDelete() {
        String name = "Alice " + UUID.randomUUID();
        long id = create(name, 30);

        given().when().get("/users/" + id)
                .then().statusCode(200).body("id", equalTo((int) id)).body("name", equalTo(name)).body("age", equalTo(30));

        given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"age\":35}")
                .when().put("/users/" + id)
                .then().statusCode(200).body("age", equalTo(35));
        given().when().get("/users/" + id).then().statusCode(200).body("age", equalTo(35));

        given().when().delete("/users/" + id).then().statusCode(204);
        given().when().get("/users/" + id).then().statusCode(404);
    }

    @Test
    void listFiltersByName() {
        String name = "Bob " + UUID.randomUUID();
        long first = create(name, 40);
        create("Carol " + UUID.randomUUID(), 41);
        long second = create(name, 42);

        given().queryParam("name", name).when().get("/users")
                .then().statusCode(200).body("id", contains((int) first, (int) second)).body("age", contains(40, 42));
    }

    @Test
    void theSessionRefusesTheEventLoop() {
        long id = create("Dan " + UUID.randomUUID(), 50);
        given().when().get("/users/" + id + "/on-event-loop")
                .then().statusCode(500).body(matchesPattern(Pattern.quote("The injected Retort session was used on thread ")
                        + "vert\\.x-eventloop-thread-\\d+" + Pattern.quote(", a Vert.x event-loop thread, which must not block "
                        + "on database calls. To fix this, run the code on a worker thread: annotate the endpoint or method "
                        + "with @io.smallrye.common.annotation.Blocking (REST methods returning Uni or Multi, and @NonBlocking "
                        + "ones, run on the event loop).")));
    }
}
