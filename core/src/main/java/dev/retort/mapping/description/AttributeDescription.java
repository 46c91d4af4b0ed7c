package dev.retort.mapping.description;

import java.util.Optional;

import dev.retort.sql.Column;

/**
 * One persistent field and its column, as read from its annotations.
 *
 * @param field       the entity's field (declared on it or on a superclass)
 * @param column      the column it maps to
 * @param enumStorage how an enum value is stored; {@link EnumStorage#NONE} for other types
 * @param targetId    for the foreign key of a to-one relationship, the target's id field (the field holds the
 *                    target entity, the column its id); else empty
 */
public record AttributeDescription(FieldRef field, Column column, EnumStorage enumStorage, Optional<FieldRef> targetId) {
    /** How an enum field is stored: not an enum, by constant name, or by ordinal. */
    public enum EnumStorage { NONE, NAME, ORDINAL }

    /** The attribute's name: its field's. */
    public String name() {
        return field.name();
    }
}
