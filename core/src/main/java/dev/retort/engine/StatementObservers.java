package dev.retort.engine;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The observers of one engine's statements. Reading them is one volatile array read, so a session's statement
 * path never locks and, with no observer, costs a length check; adding or removing copies the array.
 * Thread-safe.
 */
public final class StatementObservers {
    private static final System.Logger LOGGER = System.getLogger("dev.retort.sql");
    private static final StatementObserver[] NONE = new StatementObserver[0];

    private volatile StatementObserver[] observers = NONE;

    /** Whether any observer is registered: the session times statements only then. */
    public boolean any() {
        return observers.length > 0;
    }

    public synchronized void add(StatementObserver observer) {
        if (observer == null) {
            throw new IllegalArgumentException("StatementObservers.add(null): there is no observer. To fix this, pass one.");
        }
        StatementObserver[] grown = Arrays.copyOf(observers, observers.length + 1);
        grown[observers.length] = observer;
        observers = grown;
    }

    /** Removes the observers {@code which} accepts; returns whether there was one. */
    public synchronized boolean removeIf(Predicate<StatementObserver> which) {
        List<StatementObserver> kept = new ArrayList<>(Arrays.asList(observers));
        boolean removed = kept.removeIf(which);
        observers = kept.toArray(NONE);
        return removed;
    }

    /** The registered observers, in the order they were added. */
    public List<StatementObserver> all() {
        return List.of(observers);
    }

    /** Tells every observer of one execution. */
    public void executed(String sql, long elapsedNanos) {
        for (StatementObserver observer : observers) {
            try {
                observer.executed(sql, elapsedNanos);
            } catch (RuntimeException failure) {
                LOGGER.log(Level.WARNING, "Statement observer " + observer.getClass().getName()
                        + " threw; the statement itself is unaffected", failure);
            }
        }
    }

    /** Tells every observer of one execution that failed with {@code error}. */
    public void failed(String sql, long elapsedNanos, SQLException error) {
        for (StatementObserver observer : observers) {
            try {
                observer.failed(sql, elapsedNanos, error);
            } catch (RuntimeException failure) {
                LOGGER.log(Level.WARNING, "Statement observer " + observer.getClass().getName()
                        + " threw; the statement's own error is unaffected", failure);
            }
        }
    }
}
