package dev.retort.session;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.InheritanceType;

import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.sql.Column;
import dev.retort.sql.Expression;

/** What a bulk UPDATE or DELETE of a hierarchy entity must add, or why it cannot run. Stateless. */
final class HierarchyBulk {
    private HierarchyBulk() {
    }

    /** {@code table.discriminator IN (values of the members)}, under SINGLE_TABLE. */
    static Expression discriminatorIn(Hierarchy hierarchy, String table, List<EntityModel> members) {
        Column discriminator = hierarchy.discriminator().orElseThrow();
        List<Expression> values = members.stream().map(member -> (Expression) new Expression.Value(
                hierarchy.discriminatorValue(member.javaType()), discriminator.type().type())).toList();
        return new Expression.In(new Expression.ColumnRef(table, discriminator.name()), values, false);
    }

    /**
     * The WHERE of a bulk statement on the entity's table: for a SINGLE_TABLE subclass, restricted to the
     * discriminator values of it and its subclasses. Refuses statements that would have to write several tables.
     */
    static Optional<Expression> restrict(EntityPersister persister, Optional<Expression> where, String verb) {
        Hierarchy hierarchy = persister.hierarchy();
        if (hierarchy == null) {
            return where;
        }
        List<EntityModel> members = hierarchy.membersUnder(persister.entityType());
        if (hierarchy.strategy() == InheritanceType.SINGLE_TABLE) {
            if (persister.entityType() == hierarchy.root().javaType()) {
                return where;
            }
            Expression restriction = discriminatorIn(hierarchy, persister.model().table().name(), members);
            return Optional.of(where.map(condition -> (Expression) new Expression.And(List.of(restriction, condition)))
                    .orElse(restriction));
        }
        if (hierarchy.strategy() == InheritanceType.TABLE_PER_CLASS && members.size() == 1) {
            return where;
        }
        throw new UnsupportedFeatureException("session." + verb + "(" + persister.entityName() + ".class) is a bulk "
                + verb.toUpperCase(java.util.Locale.ROOT) + " of an entity whose rows span several tables ("
                + hierarchy.strategy() + " inheritance of " + hierarchy.root().entityName() + "), which Retort does not "
                + "issue. To fix this, load the objects and change (or session.delete) each, then commit"
                + (hierarchy.strategy() == InheritanceType.TABLE_PER_CLASS ? ", or run it on each concrete class that has "
                + "no subclasses" : "") + ".");
    }
}
