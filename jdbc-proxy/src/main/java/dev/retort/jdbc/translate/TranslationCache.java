package dev.retort.jdbc.translate;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translations by SQL string, bounded and safe for concurrent use. A {@link ConcurrentHashMap} that drops
 * about a tenth of its entries when full: the proxy depends on the JDK only, and an application's
 * statement shapes are few, so exact LRU order buys nothing a hit path would want to pay for.
 */
final class TranslationCache {

    /** A cached answer: the SQL to send, or the refusal to raise again; DDL clears the schema facts each time. */
    record Entry(TranslatedSql sent, String refusal, String state, boolean usedSchema, boolean ddl) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * The keys of entries that read the schema, so that DDL drops those few instead of scanning the whole
     * cache: a migration of thousands of DDL statements otherwise scanned thousands of entries each time.
     */
    private final Set<String> schemaDependent = ConcurrentHashMap.newKeySet();
    private final int capacity;

    TranslationCache(int capacity) {
        this.capacity = capacity;
    }

    Entry get(String sql) {
        return entries.get(sql);
    }

    void put(String sql, Entry entry) {
        if (entries.size() >= capacity) {
            evict();
        }
        entries.put(sql, entry);
        if (entry.usedSchema()) {
            schemaDependent.add(sql);
        }
    }

    private void evict() {
        int toDrop = Math.max(1, capacity / 10);
        Iterator<String> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            schemaDependent.remove(keys.next());
            keys.remove();
        }
    }

    /** Forgets translations that read the schema, after DDL may have changed it. */
    void forgetSchemaDependent() {
        Iterator<String> keys = schemaDependent.iterator();
        while (keys.hasNext()) {
            String sql = keys.next();
            keys.remove();
            entries.remove(sql);
        }
    }

    int size() {
        return entries.size();
    }
}
