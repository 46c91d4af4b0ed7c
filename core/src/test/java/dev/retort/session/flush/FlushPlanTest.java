package dev.retort.session.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.dialect.Dialects;
import dev.retort.session.SessionContext;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.PersistenceContext;

/** The order of a flush's writes, planned from a persistence context without a database. */
class FlushPlanTest {

    @Entity
    static class Club {
        @Id @GeneratedValue Long id;
        String name;

        Club() {
        }
    }

    @Entity
    static class Member {
        @Id @GeneratedValue Long id;
        String name;
        @ManyToOne Member mentor;
        @ManyToOne @JoinColumn(nullable = false) Club club;

        Member() {
        }
    }

    /** A part of a part: a self-reference whose key may not be null. */
    @Entity
    static class Part {
        @Id @GeneratedValue Long id;
        @ManyToOne @JoinColumn(nullable = false) Part whole;

        Part() {
        }
    }

    @Entity
    static class Badge {
        @Id String code;

        Badge() {
        }
    }

    private PersistenceContext objects;
    private SessionContext context;

    @BeforeEach
    void contextWithoutADatabase() {
        // The engine's data source is never used: planning runs no SQL.
        Engine engine = Engine.of(null, Dialects.byName("h2").orElseThrow());
        context = new SessionContext(engine, Metadata.of(Club.class, Member.class, Part.class, Badge.class).models());
        objects = new PersistenceContext();
    }

    private EntityPersister persister(Class<?> type) {
        return context.persister(type);
    }

    private EntityEntry loaded(Object instance, Object id) {
        EntityPersister persister = persister(instance.getClass());
        EntityEntry entry = new EntityEntry(instance, persister, id, EntityEntry.Status.PERSISTENT, persister.read(instance));
        objects.enterLoaded(entry);
        objects.refreshed(entry);
        return entry;
    }

    private static Club club(Long id, String name) {
        Club club = new Club();
        club.id = id;
        club.name = name;
        return club;
    }

    private static Member member(Long id, String name, Club club, Member mentor) {
        Member member = new Member();
        member.id = id;
        member.name = name;
        member.club = club;
        member.mentor = mentor;
        return member;
    }

    private FlushPlan plan() {
        return FlushPlan.of(objects, context.flushOrder());
    }

    private static List<String> describe(FlushPlan plan) {
        return plan.writes().stream().map(FlushPlanTest::describe).toList();
    }

    private static String describe(FlushPlan.Write write) {
        if (write instanceof FlushPlan.Insert insert) {
            return "INSERT " + insert.persister().entityName() + " " + insert.entries().stream()
                    .map(entry -> entry.instance() instanceof Member member ? member.name : ((Club) entry.instance()).name).toList();
        }
        FlushPlan.Update update = (FlushPlan.Update) write;
        return "UPDATE " + update.persister().entityName() + " " + update.columns() + " x" + update.changes().size();
    }

    @Test
    void nothingToDoIsAnEmptyPlan() {
        loaded(club(1L, "Chess"), 1L);
        assertThat(plan().isEmpty()).isTrue();
    }

    @Test
    void insertsParentsFirstAndSelfReferencesByLevel() {
        Club chess = club(null, "Chess");
        Member ann = member(null, "Ann", chess, null);
        Member bea = member(null, "Bea", chess, ann);
        Member cy = member(null, "Cy", chess, bea);
        Member dan = member(null, "Dan", chess, null);
        // Added children first: the plan still writes the club, then each generation of members.
        for (Object object : List.of(cy, bea, ann, dan, chess)) {
            objects.addPending(object, persister(object.getClass()));
        }
        FlushPlan plan = plan();
        assertThat(describe(plan)).containsExactly("INSERT Club [Chess]", "INSERT Member [Ann, Dan]", "INSERT Member [Bea]",
                "INSERT Member [Cy]");
        assertThat(plan.postUpdates()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.objectCount()).as("objects the flush writes").isEqualTo(5);
    }

    @Test
    void updatesAreGroupedByTheColumnsThatChanged() {
        Club chess = club(1L, "Chess");
        loaded(chess, 1L);
        Member ann = member(10L, "Ann", chess, null);
        Member bea = member(11L, "Bea", chess, null);
        Member cy = member(12L, "Cy", chess, null);
        loaded(ann, 10L);
        loaded(bea, 11L);
        loaded(cy, 12L);
        ann.name = "Anne";
        bea.name = "Beatrice";
        cy.mentor = ann;
        chess.name = "Chess club";
        FlushPlan plan = plan();
        BitSet name = new BitSet();
        name.set(1);
        List<String> steps = describe(plan);
        assertThat(steps.get(0)).as("tables in flush order").isEqualTo("UPDATE Club " + name + " x1");
        assertThat(steps.subList(1, 3)).as("one statement shape per set of changed columns")
                .containsExactlyInAnyOrder("UPDATE Member " + name + " x2", "UPDATE Member {2} x1");
        FlushPlan.Update mentor = plan.writes().stream().map(FlushPlan.Update.class::cast)
                .filter(update -> update.columns().equals(BitSet.valueOf(new long[] {1L << 2}))).findFirst().orElseThrow();
        assertThat(mentor.changes().get(0).values()).as("the object's values now").containsExactly(12L, "Cy", ann, chess);
        assertThat(plan.objectCount()).as("objects the flush writes").isEqualTo(4);
    }

    @Test
    void deletesRunInReverseTableOrderChildrenFirst() {
        Club chess = club(1L, "Chess");
        Member ann = member(10L, "Ann", chess, null);
        Member bea = member(11L, "Bea", chess, ann);
        for (EntityEntry entry : List.of(loaded(chess, 1L), loaded(ann, 10L), loaded(bea, 11L))) {
            objects.markDeleted(entry);
        }
        FlushPlan plan = plan();
        assertThat(plan.deletes()).extracting(delete -> delete.persister().entityName() + " " + delete.entries().stream()
                .map(entry -> entry.id()).toList()).containsExactly("Member [11]", "Member [10]", "Club [1]");
        assertThat(plan.objectCount()).as("objects the flush writes").isEqualTo(3);
    }

    @Test
    void aCycleAmongRowsOfOneTableDefersOneKey() {
        Club chess = club(1L, "Chess");
        loaded(chess, 1L);
        Member ann = member(null, "Ann", chess, null);
        Member bea = member(null, "Bea", chess, ann);
        ann.mentor = bea;
        objects.addPending(ann, persister(Member.class));
        objects.addPending(bea, persister(Member.class));
        FlushPlan plan = plan();
        assertThat(plan.writes()).hasSize(2);
        assertThat(plan.postUpdates()).hasSize(1);
        EntityEntry waiting = plan.postUpdates().iterator().next();
        assertThat(plan.deferredReferences(waiting)).as("the mentor key").isEqualTo(BitSet.valueOf(new long[] {1L << 2}));
        FlushPlan.Insert first = (FlushPlan.Insert) plan.writes().get(0);
        assertThat(first.entries()).as("the row inserted first waits for the other").containsExactly(waiting);
    }

    @Test
    void aCycleThroughANotNullKeyIsRefusedBeforeAnythingIsWritten() {
        Part wheel = new Part();
        Part axle = new Part();
        wheel.whole = axle;
        axle.whole = wheel;
        objects.addPending(wheel, persister(Part.class));
        objects.addPending(axle, persister(Part.class));
        assertThatThrownBy(this::plan)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot insert a new Part: Part.whole refers to a new Part, which cannot be inserted first (the "
                        + "objects refer to each other in a cycle), and its column whole_id is NOT NULL. To fix this, make the "
                        + "column nullable (@JoinColumn(nullable = true)) so that Retort can set it after both rows exist, or "
                        + "flush the objects in two steps.");
    }

    @Test
    void anAssignedIdMustBeSet() {
        objects.addPending(new Badge(), persister(Badge.class));
        assertThatThrownBy(this::plan)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot insert a new Badge: its @Id Badge.code is not set, and it has no @GeneratedValue. To fix "
                        + "this, assign the id before flushing, or annotate the id field with @GeneratedValue.");
    }

    @Test
    void aChangedIdIsRefused() {
        Club chess = club(1L, "Chess");
        loaded(chess, 1L);
        chess.id = 2L;
        assertThatThrownBy(this::plan)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("The id of Club#1 was changed to 2; Retort does not change primary keys. To fix this, set it back, "
                        + "and add a new object (deleting the old one) if a new key is needed.");
    }
}
