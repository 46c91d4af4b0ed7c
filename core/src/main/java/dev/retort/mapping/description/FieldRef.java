package dev.retort.mapping.description;

import java.lang.reflect.Field;

import dev.retort.MappingException;

/** A persistent field named by the class that declares it and its name. Immutable. */
public record FieldRef(Class<?> declaringClass, String name) {
    public static FieldRef of(Field field) {
        return new FieldRef(field.getDeclaringClass(), field.getName());
    }

    /** The field, made accessible; a {@link MappingException} when the class no longer has it. */
    public Field resolve() {
        try {
            Field field = declaringClass.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new MappingException("The mapping describes field " + name + " of " + declaringClass.getName()
                    + ", which the class does not have. To fix this, rebuild the application so that its mapping is "
                    + "read from the classes it runs with.", e);
        }
    }
}
