package dev.retort.mapping;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.retort.mapping.description.RelationshipDescription;
import dev.retort.sql.Table;

/**
 * One relationship attribute of an entity, read from {@code @ManyToOne}, {@code @OneToOne},
 * {@code @OneToMany} or {@code @ManyToMany}: its kind and target entity, which side owns it (the side
 * whose table holds the foreign key, or that names the join table), cascades, fetch default and order.
 * A to-one owning side also has an {@link #joinColumn() attribute} for its foreign-key column, listed
 * among the entity's attributes. Immutable and thread-safe.
 */
public final class RelationshipModel {
    /** The four relationship annotations of Jakarta Persistence. */
    public enum Kind {
        MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY;

        public boolean toMany() {
            return this == ONE_TO_MANY || this == MANY_TO_MANY;
        }

        String annotation() {
            return switch (this) {
                case MANY_TO_ONE -> "@ManyToOne";
                case ONE_TO_ONE -> "@OneToOne";
                case ONE_TO_MANY -> "@OneToMany";
                case MANY_TO_MANY -> "@ManyToMany";
            };
        }
    }

    /** A join table of a many-to-many: its owner-side and target-side columns reference the two primary keys. */
    public record JoinTable(Table table, String ownerColumn, String targetColumn) {
    }

    /** Which cascades apply: JPA's PERSIST, MERGE, REMOVE (ALL is all three) and orphan removal. */
    public record Cascades(boolean persist, boolean merge, boolean remove, boolean orphanRemoval) {
    }

    /** One key of an {@code @OrderBy}: an attribute of the target and its direction. */
    public record OrderKey(String attribute, boolean descending) {
    }

    private final Class<?> owner;
    private final Field field;
    private final Kind kind;
    private final Class<?> target;
    private final String mappedBy;
    private final boolean set;
    private final Cascades cascades;
    private final boolean eager;
    private final String orderBy;
    private final List<OrderKey> orderKeys;
    private final AttributeModel joinColumn;
    private final JoinTable joinTable;
    private final FieldAccess access;

    private final RelationshipDescription description;

    /** Binds a described relationship to its field; {@code joinColumn} is the entity's bound foreign-key attribute. */
    RelationshipModel(RelationshipDescription description, AttributeModel joinColumn) {
        this.description = description;
        this.owner = description.owner();
        this.field = description.field().resolve();
        this.kind = description.kind();
        this.target = description.target();
        this.mappedBy = description.mappedBy().orElse(null);
        this.set = description.set();
        this.cascades = description.cascades();
        this.eager = description.eager();
        this.orderBy = description.orderBy();
        this.orderKeys = orderKeys(orderBy);
        this.joinColumn = joinColumn;
        this.joinTable = description.joinTable().orElse(null);
        this.access = FieldAccess.of(field);
    }

    /** What the relationship was bound from. */
    public RelationshipDescription description() {
        return description;
    }

    public String name() {
        return field.getName();
    }

    /** The entity class declaring the relationship. */
    public Class<?> owner() {
        return owner;
    }

    public Kind kind() {
        return kind;
    }

    /** The related entity class (the element type of a collection). */
    public Class<?> target() {
        return target;
    }

    /** The attribute of the target that owns this relationship, for an inverse side ({@code mappedBy}). */
    public Optional<String> mappedBy() {
        return Optional.ofNullable(mappedBy);
    }

    /** Whether this side holds the foreign key (to-one) or names the join table (many-to-many). */
    public boolean owning() {
        return mappedBy == null;
    }

    public boolean toMany() {
        return kind.toMany();
    }

    /** For a collection: whether it is a {@code Set} (else a {@code List}). */
    public boolean isSet() {
        return set;
    }

    public Cascades cascades() {
        return cascades;
    }

    /** The mapping's default: to-one eager, to-many lazy, unless {@code fetch} says otherwise. */
    public boolean eager() {
        return eager;
    }

    /** The {@code @OrderBy} text (attribute names of the target, optionally ASC/DESC), or empty. */
    public String orderBy() {
        return orderBy;
    }

    /** The {@code @OrderBy} keys in order, read once; empty without one. {@code Metadata.of} checks the names. */
    public List<OrderKey> orderKeys() {
        return orderKeys;
    }

    private static List<OrderKey> orderKeys(String orderBy) {
        List<OrderKey> keys = new java.util.ArrayList<>();
        if (!orderBy.isEmpty()) {
            for (String part : orderBy.split(",")) {
                String[] words = part.trim().split("\\s+");
                keys.add(new OrderKey(words[0], words.length > 1 && words[1].equalsIgnoreCase("DESC")));
            }
        }
        return List.copyOf(keys);
    }

    /** The foreign-key attribute of an owning to-one side, else null. */
    public AttributeModel joinColumn() {
        return joinColumn;
    }

    /** The join table of an owning many-to-many side, else null. */
    public JoinTable joinTable() {
        return joinTable;
    }

    public Object get(Object entity) {
        return access.get(entity);
    }

    public void set(Object entity, Object value) {
        access.set(entity, value);
    }

    /** The elements of a collection value (empty for null). */
    @SuppressWarnings("unchecked")
    public static Collection<Object> elements(Object value) {
        return value == null ? List.of() : (Collection<Object>) value;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name();
    }
}
