package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.mapping.EntityMappings;
import dev.retort.sql.ColumnType;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.Expression.And;
import dev.retort.sql.Expression.ColumnRef;
import dev.retort.sql.Expression.Comparison;
import dev.retort.sql.Expression.IsNull;
import dev.retort.sql.Expression.Operator;
import dev.retort.sql.Expression.Slot;
import dev.retort.sql.Expression.Value;
import dev.retort.sql.Generation;
import dev.retort.sql.Index;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Sequence;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Compile-only tests shared by the four dialects: each subclass names its dialect and gives the exact SQL
 * it must produce where dialects differ; statements that read the same everywhere are asserted here once
 * and still run against every dialect. No database is involved.
 */
public abstract class DialectCompilerContract extends QueryCompilerContract {

    /** The name passed to {@link Dialects#byName}. */
    protected abstract String dialectName();

    /** {@link #USERS}: identity key, varchar with length, NOT NULL, a unique column, a decimal. */
    protected abstract String createUsersTable();

    /** {@link #PEOPLE}: an assigned key and a unique constraint over two columns. */
    protected abstract String createPeopleTable();

    /** The DDL name of each {@link SqlType} with its default sizes. */
    protected abstract Map<SqlType, String> typeNames();

    /** DDL names of sized types: VARCHAR(40), CHAR(3), DECIMAL(10, 4), BINARY(16), in that order. */
    protected abstract List<String> sizedTypeNames();

    /** CREATE, DROP and next value of sequence {@code users_seq}; empty where the database has no sequences. */
    protected abstract List<String> sequenceStatements();

    /** {@code SELECT id FROM users} with limit 10, with offset 20, and with both. */
    protected abstract List<String> limitOffsetSelects();

    /** An insert into a table whose only column is generated. */
    protected abstract String insertDefaultValues();

    /** {@link #quotingSelect()} compiled. */
    protected abstract String quotedSelect();

    /** {@link #quotingInsert()} compiled. */
    protected abstract String quotedInsert();

    /** How {@link Dialect#quote} renders each identifier. */
    protected abstract Map<String, String> quotedIdentifiers();

    /** The DDL (sequence, table, indexes) of the mapped entity {@link Account}. */
    protected abstract List<String> accountDdl();

    /** The DDL (sequence, table, indexes) of the mapped entity {@link Invoice}. */
    protected abstract List<String> invoiceDdl();

    // ---- fixtures -----------------------------------------------------------------------------------

    protected static final Table USERS = new Table("users", List.of(
            new dev.retort.sql.Column("id", ColumnType.of(SqlType.BIGINT), false, false, Generation.IDENTITY),
            new dev.retort.sql.Column("name", new ColumnType(SqlType.VARCHAR, 100, 0, 0), false, false, Generation.NONE),
            new dev.retort.sql.Column("email", new ColumnType(SqlType.VARCHAR, 255, 0, 0), true, true, Generation.NONE),
            new dev.retort.sql.Column("balance", new ColumnType(SqlType.DECIMAL, 0, 12, 2), true, false, Generation.NONE)),
            List.of("id"), List.of(), List.of(), Optional.empty());

    protected static final Table PEOPLE = new Table("people", List.of(
            new dev.retort.sql.Column("id", ColumnType.of(SqlType.BIGINT), false, false, Generation.NONE),
            new dev.retort.sql.Column("first_name", new ColumnType(SqlType.VARCHAR, 50, 0, 0), false, false, Generation.NONE),
            new dev.retort.sql.Column("last_name", new ColumnType(SqlType.VARCHAR, 50, 0, 0), false, false, Generation.NONE)),
            List.of("id"), List.of(List.of("first_name", "last_name")), List.of(), Optional.empty());

    /** Reserved words and mixed case: table {@code order}, columns {@code select}, {@code user}, {@code firstName}. */
    protected static Statement quotingSelect() {
        return new Statement.Select("order", List.of(column("id"), column("select"), column("firstName")),
                Optional.of(new And(List.of(Expression.eq(column("user"), value("alice", SqlType.VARCHAR)),
                        new IsNull(column("UserAccount"), true)))),
                List.of(new OrderItem(column("firstName"), true)), Optional.empty(), Optional.empty());
    }

    protected static Statement quotingInsert() {
        return new Statement.Insert("user", List.of("select", "firstName", "name"),
                List.of(new Slot(0, SqlType.VARCHAR), new Slot(1, SqlType.VARCHAR), new Slot(2, SqlType.VARCHAR)), List.of());
    }

    public enum Status { ACTIVE, CLOSED }

    /** A realistic entity with a reserved table name, indexes, a composite unique constraint and a version. */
    @Entity
    @jakarta.persistence.Table(name = "user",
            indexes = {@jakarta.persistence.Index(columnList = "last_name, first_name"),
                       @jakarta.persistence.Index(name = "ux_user_email", columnList = "email", unique = true)},
            uniqueConstraints = @UniqueConstraint(columnNames = {"first_name", "last_name"}))
    public static class Account {
        @Id @GeneratedValue Long id;
        @Column(length = 50, nullable = false) String firstName;
        String lastName;
        @Column(unique = true) String email;
        @Column(precision = 10, scale = 2) BigDecimal balance;
        @Enumerated(EnumType.STRING) Status status;
        @Version int version;
    }

    /** An entity whose key comes from a named sequence. */
    @Entity
    public static class Invoice {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        @SequenceGenerator(name = "invoices", sequenceName = "invoice_numbers", initialValue = 1000, allocationSize = 20)
        long number;
        LocalDate issued;
        Status status;
    }

    // ---- tests --------------------------------------------------------------------------------------

    protected final Dialect dialect() {
        return Dialects.byName(dialectName()).orElseThrow();
    }

    private CompiledStatement compile(Statement statement) {
        return dialect().compile(statement);
    }

    @Test
    void createTableWithIdentityKeyLengthsNotNullUniqueAndDecimal() {
        assertThat(compile(new Statement.CreateTable(USERS)).sql()).isEqualTo(createUsersTable());
        assertThat(compile(new Statement.CreateTable(USERS)).parameters()).isEmpty();
    }

    @Test
    void createTableWithCompositeUniqueConstraint() {
        assertThat(compile(new Statement.CreateTable(PEOPLE)).sql()).isEqualTo(createPeopleTable());
    }

    @ParameterizedTest
    @EnumSource(SqlType.class)
    void typeNameOfEverySqlType(SqlType type) {
        Table table = new Table("types", List.of(
                new dev.retort.sql.Column("id", ColumnType.of(SqlType.BIGINT), false, false, Generation.NONE),
                new dev.retort.sql.Column("v", ColumnType.of(type), true, false, Generation.NONE)),
                List.of("id"), List.of(), List.of(), Optional.empty());

        assertThat(compile(new Statement.CreateTable(table)).sql()).isEqualTo("CREATE TABLE types (id "
                + typeNames().get(SqlType.BIGINT) + " NOT NULL, v " + typeNames().get(type) + ", PRIMARY KEY (id))");
    }

    @Test
    void typeNamesCoverEverySqlType() {
        assertThat(typeNames()).containsOnlyKeys(SqlType.values());
    }

    @Test
    void typeNamesWithSizes() {
        List<ColumnType> sized = List.of(new ColumnType(SqlType.VARCHAR, 40, 0, 0), new ColumnType(SqlType.CHAR, 3, 0, 0),
                new ColumnType(SqlType.DECIMAL, 0, 10, 4), new ColumnType(SqlType.BINARY, 16, 0, 0));
        List<dev.retort.sql.Column> columns = new ArrayList<>();
        columns.add(new dev.retort.sql.Column("id", ColumnType.of(SqlType.BIGINT), false, false, Generation.NONE));
        for (int i = 0; i < sized.size(); i++) {
            columns.add(new dev.retort.sql.Column("c" + i, sized.get(i), true, false, Generation.NONE));
        }
        Table table = new Table("sized", columns, List.of("id"), List.of(), List.of(), Optional.empty());

        assertThat(compile(new Statement.CreateTable(table)).sql()).isEqualTo("CREATE TABLE sized (id "
                + typeNames().get(SqlType.BIGINT) + " NOT NULL, c0 " + sizedTypeNames().get(0) + ", c1 "
                + sizedTypeNames().get(1) + ", c2 " + sizedTypeNames().get(2) + ", c3 " + sizedTypeNames().get(3)
                + ", PRIMARY KEY (id))");
    }

    @Test
    void createIndexAndUniqueIndex() {
        assertThat(compile(new Statement.CreateIndex("people", new Index("ix_people_last_name", List.of("last_name"), false))).sql())
                .isEqualTo("CREATE INDEX ix_people_last_name ON people (last_name)");
        assertThat(compile(new Statement.CreateIndex("people",
                new Index("ux_people_name", List.of("last_name", "first_name"), true))).sql())
                .isEqualTo("CREATE UNIQUE INDEX ux_people_name ON people (last_name, first_name)");
    }

    @Test
    void sequences() {
        if (sequenceStatements().isEmpty()) {
            assertThat(dialect().supportsSequences()).isFalse();
            return;
        }
        assertThat(dialect().supportsSequences()).isTrue();
        assertThat(List.of(
                compile(new Statement.CreateSequence(new Sequence("users_seq", 1, 50))).sql(),
                compile(new Statement.DropSequence("users_seq")).sql(),
                compile(new Statement.NextValues("users_seq", 1)).sql()))
                .containsExactlyElementsOf(sequenceStatements());
    }

    @Test
    void dropTable() {
        assertThat(compile(new Statement.DropTable("users")).sql()).isEqualTo("DROP TABLE IF EXISTS users");
    }

    @Test
    void selectWithWhereAndOrderBy() {
        Statement select = new Statement.Select("users", List.of(column("id"), column("name")),
                Optional.of(new And(List.of(
                        Expression.eq(column("name"), value("Alice", SqlType.VARCHAR)),
                        new Comparison(column("age"), Operator.GE, value(18, SqlType.INTEGER)),
                        new IsNull(column("email"), false),
                        new IsNull(column("balance"), true)))),
                List.of(new OrderItem(column("name"), false), new OrderItem(column("id"), true)),
                Optional.empty(), Optional.empty());

        CompiledStatement compiled = compile(select);

        assertThat(compiled.sql()).isEqualTo("SELECT id, name FROM users WHERE name = ? AND age >= ? AND email IS NULL "
                + "AND balance IS NOT NULL ORDER BY name, id DESC");
        assertThat(compiled.parameters()).containsExactly(value("Alice", SqlType.VARCHAR), value(18, SqlType.INTEGER));
    }

    @Test
    void nestedAndIsParenthesised() {
        Statement select = new Statement.Select("users", List.of(column("id")),
                Optional.of(new And(List.of(Expression.eq(column("id"), new Slot(0, SqlType.BIGINT)),
                        new And(List.of(Expression.eq(column("name"), value("Bob", SqlType.VARCHAR)),
                                new Comparison(column("age"), Operator.NE, value(3, SqlType.INTEGER))))))),
                List.of(), Optional.empty(), Optional.empty());

        CompiledStatement compiled = compile(select);

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM users WHERE id = ? AND (name = ? AND age <> ?)");
        assertThat(compiled.parameters()).containsExactly(new Slot(0, SqlType.BIGINT), value("Bob", SqlType.VARCHAR),
                value(3, SqlType.INTEGER));
    }

    @Test
    void countAll() {
        Statement count = new Statement.Select("users", List.of(new Expression.CountAll()),
                Optional.of(new Comparison(column("age"), Operator.GT, value(30, SqlType.INTEGER))), List.of(),
                Optional.empty(), Optional.empty());

        assertThat(compile(count).sql()).isEqualTo("SELECT COUNT(*) FROM users WHERE age > ?");
    }

    @Test
    void limitOnlyOffsetOnlyAndBoth() {
        CompiledStatement limit = compile(select(Optional.of(10), Optional.empty()));
        CompiledStatement offset = compile(select(Optional.empty(), Optional.of(20)));
        CompiledStatement both = compile(select(Optional.of(10), Optional.of(20)));

        assertThat(List.of(limit.sql(), offset.sql(), both.sql())).containsExactlyElementsOf(limitOffsetSelects());
        assertThat(limit.parameters()).containsExactly(value(10, SqlType.INTEGER));
        assertThat(offset.parameters()).containsExactly(value(20, SqlType.INTEGER));
        assertThat(both.parameters()).containsExactly(value(10, SqlType.INTEGER), value(20, SqlType.INTEGER));
    }

    @Test
    void insert() {
        CompiledStatement compiled = compile(new Statement.Insert("users", List.of("name", "email", "balance"),
                List.of(new Slot(1, SqlType.VARCHAR), new Slot(2, SqlType.VARCHAR), new Slot(3, SqlType.DECIMAL)),
                List.of()));

        assertThat(compiled.sql()).isEqualTo("INSERT INTO users (name, email, balance) VALUES (?, ?, ?)");
        assertThat(compiled.parameters()).containsExactly(new Slot(1, SqlType.VARCHAR), new Slot(2, SqlType.VARCHAR),
                new Slot(3, SqlType.DECIMAL));
    }

    /** The ORM asks for RETURNING only where the dialect supports it and batches cannot return keys. */
    @Test
    void insertReturningTheKey() {
        CompiledStatement compiled = compile(new Statement.Insert("users", List.of("name"),
                List.of(new Slot(1, SqlType.VARCHAR)), List.of("id")));

        assertThat(compiled.sql()).isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id");
    }

    @Test
    void insertOfGeneratedColumnOnly() {
        CompiledStatement compiled = compile(new Statement.Insert("counters", List.of(), List.of(), List.of()));

        assertThat(compiled.sql()).isEqualTo(insertDefaultValues());
        assertThat(compiled.parameters()).isEmpty();
    }

    @Test
    void update() {
        CompiledStatement compiled = compile(new Statement.Update("users", List.of("name", "version"),
                List.of(new Slot(1, SqlType.VARCHAR), new Slot(2, SqlType.INTEGER)),
                new And(List.of(Expression.eq(column("id"), new Slot(0, SqlType.BIGINT)),
                        Expression.eq(column("version"), new Slot(3, SqlType.INTEGER))))));

        assertThat(compiled.sql()).isEqualTo("UPDATE users SET name = ?, version = ? WHERE id = ? AND version = ?");
        assertThat(compiled.parameters()).containsExactly(new Slot(1, SqlType.VARCHAR), new Slot(2, SqlType.INTEGER),
                new Slot(0, SqlType.BIGINT), new Slot(3, SqlType.INTEGER));
    }

    @Test
    void delete() {
        CompiledStatement compiled = compile(new Statement.Delete("users", Expression.eq(column("id"), new Slot(0, SqlType.BIGINT))));

        assertThat(compiled.sql()).isEqualTo("DELETE FROM users WHERE id = ?");
        assertThat(compiled.parameters()).containsExactly(new Slot(0, SqlType.BIGINT));
    }

    @Test
    void reservedWordsAndMixedCaseAreQuoted() {
        CompiledStatement select = compile(quotingSelect());

        assertThat(select.sql()).isEqualTo(quotedSelect());
        assertThat(select.parameters()).containsExactly(value("alice", SqlType.VARCHAR));
        assertThat(compile(quotingInsert()).sql()).isEqualTo(quotedInsert());
    }

    @Test
    void quoteIdentifiers() {
        Map<String, String> expected = quotedIdentifiers();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            assertThat(dialect().quote(entry.getKey())).as("quote(%s)", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void mappedEntityWithIndexesAndUniqueConstraint() {
        assertThat(ddl(EntityMappings.of(Account.class).table())).containsExactlyElementsOf(accountDdl());
    }

    @Test
    void mappedEntityWithSequence() {
        assertThat(ddl(EntityMappings.of(Invoice.class).table())).containsExactlyElementsOf(invoiceDdl());
    }

    @Test
    void nameMatchesTheDialect() {
        assertThat(dialect().name()).isEqualTo(dialectName());
    }

    /** The statements schema creation issues for a table, in order (as SchemaTool does). */
    private List<String> ddl(Table table) {
        List<String> sql = new ArrayList<>();
        if (dialect().supportsSequences()) {
            table.sequence().ifPresent(sequence -> sql.add(compile(new Statement.CreateSequence(sequence)).sql()));
        }
        sql.add(compile(new Statement.CreateTable(table)).sql());
        for (Index index : table.indexes()) {
            sql.add(compile(new Statement.CreateIndex(table.name(), index)).sql());
        }
        return sql;
    }

    private static Statement select(Optional<Integer> limit, Optional<Integer> offset) {
        return new Statement.Select("users", List.of(column("id")), Optional.empty(), List.of(), limit, offset);
    }

    private static ColumnRef column(String name) {
        return new ColumnRef(name);
    }

    private static Value value(Object value, SqlType type) {
        return new Value(value, type);
    }
}
