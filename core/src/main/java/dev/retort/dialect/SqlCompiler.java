package dev.retort.dialect;

import java.util.List;
import java.util.Optional;

import dev.retort.sql.Column;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.ColumnType;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Generation;
import dev.retort.sql.Expression;
import dev.retort.sql.Index;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Compiles the SQL tree to text in the common SQL most databases accept; each dialect subclasses it and
 * overrides only the {@code visit}/{@code render} methods where its database differs. Expressions are
 * rendered by {@link ExpressionCompiler}. One instance per compilation: it accumulates the text and the
 * parameters in marker order.
 */
public class SqlCompiler extends ExpressionCompiler {

    protected SqlCompiler(Dialect dialect) {
        super(dialect);
    }

    public final CompiledStatement compile(Statement statement) {
        if (statement instanceof Statement.Select select) {
            visitSelect(select);
        } else if (statement instanceof Statement.Compound compound) {
            visitCompound(compound);
        } else if (statement instanceof Statement.With with) {
            visitWith(with);
        } else if (statement instanceof Statement.Insert insert) {
            visitInsert(insert);
        } else if (statement instanceof Statement.Update update) {
            visitUpdate(update);
        } else if (statement instanceof Statement.Delete delete) {
            visitDelete(delete);
        } else if (statement instanceof Statement.CreateTable create) {
            visitCreateTable(create.table());
        } else if (statement instanceof Statement.DropTable drop) {
            sql.append("DROP TABLE IF EXISTS ").append(dialect.quote(drop.table()));
        } else if (statement instanceof Statement.CreateIndex create) {
            visitCreateIndex(create.table(), create.index());
        } else if (statement instanceof Statement.CreateSequence create) {
            sql.append("CREATE SEQUENCE ").append(dialect.quote(create.sequence().name()))
                    .append(" START WITH ").append(create.sequence().start())
                    .append(" INCREMENT BY ").append(create.sequence().increment());
        } else if (statement instanceof Statement.DropSequence drop) {
            sql.append("DROP SEQUENCE IF EXISTS ").append(dialect.quote(drop.sequence()));
        } else if (statement instanceof Statement.NextValues next) {
            visitNextValues(next);
        } else if (!compileSchemaChange(statement)) {
            throw new IllegalArgumentException("Unknown statement " + statement);
        }
        return new CompiledStatement(sql.toString(), parameters);
    }

    // ---- DML ----------------------------------------------------------------------------------------

    @Override
    protected void visitSelect(Statement.Select select) {
        boolean outer = qualifyColumns;
        qualifyColumns = outer || !select.joins().isEmpty();
        sql.append(select.distinct() ? "SELECT DISTINCT " : "SELECT ");
        for (int i = 0; i < select.columns().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            visitExpression(select.columns().get(i));
        }
        if (select.table() != null) {
            sql.append(" FROM ").append(dialect.quote(select.table()));
            if (select.tableAlias() != null) {
                sql.append(' ').append(dialect.quote(select.tableAlias()));
            }
        }
        for (Statement.Join join : select.joins()) {
            visitJoin(join);
        }
        select.where().ifPresent(where -> {
            sql.append(" WHERE ");
            visitExpression(where);
        });
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            for (int i = 0; i < select.groupBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                visitExpression(select.groupBy().get(i));
            }
        }
        select.having().ifPresent(having -> {
            sql.append(" HAVING ");
            visitExpression(having);
        });
        visitOrderBy(select.orderBy());
        visitLimitOffset(select.limit(), select.offset());
        qualifyColumns = outer;
    }

    protected void visitJoin(Statement.Join join) {
        switch (join.kind()) {
            case INNER: sql.append(" JOIN "); break;
            case LEFT: sql.append(" LEFT JOIN "); break;
            default:
                if (!dialect.supportsFullOuterJoin()) {
                    throw unsupported("FULL OUTER JOIN is", "combine a LEFT JOIN with the rows of the right table that match "
                            + "nothing (UNION ALL), or run it on a database that has it (PostgreSQL, SQLite)");
                }
                sql.append(" FULL JOIN ");
        }
        sql.append(dialect.quote(join.table()));
        if (join.alias() != null) {
            sql.append(' ').append(dialect.quote(join.alias()));
        }
        sql.append(" ON ");
        visitExpression(join.on());
    }

    protected void visitWith(Statement.With with) {
        if (!dialect.supportsCommonTableExpressions()) {
            throw unsupported("Common table expressions (WITH) are", "use a subquery instead");
        }
        sql.append("WITH ");
        for (int i = 0; i < with.tables().size(); i++) {
            Statement.CommonTable table = with.tables().get(i);
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(dialect.quote(table.name())).append(" (");
            for (int c = 0; c < table.columns().size(); c++) {
                if (c > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(table.columns().get(c)));
            }
            sql.append(") AS (");
            visitSelect(table.query());
            sql.append(") ");
        }
        if (with.body() instanceof Statement.Compound compound) {
            visitCompound(compound);
        } else {
            visitSelect((Statement.Select) with.body());
        }
    }

    /** {@code SELECT ... UNION [ALL] SELECT ...}: parts unparenthesised (SQLite refuses parentheses there). */
    protected void visitCompound(Statement.Compound compound) {
        for (int i = 0; i < compound.parts().size(); i++) {
            if (i > 0) {
                sql.append(compound.all().get(i - 1) ? " UNION ALL " : " UNION ");
            }
            visitSelect(compound.parts().get(i));
        }
        visitOrderBy(compound.orderBy());
        visitLimitOffset(compound.limit(), compound.offset());
    }

    /** {@code LIMIT ? OFFSET ?}, both bound; an offset alone goes through {@link #visitOffsetOnly}. */
    protected void visitLimitOffset(Optional<Integer> limit, Optional<Integer> offset) {
        if (limit.isEmpty()) {
            offset.ifPresent(this::visitOffsetOnly);
            return;
        }
        sql.append(" LIMIT ");
        bind(limit.get(), SqlType.INTEGER);
        offset.ifPresent(value -> {
            sql.append(" OFFSET ");
            bind(value, SqlType.INTEGER);
        });
    }

    /**
     * An offset without a limit: {@code OFFSET ?}, or {@code LIMIT <all> OFFSET ?} where the database
     * needs a limit before an offset ({@link #unlimited()} names "all rows" there).
     */
    protected void visitOffsetOnly(int offset) {
        unlimited().ifPresent(all -> sql.append(" LIMIT ").append(all));
        sql.append(" OFFSET ");
        bind(offset, SqlType.INTEGER);
    }

    /** The LIMIT that means "all rows", for databases that allow no OFFSET without a LIMIT. */
    protected Optional<String> unlimited() {
        return Optional.empty();
    }

    protected void visitInsert(Statement.Insert insert) {
        sql.append("INSERT INTO ").append(dialect.quote(insert.table()));
        if (insert.columns().isEmpty()) {
            // An entity whose only column is generated.
            sql.append(' ').append(defaultValuesClause());
        } else {
            sql.append(" (");
            appendNames(insert.columns());
            sql.append(") VALUES (");
            for (int i = 0; i < insert.values().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                visitExpression(insert.values().get(i));
            }
            sql.append(')');
        }
        if (!insert.returning().isEmpty()) {
            sql.append(" RETURNING ");
            appendNames(insert.returning());
        }
    }

    protected String defaultValuesClause() {
        return "DEFAULT VALUES";
    }

    protected void visitUpdate(Statement.Update update) {
        sql.append("UPDATE ").append(dialect.quote(update.table())).append(" SET ");
        for (int i = 0; i < update.columns().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(dialect.quote(update.columns().get(i))).append(" = ");
            visitExpression(update.values().get(i));
        }
        visitWhere(update.where());
    }

    protected void visitDelete(Statement.Delete delete) {
        sql.append("DELETE FROM ").append(dialect.quote(delete.table()));
        visitWhere(delete.where());
    }

    /** {@code WHERE condition}; nothing for a {@code null} condition (bulk statements over every row). */
    private void visitWhere(Expression condition) {
        if (condition != null) {
            sql.append(" WHERE ");
            visitExpression(condition);
        }
    }

    protected void visitNextValues(Statement.NextValues next) {
        sql.append("SELECT NEXT VALUE FOR ").append(dialect.quote(next.sequence()));
    }

    private void appendNames(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(dialect.quote(names.get(i)));
        }
    }

    // ---- DDL ----------------------------------------------------------------------------------------

    protected void visitCreateTable(Table table) {
        sql.append("CREATE TABLE ").append(dialect.quote(table.name())).append(" (");
        boolean first = true;
        for (Column column : table.columns()) {
            if (!first) {
                sql.append(", ");
            }
            first = false;
            sql.append(dialect.quote(column.name())).append(' ');
            renderColumnDefinition(table, column);
        }
        if (!primaryKeyInline(table)) {
            sql.append(", PRIMARY KEY (");
            appendNames(table.primaryKey());
            sql.append(')');
        }
        for (Column column : table.columns()) {
            if (column.unique() && !table.primaryKey().equals(List.of(column.name()))) {
                sql.append(", UNIQUE (").append(dialect.quote(column.name())).append(')');
            }
        }
        for (List<String> unique : table.uniqueConstraints()) {
            sql.append(", UNIQUE (");
            appendNames(unique);
            sql.append(')');
        }
        for (ForeignKey foreignKey : table.foreignKeys()) {
            sql.append(", ");
            renderForeignKey(foreignKey);
        }
        sql.append(')');
    }

    /** Compiles the statements that change an existing schema; false for any other statement. */
    private boolean compileSchemaChange(Statement statement) {
        if (statement instanceof Statement.AddColumn add) {
            alterTable(add.table()).append("ADD COLUMN ").append(dialect.quote(add.column().name())).append(' ');
            renderColumnDefinition(add.column());
        } else if (statement instanceof Statement.DropColumn drop) {
            alterTable(drop.table()).append("DROP COLUMN ").append(dialect.quote(drop.column()));
        } else if (statement instanceof Statement.AlterColumnType alter) {
            visitAlterColumn(alter.table(), alter.column(), true);
        } else if (statement instanceof Statement.AlterColumnNullability alter) {
            visitAlterColumn(alter.table(), alter.column(), false);
        } else if (statement instanceof Statement.RenameColumn rename) {
            alterTable(rename.table()).append("RENAME COLUMN ").append(dialect.quote(rename.from())).append(" TO ")
                    .append(dialect.quote(rename.to()));
        } else if (statement instanceof Statement.RenameTable rename) {
            alterTable(rename.from()).append("RENAME TO ").append(dialect.quote(rename.to()));
        } else if (statement instanceof Statement.DropIndex drop) {
            visitDropIndex(drop.table(), drop.index());
        } else if (statement instanceof Statement.AddUnique add) {
            alterTable(add.table()).append("ADD UNIQUE (");
            appendNames(add.columns());
            sql.append(')');
        } else if (statement instanceof Statement.DropUnique drop) {
            visitDropConstraint(drop.table(), drop.constraint(), false);
        } else if (statement instanceof Statement.AddForeignKey add) {
            alterTable(add.table()).append("ADD ");
            renderForeignKey(add.foreignKey());
        } else if (statement instanceof Statement.DropForeignKey drop) {
            visitDropConstraint(drop.table(), drop.constraint(), true);
        } else if (statement instanceof Statement.DeferForeignKeyChecks) {
            visitDeferForeignKeyChecks();
        } else if (statement instanceof Statement.InsertSelect insert) {
            sql.append("INSERT INTO ").append(dialect.quote(insert.table())).append(" (");
            appendNames(insert.columns());
            sql.append(") ");
            visitSelect(insert.query());
        } else {
            return false;
        }
        return true;
    }

    private StringBuilder alterTable(String table) {
        return sql.append("ALTER TABLE ").append(dialect.quote(table)).append(' ');
    }

    /**
     * The type ({@code ALTER COLUMN c SET DATA TYPE t}) or else the nullability ({@code ALTER COLUMN c SET/DROP
     * NOT NULL}) of an existing column, each keeping the column's other properties.
     */
    protected void visitAlterColumn(String table, Column column, boolean type) {
        alterTable(table).append("ALTER COLUMN ").append(dialect.quote(column.name()));
        if (type) {
            sql.append(" SET DATA TYPE ").append(typeName(column.type()));
        } else {
            sql.append(column.nullable() ? " DROP NOT NULL" : " SET NOT NULL");
        }
    }

    /** The standard statement, which defers the constraints declared DEFERRABLE. */
    protected void visitDeferForeignKeyChecks() {
        sql.append("SET CONSTRAINTS ALL DEFERRED");
    }

    protected void visitDropIndex(String table, String index) {
        sql.append("DROP INDEX ").append(dialect.quote(index));
    }

    /** Drops a unique or a foreign-key constraint by name: {@code ALTER TABLE t DROP CONSTRAINT name}. */
    protected void visitDropConstraint(String table, String constraint, boolean foreignKey) {
        alterTable(table).append("DROP CONSTRAINT ").append(dialect.quote(constraint));
    }

    /** The definition of a column outside a CREATE TABLE (no table key to fold it into). */
    protected final void renderColumnDefinition(Column column) {
        renderColumnDefinition(new Table("", List.of(column), List.of(), List.of(), List.of(), Optional.empty()), column);
    }

    private void renderForeignKey(ForeignKey foreignKey) {
        sql.append("FOREIGN KEY (");
        appendNames(foreignKey.columns());
        sql.append(") REFERENCES ").append(dialect.quote(foreignKey.referencedTable())).append(" (");
        appendNames(foreignKey.referencedColumns());
        sql.append(')');
    }

    /** Type, identity clause and nullability of one column. */
    protected void renderColumnDefinition(Table table, Column column) {
        sql.append(typeName(column.type()));
        if (column.generation() == Generation.IDENTITY) {
            sql.append(' ').append(identityClause());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
    }

    /** Whether the primary key was declared within a column definition (SQLite's rowid alias). */
    protected boolean primaryKeyInline(Table table) {
        return false;
    }

    protected String identityClause() {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    protected void visitCreateIndex(String table, Index index) {
        sql.append(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ").append(dialect.quote(index.name()))
                .append(" ON ").append(dialect.quote(table)).append(" (");
        appendNames(index.columns());
        sql.append(')');
    }

    /** The DDL name of a column type; dialects override the entries their database names differently. */
    protected String typeName(ColumnType type) {
        switch (type.type()) {
            case BOOLEAN: return "BOOLEAN";
            case TINYINT: return "TINYINT";
            case SMALLINT: return "SMALLINT";
            case INTEGER: return "INTEGER";
            case BIGINT: return "BIGINT";
            case REAL: return "REAL";
            case DOUBLE: return "DOUBLE PRECISION";
            case DECIMAL: return "DECIMAL(" + precision(type) + ", " + type.scale() + ")";
            case CHAR: return "CHAR(" + Math.max(type.length(), 1) + ")";
            case VARCHAR: return "VARCHAR(" + length(type) + ")";
            case DATE: return "DATE";
            // Microseconds, as PostgreSQL and MySQL keep; H2's plain TIME would drop every fraction.
            case TIME: return "TIME(6)";
            case TIMESTAMP: return "TIMESTAMP";
            case TIMESTAMP_WITH_TIME_ZONE: return "TIMESTAMP WITH TIME ZONE";
            case UUID: return "UUID";
            case BINARY: return "VARBINARY(" + (type.length() > 0 ? type.length() : 1_000_000) + ")";
            default: throw new IllegalArgumentException(type.type().name());
        }
    }

    protected static int length(ColumnType type) {
        return type.length() > 0 ? type.length() : 255;
    }

    protected static int precision(ColumnType type) {
        return type.precision() > 0 ? type.precision() : 38;
    }
}
