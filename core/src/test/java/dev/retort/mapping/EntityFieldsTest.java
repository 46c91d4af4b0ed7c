package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.junit.jupiter.api.Test;

import dev.retort.Metadata;

/** A row written into an entity, and its dirty check, in generated code that answers exactly as the attributes do. */
class EntityFieldsTest {
    enum Color { RED, GREEN }

    @MappedSuperclass
    abstract static class Stamped {
        @Id @GeneratedValue private Long id;
        private long revision;

        Long getId() {
            return id;
        }

        long revision() {
            return revision;
        }

        void revision(long value) {
            revision = value;
        }
    }

    @Entity
    static class Maker {
        @Id @GeneratedValue private Long id;
        private String name;
    }

    @Entity
    static class Gadget extends Stamped {
        private String name;
        private int count;
        private boolean active;
        private short size;
        private char grade;
        private double price;
        private BigDecimal amount;
        private byte[] data;
        @Enumerated(EnumType.STRING) private Color color;
        private LocalDate made;
        private Integer boxed;
        @ManyToOne private Maker maker;
    }

    private final EntityModel gadget = model(Gadget.class);
    private final EntityModel maker = model(Maker.class);

    private static EntityModel model(Class<?> type) {
        return Metadata.of(Maker.class, Gadget.class).models().stream().filter(model -> model.javaType() == type).findFirst().orElseThrow();
    }

    @Test
    void fieldsOfTheEntityAndOfItsSuperclassAreWrittenByGeneratedNestmatesOfTheirClasses() {
        assertThat(maker.fields().getClass().isHidden()).isTrue();
        assertThat(maker.fields().getClass().getName()).contains("Maker$RetortFields");
        assertThat(maker.fields().next).isNull();
        assertThat(model(Maker.class).fields().getClass()).as("another Metadata.of of the class reuses the generated class")
                .isSameAs(maker.fields().getClass());
        // The superclass's fields come first in a row: its part writes them, then calls the entity's own part.
        assertThat(gadget.fields().getClass().getName()).contains("Stamped$RetortFields");
        assertThat(gadget.fields().next.getClass().getName()).contains("Gadget$RetortFields");
        assertThat(gadget.fields().next.next).isNull();

        Maker acme = new Maker();
        Gadget written = new Gadget();
        Object[] row = row(7L, 3L, "pen", 2, true, (short) 4, 'b', 1.5, new BigDecimal("2.50"), new byte[] {1, 2}, Color.GREEN,
                LocalDate.of(2026, 12, 3), 9, acme);
        gadget.fields().write(written, row);

        assertThat(List.of(written.getId(), written.revision(), written.name, written.count, written.active, written.size, written.grade,
                written.price, written.amount, written.color, written.made, written.boxed, written.maker))
                .containsExactly(7L, 3L, "pen", 2, true, (short) 4, 'b', 1.5, new BigDecimal("2.50"), Color.GREEN,
                        LocalDate.of(2026, 12, 3), 9, acme);
        assertThat(written.data).containsExactly(1, 2);
    }

    @Test
    void nullOnAPrimitiveFieldWritesItsDefaultAndAValueOfAnotherTypeGoesThroughTheAttribute() {
        Gadget written = new Gadget();
        written.count = 5;
        written.active = true;
        Object[] row = row(1L, null, null, null, null, null, null, null, null, null, null, null, null, null);
        gadget.fields().write(written, row);
        assertThat(written.count).isZero();
        assertThat(written.active).isFalse();
        assertThat(written.revision()).isZero();

        Object[] wrongType = row(1L, 0L, "pen", "two", false, (short) 0, 'a', 0.0, null, null, null, null, null, null);
        assertThatThrownBy(() -> gadget.fields().write(new Gadget(), wrongType)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Can not set int field dev.retort.mapping.EntityFieldsTest$Gadget.count to java.lang.String");
    }

    @Test
    void anObjectOfAnotherClassIsHandledThroughTheAttributesAsReflectionWould() {
        assertThatThrownBy(() -> maker.fields().write(new Gadget(), new Object[] {1L, "acme"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Can not set java.lang.Long field dev.retort.mapping.EntityFieldsTest$Maker.id to dev.retort.mapping.EntityFieldsTest$Gadget");
    }

    @Test
    void theDirtyCheckFindsEachChangedFieldInOrderFromWhereItIsAsked() {
        Maker acme = new Maker();
        Object[] snapshot = row(7L, 3L, "pen", 2, true, (short) 4, 'b', 1.5, new BigDecimal("2.50"), new byte[] {1, 2}, Color.GREEN,
                LocalDate.of(2026, 12, 3), 9, acme);
        Gadget object = new Gadget();
        gadget.fields().write(object, snapshot.clone());
        object.data = new byte[] {1, 2};
        object.name = new String("pen");
        object.amount = new BigDecimal("2.5");
        object.made = LocalDate.of(2026, 12, 3);
        assertThat(gadget.fields().nextChanged(object, snapshot, 0)).as("equal values, other instances").isEqualTo(-1);

        object.revision(4L);
        object.grade = 'c';
        object.maker = new Maker();
        assertThat(changes(gadget, object, snapshot)).containsExactly(1, 6, 13);
        object.revision(3L);
        object.grade = 'b';
        object.maker = acme;

        object.data[0] = 9;
        object.color = Color.RED;
        object.boxed = null;
        assertThat(changes(gadget, object, snapshot)).containsExactly(9, 10, 12);
    }

    /**
     * The generated check and the attributes' loop agree on random objects against random snapshots, with
     * nulls, equal values in other instances, and snapshot values of another type than the field's.
     */
    @Test
    void theGeneratedDirtyCheckAgreesWithTheAttributesOnRandomRows() {
        agreesWithTheAttributes(gadget.attributes(), gadget.fields());
    }

    /** Fields of two classes interleaved in row order (mapping never orders them so): each class's part is asked. */
    @Test
    void partsWhoseFieldsInterleaveAreAllAskedAndTheFirstChangeWins() {
        List<AttributeModel> interleaved = new ArrayList<>(gadget.attributes());
        interleaved.add(2, interleaved.remove(0));
        EntityFields fields = EntityFields.of(interleaved);
        assertThat(fields).isInstanceOf(EntityFields.Composite.class);
        agreesWithTheAttributes(interleaved, fields);
    }

    /**
     * The generated check and the attributes' loop agree on random objects against random snapshots, with
     * nulls, equal values in other instances, and snapshot values of another type than the field's; the
     * generated write sets what the attributes read back.
     */
    private void agreesWithTheAttributes(List<AttributeModel> attributes, EntityFields fields) {
        Random random = new Random(14);
        Maker[] makers = {new Maker(), new Maker()};
        for (int round = 0; round < 20_000; round++) {
            Object[] written = reorder(gadgetAttributes(), attributes, randomRow(random, makers));
            Gadget object = new Gadget();
            fields.write(object, written);
            for (int i = 0; i < attributes.size(); i++) {
                assertThat(attributes.get(i).changedFrom(object, written[i])).as("written %s", attributes.get(i)).isFalse();
            }
            Object[] snapshot = random.nextInt(4) == 0 ? written.clone() : reorder(gadgetAttributes(), attributes, randomRow(random, makers));
            if (random.nextInt(10) == 0) {
                snapshot[random.nextInt(snapshot.length)] = "text";
            }
            for (int from = 0; from <= attributes.size(); from++) {
                int expected = -1;
                for (int i = from; i < attributes.size() && expected < 0; i++) {
                    expected = attributes.get(i).changedFrom(object, snapshot[i]) ? i : -1;
                }
                assertThat(fields.nextChanged(object, snapshot, from)).as("round %d from %d", round, from).isEqualTo(expected);
            }
        }
    }

    private List<AttributeModel> gadgetAttributes() {
        return gadget.attributes();
    }

    /** A row in {@code from}'s attribute order put in {@code to}'s. */
    private static Object[] reorder(List<AttributeModel> from, List<AttributeModel> to, Object[] row) {
        Object[] reordered = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            int index = -1;
            for (int j = 0; j < from.size(); j++) {
                if (from.get(j).name().equals(to.get(i).name())) {
                    index = j;
                }
            }
            reordered[i] = row[index];
        }
        return reordered;
    }

    private static List<Integer> changes(EntityModel model, Object object, Object[] snapshot) {
        List<Integer> changed = new ArrayList<>();
        for (int i = model.fields().nextChanged(object, snapshot, 0); i >= 0; i = model.fields().nextChanged(object, snapshot, i + 1)) {
            changed.add(i);
        }
        return changed;
    }

    private static Object[] randomRow(Random random, Maker[] makers) {
        Supplier<Boolean> orNull = () -> random.nextInt(5) == 0;
        return row(orNull.get() ? null : (long) random.nextInt(3), (long) random.nextInt(3), orNull.get() ? null : new String("n" + random.nextInt(3)),
                random.nextInt(3), random.nextBoolean(), (short) random.nextInt(3), (char) ('a' + random.nextInt(3)), random.nextInt(3) / 2.0,
                orNull.get() ? null : new BigDecimal(random.nextInt(3)).setScale(random.nextInt(2)), orNull.get() ? null : new byte[] {(byte) random.nextInt(2)},
                orNull.get() ? null : Color.values()[random.nextInt(2)], orNull.get() ? null : LocalDate.of(2026, 1, 1 + random.nextInt(2)),
                orNull.get() ? null : Integer.valueOf(random.nextInt(3) * 1000), orNull.get() ? null : makers[random.nextInt(2)]);
    }

    /** A row in the attributes' order: id and revision (the superclass's), then the entity's own fields. */
    private static Object[] row(Object... values) {
        return values;
    }
}
