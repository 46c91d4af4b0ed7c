package dev.retort.mapping;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

import dev.retort.RetortException;
import dev.retort.sql.Column;

/**
 * One persistent field of an entity and the column it maps to. Reads and writes the field directly
 * (field access, any visibility) and converts between the field's value and the value stored (enums to
 * names or ordinals; everything else as is). Immutable and thread-safe.
 */
public final class AttributeModel {
    private final String name;
    private final Field field;
    private final Class<?> javaType;
    private final Class<?> storedType;
    private final Column column;
    private final EnumStorage enumStorage;
    private final Object primitiveDefault;
    /** For the foreign key of a to-one relationship: the target's id field (the field holds the target entity). */
    private final Field targetId;
    /** Reads and writes {@link #field} (generated, see {@link FieldAccess}); {@link #targetAccess} the target's id. */
    private final FieldAccess access;
    private final FieldAccess targetAccess;

    AttributeModel(String name, Field field, Column column, EnumStorage enumStorage) {
        this.name = name;
        this.field = field;
        this.javaType = field.getType();
        this.column = column;
        this.enumStorage = enumStorage;
        this.storedType = enumStorage == EnumStorage.NAME ? String.class
                : enumStorage == EnumStorage.ORDINAL ? Integer.class : JavaTypes.boxed(javaType);
        this.primitiveDefault = javaType.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(javaType, 1), 0) : null;
        this.targetId = null;
        this.access = FieldAccess.of(field);
        this.targetAccess = null;
    }

    /** The foreign-key column of a to-one relationship: the field holds the related entity, the column its id. */
    AttributeModel(String name, Field field, Column column, Field targetId) {
        this.name = name;
        this.field = field;
        this.javaType = field.getType();
        this.column = column;
        this.enumStorage = EnumStorage.NONE;
        this.storedType = JavaTypes.boxed(targetId.getType());
        this.primitiveDefault = null;
        this.targetId = targetId;
        this.access = FieldAccess.of(field);
        this.targetAccess = FieldAccess.of(targetId);
    }

    /** The id of a related entity held by a reference attribute's field. */
    public Object idOf(Object target) {
        return target == null ? null : targetAccess.get(target);
    }

    enum EnumStorage { NONE, NAME, ORDINAL }

    public String name() {
        return name;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The field's type, boxed if primitive. */
    public Class<?> boxedType() {
        return JavaTypes.boxed(javaType);
    }

    /** The Java type handed to the driver: {@code String} or {@code Integer} for enums, else the boxed field type. */
    public Class<?> storedType() {
        return storedType;
    }

    public Column column() {
        return column;
    }

    public Object get(Object entity) {
        return access.get(entity);
    }

    /** Sets the field; {@code null} on a primitive field sets its default (0, false). */
    public void set(Object entity, Object value) {
        access.set(entity, value == null ? primitiveDefault : value);
    }

    /** The field value as stored in the column (a related entity's id, for a reference). */
    public Object toStored(Object value) {
        if (targetId != null && javaType.isInstance(value)) {
            return idOf(value);
        }
        if (value == null || enumStorage == EnumStorage.NONE) {
            return value;
        }
        Enum<?> constant = (Enum<?>) value;
        return enumStorage == EnumStorage.NAME ? constant.name() : constant.ordinal();
    }

    /** The field value for a stored column value. */
    public Object fromStored(Object stored) {
        if (stored == null || enumStorage == EnumStorage.NONE) {
            return stored;
        }
        Object[] constants = javaType.getEnumConstants();
        if (enumStorage == EnumStorage.ORDINAL) {
            int ordinal = (Integer) stored;
            if (ordinal < 0 || ordinal >= constants.length) {
                throw new RetortException("Column " + column.name() + " holds ordinal " + ordinal + ", which "
                        + javaType.getName() + " does not have (it has " + constants.length + " constants).");
            }
            return constants[ordinal];
        }
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equals(stored)) {
                return constant;
            }
        }
        throw new RetortException("Column " + column.name() + " holds '" + stored + "', which is not a constant of "
                + javaType.getName() + ". Constants: " + Arrays.toString(constants) + ".");
    }

    /** A copy safe to keep as a snapshot (arrays are mutable). */
    public Object snapshotOf(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /**
     * Whether the entity's field differs from its snapshot value, as {@link #differs} says; {@code long} and
     * {@code int} fields are read unboxed, so the dirty check of an unchanged object allocates nothing.
     */
    public boolean changedFrom(Object entity, Object snapshot) {
        if (javaType == long.class && snapshot instanceof Long stored) {
            return access.getLong(entity) != stored;
        }
        if (javaType == int.class && snapshot instanceof Integer stored) {
            return access.getInt(entity) != stored;
        }
        return differs(get(entity), snapshot);
    }

    /** Whether a field value differs from its snapshot, as the database would see it. */
    public boolean differs(Object current, Object snapshot) {
        if (current == snapshot || targetId != null) {
            return current != snapshot;
        }
        if (current == null || snapshot == null) {
            return true;
        }
        if (current instanceof byte[] bytes) {
            return !(snapshot instanceof byte[] other) || !Arrays.equals(bytes, other);
        }
        if (current instanceof BigDecimal decimal) {
            return !(snapshot instanceof BigDecimal other) || decimal.compareTo(other) != 0;
        }
        return !Objects.equals(current, snapshot);
    }

    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + name;
    }
}
