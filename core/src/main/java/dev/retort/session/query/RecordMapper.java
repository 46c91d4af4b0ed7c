package dev.retort.session.query;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.RetortException;
import dev.retort.mapping.JavaTypes;

/** Builds records from rows: components in column order, numbers converted where the value fits. */
public final class RecordMapper<R> {
    private final Class<R> recordType;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;

    RecordMapper(Class<R> recordType, List<Expr<?>> columns) {
        this.recordType = recordType;
        if (!recordType.isRecord()) {
            throw new InvalidRequestException("into(" + recordType.getSimpleName() + ".class): " + recordType.getName()
                    + " is not a record. To fix this, declare a record with one component per selected column.");
        }
        this.components = recordType.getRecordComponents();
        if (components.length != columns.size()) {
            throw new InvalidRequestException("into(" + recordType.getSimpleName() + ".class): the record has "
                    + components.length + " components (" + Stream.of(components).map(RecordComponent::getName)
                    .collect(Collectors.joining(", ")) + ") but the query selects " + columns.size() + " columns ("
                    + columns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "). To fix this, give the "
                    + "record one component per column, in the same order.");
        }
        try {
            this.constructor = recordType.getDeclaredConstructor(Stream.of(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidRequestException("into(" + recordType.getSimpleName() + ".class): cannot use the record's "
                    + "canonical constructor: " + e + ". To fix this, make the record accessible to Retort.", e);
        }
    }

    R map(Object[] values) {
        Object[] arguments = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            arguments[i] = convert(components[i], values[i]);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new RetortException("The constructor of " + recordType.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RetortException("Cannot create " + recordType.getName() + ": " + e, e);
        }
    }

    private Object convert(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (value == null) {
            if (type.isPrimitive()) {
                throw new InvalidRequestException("into(" + recordType.getSimpleName() + ".class): component " + component.getName()
                        + " is a " + type + " but the row holds null. To fix this, declare it with a boxed type ("
                        + boxedName(type) + "), or use Func.coalesce in the select.");
            }
            return null;
        }
        Class<?> boxed = type.isPrimitive() ? JavaTypes.boxed(type) : type;
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            Object converted = number(number, boxed);
            if (converted != null) {
                return converted;
            }
        }
        throw new InvalidRequestException("into(" + recordType.getSimpleName() + ".class): component " + component.getName()
                + " is a " + type.getName() + " but the column holds a " + value.getClass().getName() + " (" + value + "). "
                + "To fix this, declare the component as " + value.getClass().getSimpleName() + ".");
    }

    private static Object number(Number number, Class<?> target) {
        boolean integral = number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0;
        long whole = number.longValue();
        if (target == Long.class && integral) {
            return whole;
        }
        if (target == Integer.class && integral && whole == (int) whole) {
            return (int) whole;
        }
        if (target == Double.class) {
            return number.doubleValue();
        }
        if (target == BigDecimal.class) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    private static String boxedName(Class<?> type) {
        return JavaTypes.boxed(type).getSimpleName();
    }
}
