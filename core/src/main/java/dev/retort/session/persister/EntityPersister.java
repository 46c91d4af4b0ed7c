package dev.retort.session.persister;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.retort.dialect.ColumnBinder;
import dev.retort.dialect.ColumnReader;
import dev.retort.dialect.Dialect;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.mapping.IdGeneration;
import dev.retort.mapping.RelationshipModel;
import dev.retort.sql.Column;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * One entity's mapping joined to one dialect: the statements it needs, compiled once (updates once per
 * set of changed columns), and the binders and readers for its columns. Shared by every session of a
 * factory; thread-safe.
 * <p>
 * Rows travel as {@code Object[]} indexed like {@link EntityModel#attributes()}, holding stored values
 * (enums already converted); slot {@code attributes.size()} carries the expected old version.
 */
public final class EntityPersister {
    private final EntityModel model;
    private final Dialect dialect;
    private final AttributeModel[] attributes;
    private final ColumnBinder[] slotBinders;
    private final SqlType[] types;
    private final ColumnReader[] readers;
    private final int versionIndex;
    private final IdGeneration idGeneration;
    private final boolean hasArrays;
    private final CompiledStatement insertWithId;
    private final CompiledStatement insertGeneratingId;
    private final boolean insertReturnsKey;
    private final CompiledStatement selectById;
    private final CompiledStatement deleteById;
    private final CompiledStatement nextSequenceValue;
    private final List<Expression> allColumns;
    private final ConcurrentHashMap<BitSet, CompiledStatement> updates = new ConcurrentHashMap<>();
    private final SequenceBlock sequenceBlock;
    /** The relationship of each attribute that is a to-one foreign key, else null. */
    private final RelationshipModel[] referenceOf;
    private final int[] references;
    /** The to-many relationships and inverse to-one ones: the attributes that hold objects but no column. */
    private final List<RelationshipModel> collections;
    private final List<RelationshipModel> inverseToOne;
    private final Hierarchy hierarchy;
    /** The attributes stored in the table the persister's own statements write (all but a JOINED subclass's own). */
    private final BitSet primary;
    private final JoinedWrites joined;

    public EntityPersister(EntityModel model, Dialect dialect) {
        this(model, dialect, null);
    }

    /** A persister for an entity of {@code hierarchy}, or of none when it is {@code null}. */
    public EntityPersister(EntityModel model, Dialect dialect, Hierarchy hierarchy) {
        this.model = model;
        this.dialect = dialect;
        this.hierarchy = hierarchy;
        this.attributes = model.attributes().toArray(new AttributeModel[0]);
        int count = attributes.length;
        this.types = new SqlType[count + 1];
        this.slotBinders = new ColumnBinder[count + 1];
        this.readers = new ColumnReader[count];
        boolean arrays = false;
        for (int i = 0; i < count; i++) {
            AttributeModel attribute = attributes[i];
            types[i] = attribute.column().type().type();
            slotBinders[i] = dialect.binder(attribute.storedType(), types[i]);
            readers[i] = dialect.reader(attribute.storedType(), types[i], attribute.column().type().scale());
            arrays |= attribute.javaType() == byte[].class;
        }
        this.hasArrays = arrays;
        this.referenceOf = new RelationshipModel[count];
        List<Integer> referenceIndexes = new ArrayList<>();
        for (RelationshipModel relationship : model.relationships()) {
            if (relationship.joinColumn() != null) {
                int index = model.attributes().indexOf(relationship.joinColumn());
                referenceOf[index] = relationship;
                referenceIndexes.add(index);
            }
        }
        this.references = referenceIndexes.stream().mapToInt(Integer::intValue).toArray();
        this.collections = model.relationships().stream().filter(RelationshipModel::toMany).toList();
        this.inverseToOne = model.relationships().stream().filter(relationship -> !relationship.toMany() && !relationship.owning()).toList();
        this.versionIndex = model.version().map(model.attributes()::indexOf).orElse(-1);
        if (versionIndex >= 0) {
            types[count] = types[versionIndex];
            slotBinders[count] = slotBinders[versionIndex];
        }
        IdGeneration generation = model.idGeneration();
        this.idGeneration = generation == IdGeneration.SEQUENCE && !dialect.supportsSequences() ? IdGeneration.IDENTITY : generation;
        HierarchyChecks.requireUniqueIds(model, hierarchy, dialect, idGeneration);
        String table = HierarchyChecks.primaryTable(model);
        this.primary = new BitSet(count);
        for (int i = 0; i < count; i++) {
            primary.set(i, model.tableOf(attributes[i]).equals(table));
        }
        this.joined = primary.cardinality() < count ? new JoinedWrites(model, dialect, attributes, types) : null;

        this.allColumns = new ArrayList<>();
        for (AttributeModel attribute : attributes) {
            allColumns.add(new Expression.ColumnRef(attribute.column().name()));
        }
        this.insertWithId = dialect.compile(insert(0));
        // Where keys cannot come back per batch but RETURNING exists (SQLite), the insert asks for the key itself.
        this.insertReturnsKey = idGeneration == IdGeneration.IDENTITY && dialect.supportsReturning()
                && !dialect.supportsBatchGeneratedKeys();
        this.insertGeneratingId = idGeneration == IdGeneration.IDENTITY ? dialect.compile(insert(1)) : null;
        this.selectById = dialect.compile(new Statement.Select(table, allColumns, Optional.of(idMatches()), List.of(),
                Optional.empty(), Optional.empty()));
        this.deleteById = dialect.compile(new Statement.Delete(table, versionIndex >= 0
                ? new Expression.And(List.of(idMatches(), versionMatches())) : idMatches()));
        this.nextSequenceValue = idGeneration == IdGeneration.SEQUENCE
                ? dialect.compile(new Statement.NextValues(model.table().sequence().orElseThrow().name(), 1)) : null;
        this.sequenceBlock = idGeneration == IdGeneration.SEQUENCE
                ? new SequenceBlock(model.table().sequence().orElseThrow().increment()) : null;
    }

    private Statement.Insert insert(int from) {
        List<String> columns = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (int i = from; i < attributes.length; i++) {
            if (primary.get(i)) {
                columns.add(attributes[i].column().name());
                values.add(new Expression.Slot(i, types[i]));
            }
        }
        if (hierarchy != null && hierarchy.discriminator().isPresent()) {
            Column discriminator = hierarchy.discriminator().get();
            columns.add(discriminator.name());
            values.add(new Expression.Value(hierarchy.discriminatorValue(model.javaType()), discriminator.type().type()));
        }
        return new Statement.Insert(HierarchyChecks.primaryTable(model), columns, values,
                from == 1 && insertReturnsKey ? List.of(attributes[0].column().name()) : List.of());
    }

    private Expression idMatches() {
        return Expression.eq(new Expression.ColumnRef(attributes[0].column().name()), new Expression.Slot(0, types[0]));
    }

    private Expression versionMatches() {
        return Expression.eq(new Expression.ColumnRef(attributes[versionIndex].column().name()),
                new Expression.Slot(attributes.length, types[versionIndex]));
    }

    public EntityModel model() {
        return model;
    }

    /** Indexes of the attributes that are foreign keys of to-one relationships. */
    public int[] references() {
        return references;
    }

    /** The relationship whose foreign key attribute {@code index} is. */
    public RelationshipModel referenceOf(int index) {
        return referenceOf[index];
    }

    /** The attribute index of a to-one owning relationship's foreign key. */
    public int indexOf(RelationshipModel relationship) {
        for (int index : references) {
            if (referenceOf[index] == relationship) {
                return index;
            }
        }
        throw new IllegalArgumentException(relationship + " is not a foreign key of " + model.entityName());
    }

    /** The to-many relationships, in declaration order (their index is the slot of the entry's collection snapshots). */
    public List<RelationshipModel> collections() {
        return collections;
    }

    /** The inverse sides of one-to-one relationships (no column here; the other table has the key). */
    public List<RelationshipModel> inverseToOne() {
        return inverseToOne;
    }

    public Class<?> entityType() {
        return model.javaType();
    }

    public String entityName() {
        return model.entityName();
    }

    /** The id strategy in effect on this dialect (SEQUENCE becomes IDENTITY where sequences don't exist). */
    public IdGeneration idGeneration() {
        return idGeneration;
    }

    public int attributeCount() {
        return attributes.length;
    }

    public AttributeModel attribute(int index) {
        return attributes[index];
    }

    public int versionIndex() {
        return versionIndex;
    }

    public SqlType type(int index) {
        return types[index];
    }

    List<Expression> allColumns() {
        return allColumns;
    }

    public CompiledStatement insertWithId() {
        return insertWithId;
    }

    public CompiledStatement insertGeneratingId() {
        return insertGeneratingId;
    }

    /** Whether {@link #insertGeneratingId()} ends in RETURNING the key (run as a query, one row at a time). */
    public boolean insertReturnsKey() {
        return insertReturnsKey;
    }

    public CompiledStatement selectById() {
        return selectById;
    }

    CompiledStatement deleteById() {
        return deleteById;
    }

    public CompiledStatement nextSequenceValue() {
        return nextSequenceValue;
    }

    public SequenceBlock sequenceBlock() {
        return sequenceBlock;
    }

    /** {@code UPDATE ... SET <changed columns>[, version] WHERE id = ? [AND version = ?]}, compiled once per column set. */
    CompiledStatement update(BitSet changed) {
        return updates.computeIfAbsent(changed, key -> {
            List<String> columns = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            for (int i = key.nextSetBit(0); i >= 0; i = key.nextSetBit(i + 1)) {
                if (i != versionIndex && primary.get(i)) {
                    columns.add(attributes[i].column().name());
                    values.add(new Expression.Slot(i, types[i]));
                }
            }
            Expression where = idMatches();
            if (versionIndex >= 0) {
                columns.add(attributes[versionIndex].column().name());
                values.add(new Expression.Slot(versionIndex, types[versionIndex]));
                where = new Expression.And(List.of(where, versionMatches()));
            }
            return dialect.compile(new Statement.Update(HierarchyChecks.primaryTable(model), columns, values, where));
        });
    }

    /** The UPDATEs for a set of changed attributes: of the root table (if it stores one, or the version), then of JOINED subclass tables. */
    public List<CompiledStatement> updates(BitSet changed) {
        if (joined == null) {
            return List.of(update(changed));
        }
        BitSet own = (BitSet) changed.clone();
        own.and(primary);
        List<CompiledStatement> statements = new ArrayList<>();
        if (!own.isEmpty() || versionIndex >= 0) {
            statements.add(update(own));
        }
        statements.addAll(joined.updates(changed));
        return statements;
    }

    /** The DELETEs of one row: JOINED subclass tables first, the root table's (with the version check) last. */
    public List<CompiledStatement> deletes() {
        if (joined == null) {
            return List.of(deleteById);
        }
        List<CompiledStatement> statements = new ArrayList<>(joined.deletes());
        statements.add(deleteById);
        return statements;
    }

    /** The INSERTs into JOINED subclass tables, parents first, after the root table's insert; empty otherwise. */
    public List<CompiledStatement> joinedInserts() {
        return joined == null ? List.of() : joined.inserts();
    }

    /** The hierarchy the entity belongs to, or {@code null}. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The class the identity map keys this entity's instances by: the hierarchy's root, so that one row is one instance. */
    public Class<?> keyType() {
        return hierarchy == null ? model.javaType() : hierarchy.root().javaType();
    }

    /** Reads attribute {@code i} from result column {@code columns[i]} (1-based) as field values. */
    public Object[] readRow(ResultSet resultSet, int[] columns) throws SQLException {
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes[i].fromStored(readers[i].read(resultSet, columns[i]));
        }
        return values;
    }

    // ---- row I/O ------------------------------------------------------------------------------------

    /** The entity's field values, in attribute order. */
    public Object[] read(Object entity) {
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes[i].get(entity);
        }
        return values;
    }

    /**
     * The first field from {@code from} on whose value differs from {@code snapshot}'s, or -1: the dirty
     * check of flushes and streams, compared in place so that an unchanged object allocates nothing.
     */
    public int nextChanged(Object instance, Object[] snapshot, int from) {
        return model.fields().nextChanged(instance, snapshot, from);
    }

    /** A snapshot of field values: arrays copied so that changes made in place are noticed. */
    public Object[] snapshotOf(Object[] values) {
        if (!hasArrays) {
            return values;
        }
        Object[] snapshot = values.clone();
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = attributes[i].snapshotOf(snapshot[i]);
        }
        return snapshot;
    }

    /** Sets every field to its value in {@code values} (field values, indexed like the attributes). */
    public void write(Object entity, Object[] values) {
        model.fields().write(entity, values);
    }

    /**
     * Writes a row into an expired object: a field the code changed since {@code snapshot} keeps the
     * code's value, every other field takes the row's.
     */
    public void refill(Object entity, Object[] snapshot, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!attributes[i].differs(attributes[i].get(entity), snapshot[i])) {
                attributes[i].set(entity, values[i]);
            }
        }
    }

    /** Field values to stored values; {@code expectedVersion} fills the version-check slot. */
    public Object[] toStored(Object[] values, Object expectedVersion) {
        Object[] row = new Object[attributes.length + 1];
        for (int i = 0; i < attributes.length; i++) {
            row[i] = attributes[i].toStored(values[i]);
        }
        row[attributes.length] = expectedVersion;
        return row;
    }

    /** Reads one entity's columns, starting at column {@code offset + 1}, as field values. */
    public Object[] readRow(ResultSet resultSet, int offset) throws SQLException {
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = attributes[i].fromStored(readers[i].read(resultSet, offset + i + 1));
        }
        return values;
    }

    public Object readId(ResultSet keys, int column) throws SQLException {
        return attributes[0].fromStored(readers[0].read(keys, column));
    }

    /** Binds every parameter of a compiled statement: slots from {@code row}, values as they are. */
    public void bind(PreparedStatement statement, CompiledStatement compiled, Object[] row) throws SQLException {
        List<Expression> parameters = compiled.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Expression parameter = parameters.get(i);
            if (parameter instanceof Expression.Slot slot) {
                Object value = row[slot.slot()];
                if (value == null) {
                    dialect.bindNull(statement, i + 1, slot.type());
                } else {
                    slotBinders[slot.slot()].bind(statement, i + 1, value);
                }
            } else {
                Expression.Value value = (Expression.Value) parameter;
                bindValue(dialect, statement, i + 1, value);
            }
        }
    }

    public static void bindValue(Dialect dialect, PreparedStatement statement, int index, Expression.Value value) throws SQLException {
        if (value.value() == null) {
            dialect.bindNull(statement, index, value.type());
        } else {
            dialect.binder(value.value().getClass(), value.type()).bind(statement, index, value.value());
        }
    }

    /** Ids handed out from one sequence value at a time, {@code increment} ids per value (pooled-lo). */
    public static final class SequenceBlock {
        private final int increment;
        private long next;
        private long limit;

        SequenceBlock(int increment) {
            this.increment = increment;
        }

        /** The next id, or {@code null} when the block is used up and a new sequence value is needed. */
        public synchronized Long take() {
            return next < limit ? next++ : null;
        }

        public synchronized void refill(long sequenceValue) {
            next = sequenceValue;
            limit = sequenceValue + increment;
        }
    }
}
