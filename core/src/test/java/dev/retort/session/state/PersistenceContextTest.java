package dev.retort.session.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.dialect.Dialects;
import dev.retort.session.SessionContext;
import dev.retort.session.persister.EntityPersister;

/** The identity map of a persistence context: every entered row found by its key, and gone once it leaves. */
class PersistenceContextTest {

    @Entity
    static class Item {
        @Id Long id;

        Item() {
        }
    }

    @Entity
    static class Tag {
        @Id String code;

        Tag() {
        }
    }

    private PersistenceContext objects;
    private EntityPersister items;
    private EntityPersister tags;

    @BeforeEach
    void contextWithoutADatabase() {
        // The engine's data source is never used: no SQL runs here.
        SessionContext context = new SessionContext(Engine.of(null, Dialects.byName("h2").orElseThrow()),
                Metadata.of(Item.class, Tag.class).models());
        items = context.persister(Item.class);
        tags = context.persister(Tag.class);
        objects = new PersistenceContext();
    }

    private EntityEntry enter(EntityPersister persister, Object id) {
        Object instance = persister == items ? new Item() : new Tag();
        EntityEntry entry = new EntityEntry(instance, persister, id, EntityEntry.Status.PERSISTENT, null);
        objects.enterLoaded(entry);
        return entry;
    }

    private EntityEntry find(EntityPersister persister, Object id) {
        return objects.byKey(new EntityKey(persister.keyType(), id));
    }

    @Test
    void idsInStridesAndEqualHashesAreAllFound() {
        List<EntityEntry> entered = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            entered.add(enter(items, i << 20));
        }
        // "Aa" and "BB" have the same hashCode, as have their concatenations: one probe run.
        for (String code : List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB")) {
            entered.add(enter(tags, code));
        }
        for (EntityEntry entry : entered) {
            assertThat(find(entry.persister(), entry.id())).isSameAs(entry);
        }
        assertThat(find(items, 1L)).isNull();
        assertThat(find(tags, "AaAb")).isNull();
        assertThat(objects.holdsKey(items.keyType(), 3L << 20)).isTrue();
        assertThat(objects.holdsKey(items.keyType(), 3L)).isFalse();
    }

    @Test
    void anEntryLeavingInTheMiddleOfAProbeRunLeavesTheOthersFindable() {
        List<EntityEntry> colliding = new ArrayList<>();
        for (String code : List.of("AaAa", "AaBB", "BBAa", "BBBB")) {
            colliding.add(enter(tags, code));
        }
        objects.detach(colliding.get(1));
        assertThat(find(tags, "AaBB")).isNull();
        assertThat(find(tags, "AaAa")).isSameAs(colliding.get(0));
        assertThat(find(tags, "BBAa")).isSameAs(colliding.get(2));
        assertThat(find(tags, "BBBB")).isSameAs(colliding.get(3));
    }

    @Test
    void aNewEntryForTheSameIdTakesTheOldOnesPlaceAndOnlyItsOwnLeavingRemovesIt() {
        EntityEntry first = enter(items, 7L);
        EntityEntry second = enter(items, 7L);
        assertThat(find(items, 7L)).isSameAs(second);
        objects.detach(first);
        assertThat(find(items, 7L)).as("the map held the second entry, not the first").isSameAs(second);
        objects.detach(second);
        assertThat(find(items, 7L)).isNull();
    }

    @Test
    void randomEntriesAndDeparturesAgreeWithAMap() {
        Random random = new Random(14);
        Map<Long, EntityEntry> expected = new HashMap<>();
        for (int step = 0; step < 40_000; step++) {
            long id = random.nextInt(3_000) * (random.nextBoolean() ? 1L : 4096L);
            EntityEntry held = expected.get(id);
            if (held != null && random.nextInt(3) > 0) {
                objects.detach(held);
                expected.remove(id);
            } else if (held == null) {
                if (random.nextInt(50) == 0) {
                    objects.expectLoads(items.keyType(), 500);
                }
                expected.put(id, enter(items, id));
            }
            if (step % 1_000 == 0) {
                for (long probe = 0; probe < 3_000; probe++) {
                    assertThat(find(items, probe)).isSameAs(expected.get(probe));
                    assertThat(find(items, probe * 4096L)).isSameAs(expected.get(probe * 4096L));
                }
            }
        }
        expected.forEach((id, entry) -> assertThat(find(items, id)).isSameAs(entry));
    }
}
