package dev.retort.session;

import dev.retort.Statistics;

/**
 * The statistics of one session factory: the sum of its closed sessions, added once per session at its close
 * (one short lock per session, none per statement). Thread-safe.
 */
public final class FactoryStatistics {
    private Statistics total = Statistics.NONE;

    synchronized void add(Statistics session) {
        total = total.plus(session);
    }

    public synchronized Statistics snapshot() {
        return total;
    }
}
