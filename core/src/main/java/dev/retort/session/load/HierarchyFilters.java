package dev.retort.session.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.InheritanceType;

import dev.retort.Attribute;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.session.SessionContext;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.Column;
import dev.retort.sql.Expression;

/**
 * The conditions that keep statements on a SINGLE_TABLE subclass to its rows (its discriminator values and
 * its subclasses'): bulk statements, tuple selects, joins; and the bulk statements that cannot run. Stateless.
 */
public final class HierarchyFilters {
    private HierarchyFilters() {
    }

    /**
     * The restriction of {@code table} (the entity's table or an alias of it) to the rows of a SINGLE_TABLE
     * subclass and its subclasses; empty for the root and for entities of no SINGLE_TABLE hierarchy.
     */
    public static Optional<Expression> restriction(EntityPersister persister, String table) {
        Hierarchy hierarchy = persister.hierarchy();
        if (hierarchy == null || hierarchy.strategy() != InheritanceType.SINGLE_TABLE
                || persister.entityType() == hierarchy.root().javaType()) {
            return Optional.empty();
        }
        return Optional.of(discriminatorIn(hierarchy, table, hierarchy.membersUnder(persister.entityType())));
    }

    /** {@code on AND} the restriction of the joined entity's rows, if it is a SINGLE_TABLE subclass. */
    public static Expression joinCondition(EntityPersister persister, String table, Expression on) {
        return restriction(persister, table).map(restriction -> (Expression) new Expression.And(List.of(on, restriction)))
                .orElse(on);
    }

    /**
     * The WHERE conditions of a tuple select reading {@code table}, with the restriction of the SINGLE_TABLE
     * subclass whose attributes it selects from that table (the deepest, when they are of one line of classes).
     */
    public static List<Expression> tupleConditions(SessionContext context, String table, List<? extends Expr<?>> columns,
                                            List<Expression> conditions, String query) {
        EntityPersister deepest = null;
        for (Expr<?> column : columns) {
            if (!(column instanceof Attribute<?, ?> attribute) || !(attribute.node() instanceof Expression.ColumnRef ref)
                    || !table.equals(ref.table())) {
                continue;
            }
            if (EntityMappings.of(attribute.entityType()).inheritance().isEmpty()) {
                continue;
            }
            EntityPersister persister = context.persister(attribute.entityType());
            if (restriction(persister, table).isEmpty()
                    || deepest != null && persister.entityType().isAssignableFrom(deepest.entityType())) {
                continue;
            }
            if (deepest != null && !deepest.entityType().isAssignableFrom(persister.entityType())) {
                throw new InvalidRequestException(query + " selects attributes of " + deepest.entityName() + " and of "
                        + persister.entityName() + ", whose rows are different rows of table " + table + " (SINGLE_TABLE "
                        + "inheritance), so no row has both. To fix this, select attributes of one of them (with those of "
                        + persister.hierarchy().root().entityName() + "), or run one select for each.");
            }
            deepest = persister;
        }
        Expression restriction = deepest == null ? null : restriction(deepest, table).orElseThrow();
        if (restriction == null || conditions.contains(restriction)) {
            return conditions;
        }
        List<Expression> all = new ArrayList<>(conditions);
        all.add(restriction);
        return all;
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
    public static Optional<Expression> restrict(EntityPersister persister, Optional<Expression> where, String verb) {
        Hierarchy hierarchy = persister.hierarchy();
        if (hierarchy == null) {
            return where;
        }
        List<EntityModel> members = hierarchy.membersUnder(persister.entityType());
        if (hierarchy.strategy() == InheritanceType.SINGLE_TABLE) {
            Optional<Expression> restriction = restriction(persister, persister.model().table().name());
            if (restriction.isEmpty()) {
                return where;
            }
            return Optional.of(where.map(condition -> (Expression) new Expression.And(List.of(restriction.get(), condition)))
                    .orElse(restriction.get()));
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
