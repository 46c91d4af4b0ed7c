package dev.retort.jdbc.support;

import dev.retort.jdbc.SqlEvent;
import dev.retort.jdbc.SqlListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registered in META-INF/services; keeps only events of SQL marked for it, so other tests don't fill it. */
public final class ServiceLoadedListener implements SqlListener {

    public static final String MARKER = "service_loaded_marker";
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SqlEvent event) {
        if (event.sql().contains(MARKER)) {
            SEEN.add(event.inlinedSql());
        }
    }
}
