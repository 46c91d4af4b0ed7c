package dev.retort.session.persister;

import java.util.function.Supplier;

import dev.retort.InvalidRequestException;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.JavaTypes;

/** Checks and widens values given for attributes: ids for {@code get}, values for {@code filterBy}. */
public final class Ids {
    private Ids() {
    }

    /** The id value, or {@code null} while it is unassigned (null, or 0 in a primitive field). */
    public static Object assigned(AttributeModel id, Object value) {
        if (value == null || id.javaType().isPrimitive() && value instanceof Number number && number.longValue() == 0) {
            return null;
        }
        return value;
    }

    /**
     * {@code value} as the attribute's Java type: integral numbers are widened or narrowed when they fit,
     * anything else of another type is refused with a message naming the call (built only then), the
     * attribute and the fix.
     */
    public static Object coerce(AttributeModel attribute, Object value, Supplier<String> call) {
        Class<?> target = attribute.boxedType();
        if (value == null || target.isInstance(value)) {
            return value;
        }
        Object widened = JavaTypes.widenIntegral(value, target);
        if (widened != null) {
            return widened;
        }
        String typeName = target.getSimpleName();
        throw new InvalidRequestException(call.get() + ": " + attribute + " is a " + target.getName() + ", but the value given is "
                + (value instanceof String ? "the String \"" + value + "\"" : "a " + value.getClass().getName() + " (" + value + ")")
                + ". To fix this, pass " + JavaTypes.withArticle(typeName) + (target == Long.class ? " (e.g. 1L)" : "") + ".");
    }
}
