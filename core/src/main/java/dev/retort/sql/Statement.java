package dev.retort.sql;

import java.util.List;
import java.util.Optional;

/**
 * The statements Retort issues, as a sealed tree. The ORM builds them; a dialect compiles them to SQL
 * text and an ordered list of parameters. No SQL string is assembled outside a compiler.
 */
public sealed interface Statement {

    /**
     * {@code SELECT [DISTINCT] columns FROM table WHERE where GROUP BY ... HAVING ... ORDER BY ...
     * LIMIT/OFFSET}; {@code limit} and {@code offset} are bound as parameters where given. A {@code null}
     * table selects without FROM.
     */
    record Select(boolean distinct, List<Expression> columns, String table, String tableAlias, List<Join> joins,
                  Optional<Expression> where, List<Expression> groupBy, Optional<Expression> having, List<OrderItem> orderBy,
                  Optional<Integer> limit, Optional<Integer> offset) implements Statement {
        public Select {
            columns = List.copyOf(columns);
            joins = List.copyOf(joins);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }

        /** A select of one table without alias or joins. */
        public Select(boolean distinct, List<Expression> columns, String table, Optional<Expression> where,
                      List<Expression> groupBy, Optional<Expression> having, List<OrderItem> orderBy,
                      Optional<Integer> limit, Optional<Integer> offset) {
            this(distinct, columns, table, null, List.of(), where, groupBy, having, orderBy, limit, offset);
        }

        /** A plain select of one table, without DISTINCT, grouping or joins. */
        public Select(String table, List<Expression> columns, Optional<Expression> where, List<OrderItem> orderBy,
                      Optional<Integer> limit, Optional<Integer> offset) {
            this(false, columns, table, where, List.of(), Optional.empty(), orderBy, limit, offset);
        }
    }

    /** {@code kind JOIN table [alias] ON on}. */
    record Join(JoinKind kind, String table, String alias, Expression on) {
    }

    enum JoinKind { INNER, LEFT, FULL }

    /**
     * {@code SELECT ... UNION [ALL] SELECT ... [ORDER BY ...] [LIMIT/OFFSET]}: {@code all.get(i)} tells
     * whether part {@code i + 1} is joined with UNION ALL. The parts have no ORDER BY or LIMIT of their own.
     */
    record Compound(List<Select> parts, List<Boolean> all, List<OrderItem> orderBy, Optional<Integer> limit,
                    Optional<Integer> offset) implements Statement {
        public Compound {
            parts = List.copyOf(parts);
            all = List.copyOf(all);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code WITH name (columns) AS (query), ... body}: common table expressions the body reads as tables. */
    record With(List<CommonTable> tables, Statement body) implements Statement {
        public With {
            tables = List.copyOf(tables);
        }
    }

    /** One named query of a {@link With}; {@code columns} name its result columns. */
    record CommonTable(String name, List<String> columns, Select query) {
        public CommonTable {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (values) [RETURNING returning]}: the ORM asks for RETURNING
     * only where keys cannot come back through JDBC's generated keys per batch.
     * Batches execute one compiled insert with many rows of slot values.
     */
    record Insert(String table, List<String> columns, List<Expression> values, List<String> returning)
            implements Statement {
        public Insert {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            returning = List.copyOf(returning);
        }
    }

    /** {@code UPDATE table SET column = value, ... WHERE where}; a {@code null} where updates every row. */
    record Update(String table, List<String> columns, List<Expression> values, Expression where) implements Statement {
        public Update {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }
    }

    /** {@code DELETE FROM table WHERE where}; a {@code null} where deletes every row. */
    record Delete(String table, Expression where) implements Statement {
    }

    record CreateTable(Table table) implements Statement {
    }

    record DropTable(String table) implements Statement {
    }

    record CreateIndex(String table, Index index) implements Statement {
    }

    record CreateSequence(Sequence sequence) implements Statement {
    }

    record DropSequence(String sequence) implements Statement {
    }

    // ---- schema changes (migrations) ----------------------------------------------------------------

    /** {@code ALTER TABLE table ADD COLUMN column}. */
    record AddColumn(String table, Column column) implements Statement {
    }

    /** {@code ALTER TABLE table DROP COLUMN column}. */
    record DropColumn(String table, String column) implements Statement {
    }

    /** Gives an existing column the type of {@code column} (which names it and holds its whole new definition). */
    record AlterColumnType(String table, Column column) implements Statement {
    }

    /** Gives an existing column the nullability of {@code column} (which names it and holds its whole new definition). */
    record AlterColumnNullability(String table, Column column) implements Statement {
    }

    /** {@code ALTER TABLE table RENAME COLUMN from TO to}. */
    record RenameColumn(String table, String from, String to) implements Statement {
    }

    /** {@code ALTER TABLE from RENAME TO to}. */
    record RenameTable(String from, String to) implements Statement {
    }

    /** Drops the index {@code index} of {@code table}. */
    record DropIndex(String table, String index) implements Statement {
    }

    /** {@code ALTER TABLE table ADD UNIQUE (columns)}. */
    record AddUnique(String table, List<String> columns) implements Statement {
        public AddUnique {
            columns = List.copyOf(columns);
        }
    }

    /** Drops the unique constraint named {@code constraint} of {@code table}. */
    record DropUnique(String table, String constraint) implements Statement {
    }

    /** {@code ALTER TABLE table ADD FOREIGN KEY ...}. */
    record AddForeignKey(String table, ForeignKey foreignKey) implements Statement {
    }

    /** Drops the foreign-key constraint named {@code constraint} of {@code table}. */
    record DropForeignKey(String table, String constraint) implements Statement {
    }

    /**
     * Checks foreign keys at commit rather than per statement, for the rest of the transaction (so that a
     * table can be copied into a new one while other tables refer to it).
     */
    record DeferForeignKeyChecks() implements Statement {
    }

    /** {@code INSERT INTO table (columns) SELECT ...}: copies rows from another table. */
    record InsertSelect(String table, List<String> columns, Select query) implements Statement {
        public InsertSelect {
            columns = List.copyOf(columns);
        }
    }

    /** Fetches the next {@code count} values of a sequence, one row each. */
    record NextValues(String sequence, int count) implements Statement {
    }
}
