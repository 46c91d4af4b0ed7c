package dev.retort.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FieldAccessTest {
    static class Base {
        private long id;
    }

    static final class Item extends Base {
        private String name;
        private int count;
        private boolean active;
        private double price;
        private BigDecimal amount;
        private Integer boxed;
    }

    private static FieldAccess access(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return FieldAccess.of(field);
    }

    @Test
    void privateFieldsAreReadAndWrittenThroughAGeneratedNestmateNotReflection() throws Exception {
        FieldAccess name = access(Item.class, "name");
        assertThat(name).isNotInstanceOf(FieldAccess.Reflective.class);
        assertThat(name.getClass().isHidden()).isTrue();
        assertThat(name.getClass().getName()).contains("Item$RetortField_name");
        Item item = new Item();
        name.set(item, "pen");
        assertThat(item.name).isEqualTo("pen");
        assertThat(name.get(item)).isEqualTo("pen");
        name.set(item, null);
        assertThat(item.name).isNull();
    }

    @Test
    void aFieldMappedTwiceSharesOneGeneratedAccess() throws Exception {
        // Two Field objects for one field, as a relationship and its foreign-key attribute each hold.
        FieldAccess first = access(Item.class, "name");
        FieldAccess second = access(Item.class, "name");
        assertThat(second).isSameAs(first);
        assertThat(access(Item.class, "count")).isNotSameAs(first);
    }

    @Test
    void primitivesAreUnboxedOnWriteAndBoxedOnRead() throws Exception {
        Item item = new Item();
        access(Item.class, "count").set(item, 7);
        access(Item.class, "active").set(item, true);
        access(Item.class, "price").set(item, 2.5);
        assertThat(item.count).isEqualTo(7);
        assertThat(item.active).isTrue();
        assertThat(item.price).isEqualTo(2.5);
        assertThat(access(Item.class, "count").get(item)).isEqualTo(7);
        assertThat(access(Item.class, "count").getInt(item)).isEqualTo(7);
        assertThat(access(Item.class, "price").get(item)).isEqualTo(2.5);
    }

    @Test
    void aFieldOfASuperclassIsReachedOnASubclassInstance() throws Exception {
        FieldAccess id = access(Base.class, "id");
        assertThat(id.getClass().getName()).contains("Base$RetortField_id");
        assertThat(access(Item.class, "count").getClass().getName()).contains("Item$RetortField_count");
        Item item = new Item();
        id.set(item, 42L);
        assertThat(((Base) item).id).isEqualTo(42L);
        assertThat(id.getLong(item)).isEqualTo(42L);
        assertThat(id.get(item)).isEqualTo(42L);
    }

    @Test
    void otherValueTypesWidenOrFailExactlyAsFieldSetDoes() throws Exception {
        Item item = new Item();
        // Widening, as Field.set allows: an Integer into a long field.
        access(Base.class, "id").set(item, 5);
        assertThat(((Base) item).id).isEqualTo(5L);
        Field reflective = Item.class.getDeclaredField("boxed");
        reflective.setAccessible(true);
        String expected = message(() -> reflective.set(item, 5L));
        assertThatThrownBy(() -> access(Item.class, "boxed").set(item, 5L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        Field count = Item.class.getDeclaredField("count");
        count.setAccessible(true);
        String nullIntoInt = message(() -> count.set(item, null));
        assertThatThrownBy(() -> access(Item.class, "count").set(item, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(nullIntoInt);
        String wrongObject = message(() -> count.get("not an item"));
        assertThatThrownBy(() -> access(Item.class, "count").get("not an item"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(wrongObject);
    }

    @Test
    void aFinalFieldKeepsReflection() throws Exception {
        final class Fixed {
            private final String value = "x";
        }
        assertThat(access(Fixed.class, "value")).isInstanceOf(FieldAccess.Reflective.class);
    }

    static final class Guarded {
        static int made;

        private Guarded() {
            made++;
        }
    }

    static final class Refusing {
        private Refusing() {
            throw new IllegalStateException("no");
        }
    }

    @Test
    void anEntityIsCreatedThroughItsPrivateConstructorByAGeneratedNew() throws Exception {
        java.lang.reflect.Constructor<Guarded> constructor = Guarded.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        java.util.function.Supplier<Object> instantiator = Instantiator.of(constructor);
        assertThat(instantiator.getClass().getName()).contains("Guarded$RetortNew");
        int before = Guarded.made;
        assertThat(instantiator.get()).isInstanceOf(Guarded.class);
        assertThat(Guarded.made).isEqualTo(before + 1);
        java.lang.reflect.Constructor<Refusing> refusing = Refusing.class.getDeclaredConstructor();
        refusing.setAccessible(true);
        assertThatThrownBy(() -> Instantiator.of(refusing).get()).isInstanceOf(IllegalStateException.class).hasMessage("no");
    }

    @Test
    void anAbstractClassKeepsTheReflectiveConstructorAndItsInstantiationException() throws Exception {
        abstract class Shape {
        }
        java.lang.reflect.Constructor<?> constructor = Shape.class.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        java.util.function.Supplier<Object> instantiator = Instantiator.of(constructor);
        assertThat(instantiator.getClass().getName()).doesNotContain("$RetortNew");
        assertThatThrownBy(instantiator::get).isInstanceOf(InstantiationException.class);
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static String message(Failing action) {
        try {
            action.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
