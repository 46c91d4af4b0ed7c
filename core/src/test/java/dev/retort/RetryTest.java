package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Retry} and {@link SessionFactory#inTransaction}: which failures run the work again, and how often. */
class RetryTest {
    @Entity
    @Table(name = "visits")
    static class Visit {
        @Id @GeneratedValue Long id;
        String page;

        Visit() {
        }

        Visit(String page) {
            this.page = page;
        }
    }

    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = Engine.create("sqlite://");
        Metadata metadata = Metadata.of(Visit.class);
        metadata.createAll(engine);
        sessions = SessionFactory.of(engine, metadata);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static TransactionConflictException conflict(int attempt) {
        return new TransactionConflictException("conflict " + attempt, new SQLException("could not serialize", "40001"));
    }

    @Test
    void aConflictRunsTheWorkAgainInAFreshSessionUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String page = sessions.inTransaction(session -> {
            session.add(new Visit("/home " + attempts.incrementAndGet()));
            if (attempts.get() < 3) {
                throw conflict(attempts.get());
            }
            return "/home " + attempts.get();
        }, Retry.times(3).backoff(Duration.ZERO, Duration.ofMillis(5)));

        assertThat(page).isEqualTo("/home 3");
        java.util.List<String> pages = sessions.inTransaction(
                session -> session.query(Visit.class).all().stream().map(visit -> visit.page).toList());
        assertThat(pages).containsExactly("/home 3");
    }

    @Test
    void theLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        AtomicInteger attempts = new AtomicInteger();

        TransactionConflictException error = catchThrowableOfType(TransactionConflictException.class,
                () -> sessions.useTransaction(session -> {
                    throw conflict(attempts.incrementAndGet());
                }, Retry.times(3).backoff(Duration.ZERO, Duration.ZERO)));

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(error.getMessage()).isEqualTo("conflict 3");
        assertThat(error.getSuppressed()).extracting(Throwable::getMessage).containsExactly("conflict 1", "conflict 2");
    }

    @Test
    void otherFailuresAndAnUnknownCommitOutcomeAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> sessions.useTransaction(session -> {
            attempts.incrementAndGet();
            throw new InvalidRequestException("bad input");
        }, Retry.times(5))).hasMessage("bad input");
        assertThat(attempts.get()).isEqualTo(1);

        assertThat(Retry.isRetryable(new DatabaseUnavailableException("lost", null))).isTrue();
        assertThat(Retry.isRetryable(new DatabaseUnavailableException("lost during COMMIT", null, true))).isFalse();
        assertThat(Retry.isRetryable(new StaleObjectException("stale"))).isTrue();
        assertThat(Retry.isRetryable(new QueryTimeoutException("slow", null))).isFalse();
        assertThat(Retry.isRetryable(new ConstraintViolationException("duplicate"))).isFalse();
    }

    @Test
    void delaysAreJitteredBelowTheCappedExponentialStep() {
        Retry retry = Retry.times(10).backoff(Duration.ofMillis(100), Duration.ofMillis(350));
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            Duration capped = retry.delayAfter(8);
            longest = capped.compareTo(longest) > 0 ? capped : longest;
            assertThat(retry.delayAfter(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(retry.delayAfter(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
            assertThat(retry.delayAfter(8)).isBetween(Duration.ZERO, Duration.ofMillis(350));
            assertThat(retry.delayAfter(64)).isBetween(Duration.ZERO, Duration.ofMillis(350));
        }
        // Jittered, not zero: 200 draws all below half the cap would happen once in 2^200 runs.
        assertThat(longest).isGreaterThan(Duration.ofMillis(175));
    }

    @Test
    void badSettingsNameTheFix() {
        assertThatThrownBy(() -> Retry.times(0))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Retry.times(0): the number of attempts counts the first run, so it must be at least 1. To fix "
                        + "this, pass 1 for no retry, or more.");
        assertThatThrownBy(() -> Retry.times(2).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Retry.backoff(PT2S, PT1S): the delays must be zero or positive, the maximum no smaller than "
                        + "the first. To fix this, pass e.g. backoff(Duration.ofMillis(50), Duration.ofSeconds(2)).");
    }
}
