package dev.retort.mapping;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

import dev.retort.RetortException;
import dev.retort.mapping.description.AttributeDescription;
import dev.retort.mapping.description.AttributeDescription.EnumStorage;
import dev.retort.mapping.description.FieldRef;
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

    private final AttributeDescription description;

    /** Binds a described attribute to its field, and a reference's to the target's id field. */
    AttributeModel(AttributeDescription description) {
        this.description = description;
        this.name = description.name();
        this.field = description.field().resolve();
        this.javaType = field.getType();
        this.column = description.column();
        this.enumStorage = description.enumStorage();
        this.targetId = description.targetId().map(FieldRef::resolve).orElse(null);
        this.storedType = targetId != null ? JavaTypes.boxed(targetId.getType())
                : enumStorage == EnumStorage.NAME ? String.class
                : enumStorage == EnumStorage.ORDINAL ? Integer.class : JavaTypes.boxed(javaType);
        this.primitiveDefault = targetId == null && javaType.isPrimitive()
                ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(javaType, 1), 0) : null;
        this.access = FieldAccess.of(field);
        this.targetAccess = targetId == null ? null : FieldAccess.of(targetId);
    }

    /** What the attribute was bound from. */
    public AttributeDescription description() {
        return description;
    }

    /** The id of a related entity held by a reference attribute's field. */
    public Object idOf(Object target) {
        return target == null ? null : targetAccess.get(target);
    }

    public String name() {
        return name;
    }

    /** The field, for {@link EntityFields}' generated code. */
    Field field() {
        return field;
    }

    /** Whether the field holds a related entity whose id is the column's value (a to-one foreign key). */
    boolean isReference() {
        return targetId != null;
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
