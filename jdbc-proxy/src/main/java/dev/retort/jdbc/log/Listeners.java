package dev.retort.jdbc.log;

import dev.retort.jdbc.SqlListener;
import dev.retort.jdbc.observe.ProxyObservability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The listeners found by {@link ServiceLoader} plus those added in code. Reads are a volatile array read,
 * so the statement path never locks; additions copy the array.
 */
public final class Listeners {

    private static final Object LOCK = new Object();
    private static volatile SqlListener[] all;

    private Listeners() {
    }

    static SqlListener[] all() {
        SqlListener[] current = all;
        if (current == null) {
            synchronized (LOCK) {
                if (all == null) {
                    List<SqlListener> found = new ArrayList<>();
                    ServiceLoader.load(SqlListener.class, SqlListener.class.getClassLoader()).forEach(found::add);
                    found.addAll(ProxyObservability.available());
                    all = found.toArray(new SqlListener[0]);
                }
                current = all;
            }
        }
        return current;
    }

    public static void add(SqlListener listener) {
        synchronized (LOCK) {
            SqlListener[] current = all();
            SqlListener[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = listener;
            all = grown;
        }
    }

    public static boolean remove(SqlListener listener) {
        synchronized (LOCK) {
            List<SqlListener> remaining = new ArrayList<>(Arrays.asList(all()));
            boolean removed = remaining.remove(listener);
            all = remaining.toArray(new SqlListener[0]);
            return removed;
        }
    }
}
