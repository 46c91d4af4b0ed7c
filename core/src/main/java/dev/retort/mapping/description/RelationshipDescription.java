package dev.retort.mapping.description;

import java.util.Optional;

import dev.retort.mapping.RelationshipModel;

/**
 * One relationship field, as read from {@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany} or
 * {@code @ManyToMany} and the annotations beside it.
 *
 * @param owner      the entity class declaring the relationship
 * @param field      its field
 * @param mappedBy   for an inverse side, the owning attribute of the target; else empty
 * @param set        for a collection, whether it is a {@code Set}
 * @param orderBy    the {@code @OrderBy} text, or empty
 * @param joinColumn for an owning to-one side, its foreign-key attribute (also among the entity's attributes)
 * @param joinTable  for an owning many-to-many side, its join table
 */
public record RelationshipDescription(Class<?> owner, FieldRef field, RelationshipModel.Kind kind, Class<?> target,
                                      Optional<String> mappedBy, boolean set, RelationshipModel.Cascades cascades,
                                      boolean eager, String orderBy, Optional<AttributeDescription> joinColumn,
                                      Optional<RelationshipModel.JoinTable> joinTable) {
    public String name() {
        return field.name();
    }
}
