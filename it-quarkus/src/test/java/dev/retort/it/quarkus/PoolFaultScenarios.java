package dev.retort.it.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;

import io.quarkus.arc.ArcUndeclaredThrowableException;

import io.restassured.http.ContentType;

/** What the Quarkus fault tests do to the application: fill its pool, restart its server, kill a transaction's backend. */
abstract class PoolFaultScenarios {
    static final int HELD = 10;

    @Inject
    FaultProbe probe;

    /** POST /users; gives the HTTP status. */
    static int create(String name) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"age\":1}")
                .when().post("/users").then().extract().statusCode();
    }

    /** Holds {@code size} transactions open at once, so that the pool opens that many connections. */
    void fillThePool(int size) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(size);
        CountDownLatch allIn = new CountDownLatch(size);
        try {
            List<Future<?>> held = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                held.add(threads.submit(() -> probe.readAndHold(() -> {
                    allIn.countDown();
                    try {
                        allIn.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
            }
            for (Future<?> future : held) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What {@code count} sequential POST /users after a restart under an idle pool of {@link #HELD} gave. */
    record AfterRestart(List<Integer> statuses, long firstSuccessNanos, long longestNanos) {
        long failures() {
            return statuses.stream().filter(status -> status != 201).count();
        }

        int firstSuccess() {
            return statuses.indexOf(201);
        }
    }

    /**
     * In a @Transactional bean method (ArC subclass), Narayana's checked RollbackException reaches the caller
     * wrapped; over REST the request ends with 500.
     */
    static void assertRolledBackWithoutCause(Throwable error) {
        assertThat(error).isExactlyInstanceOf(ArcUndeclaredThrowableException.class).hasMessage("Error invoking subclass method")
                .cause().isExactlyInstanceOf(RollbackException.class).hasMessage("ARJUNA016053: Could not commit transaction.")
                .hasNoCause();
    }

    AfterRestart restartUnderAnIdlePool(String name, int count) throws Exception {
        fillThePool(HELD);
        QuarkusFaultServer.halt();
        QuarkusFaultServer.resume();
        long back = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        long firstSuccess = -1;
        long longest = 0;
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            int status = create(name);
            longest = Math.max(longest, System.nanoTime() - started);
            statuses.add(status);
            if (status == 201 && firstSuccess < 0) {
                firstSuccess = System.nanoTime() - back;
            }
        }
        return new AfterRestart(statuses, firstSuccess, longest);
    }

    /** POST /users {@code count} times; gives the statuses that were not 201 Created. */
    static List<Integer> failedCreates(String name, int count) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int status = create(name);
            if (status != 201) {
                failed.add(status);
            }
        }
        return failed;
    }
}
