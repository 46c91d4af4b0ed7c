package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationCacheTest {

    private static TranslationCache.Entry entry(boolean usedSchema) {
        return new TranslationCache.Entry(new TranslatedSql(java.util.List.of(), "SELECT 1", java.util.List.of(), null, false), null, null, usedSchema,
                false);
    }

    @Test
    void ddlForgetsOnlyTheTranslationsThatReadTheSchema() {
        TranslationCache cache = new TranslationCache(100);
        cache.put("plain", entry(false));
        cache.put("schema 1", entry(true));
        cache.put("schema 2", entry(true));
        cache.forgetSchemaDependent();
        assertThat(cache.get("plain")).isNotNull();
        assertThat(cache.get("schema 1")).isNull();
        assertThat(cache.get("schema 2")).isNull();
        assertThat(cache.size()).isEqualTo(1);
        cache.put("schema 1", entry(true));
        cache.forgetSchemaDependent();
        assertThat(cache.get("schema 1")).isNull();
    }

    @Test
    void evictionStaysWithinTheCapacity() {
        TranslationCache cache = new TranslationCache(10);
        for (int i = 0; i < 1000; i++) {
            cache.put("statement " + i, entry(i % 2 == 0));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        cache.forgetSchemaDependent();
        assertThat(cache.size()).isLessThanOrEqualTo(5);
        assertThat(cache.get("statement 999")).isNotNull();
    }
}
