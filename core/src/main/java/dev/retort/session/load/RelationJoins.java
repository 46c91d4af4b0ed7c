package dev.retort.session.load;

import java.util.ArrayList;
import java.util.List;

import dev.retort.InvalidRequestException;
import dev.retort.Relation;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionContext;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * The JOINs that follow a relationship, so that queries need not spell the ON condition:
 * {@code join(User_.posts)} is {@code JOIN posts ON posts.user_id = users.id}; a many-to-many joins its
 * join table, then the target. The relationship's entity must already be in the query (its FROM or an
 * earlier join); the target's table is joined under its own name, so its attributes filter and order as
 * usual ({@code Post_.title.eq(...)}).
 */
public final class RelationJoins {
    private RelationJoins() {
    }

    public static List<Statement.Join> of(SessionContext context, Statement.JoinKind kind, Relation<?, ?> relation,
                                   String from, List<Statement.Join> earlier, String call) {
        if (relation == null) {
            throw new InvalidRequestException(call + "(null): there is no relationship to join. To fix this, pass one from "
                    + "the metamodel, such as User_.posts.");
        }
        RelationshipModel model = relation.model();
        EntityPersister owner = context.persister(model.owner());
        EntityPersister target = context.persister(model.target());
        String ownerTable = owner.model().table().name();
        String targetTable = target.model().table().name();
        boolean present = ownerTable.equals(from) || earlier.stream().anyMatch(join -> join.alias() == null
                && join.table().equals(ownerTable));
        if (!present) {
            throw new InvalidRequestException(call + "(" + relation + "): " + owner.entityName() + " is not in this query yet "
                    + "(it reads " + (from == null ? "no table: add from(...)" : from) + "). To fix this, join " + owner.entityName() + " first, or start from it.");
        }
        if (targetTable.equals(ownerTable)) {
            throw new InvalidRequestException(call + "(" + relation + ") would join " + targetTable + " to itself without an "
                    + "alias. To fix this, join an alias with an explicit condition: join(Alias.of(" + target.entityName()
                    + ".class, \"other\"), ...).");
        }
        String ownerId = owner.attribute(0).column().name();
        String targetId = target.attribute(0).column().name();
        List<Statement.Join> joins = new ArrayList<>();
        if (model.joinColumn() != null) {
            joins.add(new Statement.Join(kind, targetTable, null, Expression.eq(new Expression.ColumnRef(targetTable, targetId),
                    new Expression.ColumnRef(ownerTable, model.joinColumn().column().name()))));
        } else if (model.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
            RelationshipModel owning = model.owning() ? model : context.otherSide(model).orElseThrow();
            RelationshipModel.JoinTable table = owning.joinTable();
            String link = table.table().name();
            String near = model.owning() ? table.ownerColumn() : table.targetColumn();
            String far = model.owning() ? table.targetColumn() : table.ownerColumn();
            joins.add(new Statement.Join(kind, link, null, Expression.eq(new Expression.ColumnRef(link, near),
                    new Expression.ColumnRef(ownerTable, ownerId))));
            joins.add(new Statement.Join(kind, targetTable, null, Expression.eq(new Expression.ColumnRef(targetTable, targetId),
                    new Expression.ColumnRef(link, far))));
        } else {
            RelationshipModel owning = context.otherSide(model).orElseThrow();
            joins.add(new Statement.Join(kind, targetTable, null, Expression.eq(
                    new Expression.ColumnRef(targetTable, owning.joinColumn().column().name()),
                    new Expression.ColumnRef(ownerTable, ownerId))));
        }
        return joins;
    }
}
