package dev.retort.it.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.retort.DatabaseUnavailableException;

/**
 * The fault tests' workloads, shared by the engine's and the CDI path's: filling the pool with idle
 * connections, and restarting a {@link FaultServer} while threads run a unit of work in a loop, telling
 * how many units failed during the outage and after it, how long the longest took, and how soon the first
 * one committed once the server was back.
 */
public final class RestartUnderLoad {
    /** One unit of work; it commits or throws. */
    public interface Work {
        void run() throws Exception;
    }

    /**
     * What the threads saw; times in nanoseconds. {@code outcomeUnknown}: the failures whose commit may have reached
     * the server, those the engine reports as {@link DatabaseUnavailableException#commitOutcomeUnknown()}.
     */
    public record Outcome(int committed, int committedBeforeBack, int failedDuringOutage, List<String> failedAfterwards,
                          long longest, long firstCommitAfterBack, long outage, int outcomeUnknown) {
    }

    /** Runs {@code body} inside one transaction of the path under test. */
    public interface InTransaction {
        void run(Runnable body) throws Exception;
    }

    private RestartUnderLoad() {
    }

    /**
     * Holds {@code size} transactions open at once (each waits inside until all are in), so that the pool
     * opens that many connections and keeps them idle afterwards.
     */
    public static void fillThePool(int size, InTransaction transaction) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(size);
        java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(size);
        try {
            List<Future<?>> held = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                held.add(threads.submit(() -> {
                    transaction.run(() -> {
                        allIn.countDown();
                        try {
                            allIn.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> future : held) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Runs {@code work} on {@code threads} threads for a second, restarts the server, runs two more seconds.
     * Failures of type {@code expected} are counted; any other ends its thread and the test.
     */
    public static Outcome run(FaultServer server, int threads, Work work, Class<? extends Exception> expected,
                              int waitSeconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong back = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger failedDuringOutage = new AtomicInteger();
        AtomicInteger outcomeUnknown = new AtomicInteger();
        List<String> failedAfterwards = Collections.synchronizedList(new ArrayList<>());
        AtomicLong longest = new AtomicLong();
        AtomicLong firstCommitAfterBack = new AtomicLong(Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    try {
                        work.run();
                        committed.incrementAndGet();
                        long finished = System.nanoTime();
                        if (finished > back.get()) {
                            firstCommitAfterBack.accumulateAndGet(finished - back.get(), Math::min);
                        }
                    } catch (Exception e) {
                        if (!expected.isInstance(e)) {
                            throw e;
                        }
                        if (commitOutcomeUnknown(e)) {
                            outcomeUnknown.incrementAndGet();
                        }
                        if (started > back.get()) {
                            failedAfterwards.add(e.toString());
                        } else {
                            failedDuringOutage.incrementAndGet();
                        }
                    }
                    longest.accumulateAndGet(System.nanoTime() - started, Math::max);
                }
                return null;
            }));
        }
        try {
            Thread.sleep(1000);
            long outageStart = System.nanoTime();
            server.halt();
            server.resume();
            back.set(System.nanoTime());
            int committedBeforeBack = committed.get();
            Thread.sleep(2000);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(waitSeconds, TimeUnit.SECONDS);
            }
            return new Outcome(committed.get(), committedBeforeBack, failedDuringOutage.get(), List.copyOf(failedAfterwards),
                    longest.get(), firstCommitAfterBack.get(), back.get() - outageStart, outcomeUnknown.get());
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    /** Whether the engine says, somewhere in the failure's causes, that the commit may or may not have happened. */
    private static boolean commitOutcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException unavailable && unavailable.commitOutcomeUnknown()) {
                return true;
            }
        }
        return false;
    }
}
