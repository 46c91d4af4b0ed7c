package dev.retort.session.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.retort.dialect.Dialect;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/**
 * Compiles query statements once per shape: the values of a statement are lifted out into numbered
 * slots, the slotted statement (equal for every query of the same shape, whatever its values) is the
 * cache key, and each execution only puts its own values back into the cached statement's parameters.
 * A repeated query shape therefore costs no SQL rendering. Bounded; thread-safe; one per session factory.
 */
public final class ShapeCache {
    private static final int MAX_SHAPES = 2_048;

    private final Dialect dialect;
    private final ConcurrentHashMap<Statement, CompiledStatement> shapes = new ConcurrentHashMap<>();

    public ShapeCache(Dialect dialect) {
        this.dialect = dialect;
    }

    public CompiledStatement compile(Statement statement) {
        Lifter lifter = new Lifter();
        Statement shape = lifter.statement(statement);
        if (lifter.literals) {
            // Its SQL text holds keys of this run (Expression.Literal): no shape to share, no statement to keep.
            return withValues(dialect.compile(shape), lifter.values).once();
        }
        CompiledStatement compiled = shapes.get(shape);
        if (compiled == null) {
            compiled = dialect.compile(shape);
            if (shapes.size() < MAX_SHAPES) {
                shapes.putIfAbsent(shape, compiled);
            }
        }
        return withValues(compiled, lifter.values);
    }

    int size() {
        return shapes.size();
    }

    /** The compiled shape with each lifted slot replaced by the value it stands for. */
    private static CompiledStatement withValues(CompiledStatement shape, List<Expression.Value> values) {
        List<Expression> parameters = new ArrayList<>(shape.parameters().size());
        for (Expression parameter : shape.parameters()) {
            parameters.add(parameter instanceof Expression.Slot slot ? values.get(slot.slot()) : parameter);
        }
        return new CompiledStatement(shape.sql(), parameters);
    }

    /** Rebuilds a statement with every {@link Expression.Value} replaced by a slot numbered in tree order. */
    private static final class Lifter {
        final List<Expression.Value> values = new ArrayList<>();
        boolean literals;

        Statement statement(Statement statement) {
            if (statement instanceof Statement.Select select) {
                return select(select);
            }
            if (statement instanceof Statement.Compound compound) {
                return new Statement.Compound(compound.parts().stream().map(this::select).toList(), compound.all(),
                        orderBy(compound.orderBy()), compound.limit(), compound.offset());
            }
            if (statement instanceof Statement.With with) {
                List<Statement.CommonTable> tables = with.tables().stream().map(table ->
                        new Statement.CommonTable(table.name(), table.columns(), select(table.query()))).toList();
                return new Statement.With(tables, statement(with.body()));
            }
            if (statement instanceof Statement.Update update) {
                return new Statement.Update(update.table(), update.columns(), expressions(update.values()), nullable(update.where()));
            }
            if (statement instanceof Statement.Delete delete) {
                return new Statement.Delete(delete.table(), nullable(delete.where()));
            }
            return statement;
        }

        Statement.Select select(Statement.Select select) {
            List<Statement.Join> joins = select.joins().stream().map(join ->
                    new Statement.Join(join.kind(), join.table(), join.alias(), expression(join.on()))).toList();
            return new Statement.Select(select.distinct(), expressions(select.columns()), select.table(), select.tableAlias(), joins,
                    optional(select.where()), expressions(select.groupBy()), optional(select.having()), orderBy(select.orderBy()),
                    select.limit(), select.offset());
        }

        private Optional<Expression> optional(Optional<Expression> expression) {
            return expression.map(this::expression);
        }

        private Expression nullable(Expression expression) {
            return expression == null ? null : expression(expression);
        }

        private List<Expression> expressions(List<Expression> expressions) {
            List<Expression> lifted = new ArrayList<>(expressions.size());
            for (Expression expression : expressions) {
                lifted.add(expression(expression));
            }
            return lifted;
        }

        private List<OrderItem> orderBy(List<OrderItem> items) {
            return items.stream().map(item -> new OrderItem(expression(item.expression()), item.descending(), item.nulls())).toList();
        }

        Expression expression(Expression expression) {
            if (expression instanceof Expression.Value value) {
                values.add(value);
                return new Expression.Slot(values.size() - 1, value.type());
            }
            if (expression instanceof Expression.Comparison comparison) {
                return new Expression.Comparison(expression(comparison.left()), comparison.operator(), expression(comparison.right()));
            }
            if (expression instanceof Expression.IsNull isNull) {
                return new Expression.IsNull(expression(isNull.operand()), isNull.negated());
            }
            if (expression instanceof Expression.And and) {
                return new Expression.And(expressions(and.operands()));
            }
            if (expression instanceof Expression.Or or) {
                return new Expression.Or(expressions(or.operands()));
            }
            if (expression instanceof Expression.Not not) {
                return new Expression.Not(expression(not.operand()));
            }
            if (expression instanceof Expression.Like like) {
                return new Expression.Like(expression(like.operand()), expression(like.pattern()), like.negated(), like.caseInsensitive());
            }
            if (expression instanceof Expression.Between between) {
                return new Expression.Between(expression(between.operand()), expression(between.low()), expression(between.high()));
            }
            if (expression instanceof Expression.In in) {
                return new Expression.In(expression(in.operand()), expressions(in.values()), in.negated());
            }
            if (expression instanceof Expression.Arithmetic arithmetic) {
                return new Expression.Arithmetic(expression(arithmetic.left()), arithmetic.operator(), expression(arithmetic.right()));
            }
            if (expression instanceof Expression.Concat concat) {
                return new Expression.Concat(expressions(concat.operands()));
            }
            if (expression instanceof Expression.Function function) {
                return new Expression.Function(function.name(), expressions(function.arguments()));
            }
            if (expression instanceof Expression.Case caseExpression) {
                List<Expression.When> whens = caseExpression.whens().stream().map(when ->
                        new Expression.When(expression(when.condition()), expression(when.result()))).toList();
                return new Expression.Case(whens, nullable(caseExpression.otherwise()));
            }
            if (expression instanceof Expression.Exists exists) {
                return new Expression.Exists(select(exists.query()));
            }
            if (expression instanceof Expression.ScalarSubquery scalar) {
                return new Expression.ScalarSubquery(select(scalar.query()));
            }
            if (expression instanceof Expression.InSubquery in) {
                return new Expression.InSubquery(expression(in.operand()), select(in.query()), in.negated());
            }
            if (expression instanceof Expression.Window window) {
                return new Expression.Window(expression(window.function()), expressions(window.partitionBy()), orderBy(window.orderBy()));
            }
            if (expression instanceof Expression.Slot) {
                throw new IllegalArgumentException("A query statement holds a slot, which ShapeCache would confuse with its own: "
                        + expression);
            }
            // Columns, COUNT(*), *, the current timestamp, literals: no values inside.
            literals |= expression instanceof Expression.Literal;
            return expression;
        }
    }
}
