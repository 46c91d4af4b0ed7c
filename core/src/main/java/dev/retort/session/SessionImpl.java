package dev.retort.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.retort.DatabaseException;
import dev.retort.DatabaseUnavailableException;
import dev.retort.DeleteQuery;
import dev.retort.DetachedInstanceException;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Isolation;
import dev.retort.MappingException;
import dev.retort.PendingRollbackException;
import dev.retort.Query;
import dev.retort.RetortException;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.SqlQuery;
import dev.retort.StaleObjectException;
import dev.retort.Statistics;
import dev.retort.Transaction;
import dev.retort.TransactionConflictException;
import dev.retort.UpdateQuery;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.IdGeneration;
import dev.retort.session.flush.Flush;
import dev.retort.session.load.Loader;
import dev.retort.session.load.StreamBatch;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.session.query.BulkStatement;
import dev.retort.session.query.QueryImpl;
import dev.retort.session.query.SelectQueryImpl;
import dev.retort.session.query.SqlQueryImpl;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.EntityKey;
import dev.retort.session.state.Frame;
import dev.retort.session.state.LazyProxies;
import dev.retort.session.state.PersistenceContext;

/**
 * The {@link Session} implementation: the session's objects ({@link PersistenceContext}) and the stack of
 * transaction frames. Writing is delegated to {@link Flush}, reading to {@link Loader}. Not thread-safe.
 */
public final class SessionImpl implements JoinedSession {
    private final SessionContext context;
    private final Isolation isolation;
    private final TransactionMode mode;
    /** The session's objects and their states: the one owner of entries, identity map and pending list. */
    private final PersistenceContext objects = new PersistenceContext();
    private final TransactionStack transactions;
    /** This session's statistics; added to the factory's when it closes. */
    private final Counters counters = new Counters();
    private final Loader loader;
    private boolean closed;
    /** A flush is running: a flush asked for meanwhile (an autoflush of a load it causes) does nothing. */
    private boolean flushing;
    private RetortException pendingRollback;
    /** The running query's statement timeout in seconds, or -1 for the engine's. */
    private int statementTimeout = -1;
    private static final System.Logger LAZY_LOADS = System.getLogger("dev.retort.loading");
    /** Lazy loads per relationship, for the N+1 guard. */
    private final Map<dev.retort.mapping.RelationshipModel, Integer> lazyLoads = new HashMap<>();
    /** The batch of the stream loading rows right now, which records the objects it brings in; else null. */
    private StreamBatch loadingBatch;
    /** Asked before every write to the database (a sharded session's check that one unit of work stays on one shard). */
    private WriteGuard writeGuard = WriteGuard.NONE;

    /** A session that runs its own (local JDBC) transactions. */
    public SessionImpl(SessionContext context, Isolation isolation) {
        this(context, isolation, TransactionMode.local());
    }

    /** A session whose transactions are run as {@code mode} says (local, joined to JTA, or read-only). */
    public SessionImpl(SessionContext context, Isolation isolation, TransactionMode mode) {
        this.context = context;
        this.isolation = isolation;
        this.mode = mode;
        this.transactions = new TransactionStack(context, isolation, mode);
        this.loader = new Loader(this, context);
    }

    /** This session's objects, their entries and the identity map; the session is its one owner. */
    public PersistenceContext persistenceContext() {
        return objects;
    }

    /** The statement and entity counts behind {@link #statistics()}. */
    public Counters counters() {
        return counters;
    }

    public TransactionMode mode() {
        return mode;
    }

    @Override
    public void guardWrites(WriteGuard guard) {
        this.writeGuard = java.util.Objects.requireNonNull(guard, "guard");
    }

    /**
     * About to write to the database ({@code action}, for messages): refused by the write guard, then in read-only
     * modes (a container's guard words the refusal for its own read-only marker).
     */
    public void beforeWriting(String action) {
        writeGuard.beforeWrite(action);
        mode.requireWritable(action);
    }

    /** Seconds after which the session's statements are cancelled: the running query's timeout, else the engine's; 0 for none. */
    int statementTimeoutSeconds() {
        return statementTimeout >= 0 ? statementTimeout : context.engine().statementTimeoutSeconds();
    }

    /** Runs {@code work} (one query) with its own statement timeout in whole seconds ({@code null}: the engine's). */
    public <R> R withStatementTimeout(Integer seconds, java.util.function.Supplier<R> work) {
        if (seconds == null) {
            return work.get();
        }
        int previous = statementTimeout;
        statementTimeout = seconds;
        try {
            return work.get();
        } finally {
            statementTimeout = previous;
        }
    }

    public SessionContext context() {
        return context;
    }

    // ---- state --------------------------------------------------------------------------------------

    @Override
    public void add(Object entity) {
        checkUsable();
        mode.requireWritable("add " + typeName(entity));
        addChecked(entity, true);
    }

    /**
     * An object not in this session whose id the database generates, and which has one already, was saved
     * or loaded by another session: adding it would insert it again (IDENTITY) or collide with its own row.
     */
    private static void refuseDetached(Object entity, EntityPersister persister) {
        if (persister.idGeneration() != IdGeneration.IDENTITY && persister.idGeneration() != IdGeneration.SEQUENCE) {
            return;
        }
        AttributeModel id = persister.attribute(0);
        Object idValue = Ids.assigned(id, id.get(entity));
        if (idValue != null) {
            throw new InvalidRequestException("Cannot add " + persister.entityName() + "#" + idValue + " to this session: its "
                    + "id is generated by the database, so an object that already has one was saved or loaded by another "
                    + "session (it is detached), and adding it would write its row a second time. To fix this, use "
                    + "session.merge(object), which copies its state onto this session's instance of the row and returns "
                    + "that instance.");
        }
    }

    /**
     * Adds {@code entity} unless the session holds it (then a deletion of it is undone). {@code refuseDetached}: the
     * application handed it in, so an object that another session saved or loaded is refused (cascades and merge
     * bring in objects of this session's own making).
     */
    private void addChecked(Object entity, boolean refuseDetached) {
        if (entity == null) {
            throw new InvalidRequestException("session.add(null): there is no object to add. To fix this, pass an entity instance.");
        }
        EntityEntry existing = objects.entryOf(entity);
        if (existing != null) {
            objects.undelete(existing);
            return;
        }
        EntityPersister persister = context.persister(entity.getClass());
        if (refuseDetached) {
            refuseDetached(entity, persister);
        }
        AttributeModel id = persister.attribute(0);
        if (persister.idGeneration() == IdGeneration.UUID && id.get(entity) == null) {
            java.util.UUID uuid = java.util.UUID.randomUUID();
            id.set(entity, id.javaType() == String.class ? uuid.toString() : uuid);
        }
        Object idValue = Ids.assigned(id, id.get(entity));
        if (idValue != null) {
            EntityEntry holder = objects.byKey(new EntityKey(persister.keyType(), idValue));
            if (holder != null) {
                throw new InvalidRequestException("Cannot add this " + persister.entityName() + " with id " + idValue
                        + ": the session already holds another instance with that id (" + holder.describe() + "). "
                        + "To fix this, change that instance instead, or use session.merge(object) to copy this one's state onto it.");
            }
        }
        objects.addPending(entity, persister);
    }

    @Override
    public void addAll(Collection<?> entities) {
        checkUsable();
        mode.requireWritable("add " + (entities.isEmpty() ? "objects" : typeName(entities.iterator().next())));
        objects.expectPending(entities.size());
        for (Object entity : entities) {
            addChecked(entity, true);
        }
    }

    @Override
    public void addAll(Object... entities) {
        addAll(Arrays.asList(entities));
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        checkUsable();
        return loader.get(entityType, id);
    }

    @Override
    public void delete(Object entity) {
        checkUsable();
        mode.requireWritable("delete " + typeName(entity));
        requireWritableEntry(requireAttached(entity, "delete"), "delete");
        deleteCascading(entity);
    }

    /** A read-only object has no snapshot to write from; refreshing it makes it an ordinary one. */
    private static void requireWritableEntry(EntityEntry entry, String operation) {
        if (entry.readOnly()) {
            throw new InvalidRequestException("Cannot " + operation + " " + entry.describe() + ": it was loaded by a readOnly() "
                    + "query, so the session keeps no state to write it from. To fix this, call session.refresh(object) "
                    + "first, which reloads it as an ordinary object, or load it with session.get in a session that has not "
                    + "read it read-only.");
        }
    }

    /** Marks an object deleted (a pending one just leaves), and the objects its cascade-REMOVE relationships reach. */
    public void deleteCascading(Object entity) {
        EntityEntry entry = objects.entryOf(entity);
        if (entry == null || entry.status() == EntityEntry.Status.DELETED || entry.status() == EntityEntry.Status.REMOVED) {
            return;
        }
        if (entry.standIn() != null && !entry.standIn().loaded()) {
            // Its row (the version to check, the relationships to cascade along) is needed to delete it.
            loader.loadStandIn(entry);
        }
        objects.markDeleted(entry);
        for (dev.retort.mapping.RelationshipModel relationship : entry.persister().model().relationships()) {
            if (relationship.cascades().remove()) {
                Object value = relationship.get(entity);
                if (relationship.toMany()) {
                    for (Object element : List.copyOf(dev.retort.mapping.RelationshipModel.elements(value))) {
                        deleteCascading(element);
                    }
                } else if (value != null) {
                    deleteCascading(value);
                }
            }
        }
    }

    /**
     * Puts a stand-in for a lazily loaded to-one target in the identity map: an instance of a generated
     * subclass with only its id set, whose first method call loads the row (or throws, for {@code raise}).
     * Its entry is expired until then, so flushes leave it alone.
     */
    public void standIn(EntityPersister persister, Object id, dev.retort.mapping.RelationshipModel relationship, boolean raise) {
        EntityEntry[] created = new EntityEntry[1];
        Object instance = LazyProxies.create(persister.entityType(), () -> loadStandIn(created[0], relationship, raise));
        persister.attribute(0).set(instance, id);
        EntityEntry entry = new EntityEntry(instance, persister, id, EntityEntry.Status.PERSISTENT, null);
        entry.standIn(LazyProxies.stateOf(instance));
        created[0] = entry;
        enter(entry);
    }

    /** Puts a newly loaded object's entry in the maps, and in the batch of the stream loading it, if one is. */
    public void enter(EntityEntry entry) {
        objects.enterLoaded(entry);
        if (entry.standIn() == null) {
            counters.entitiesLoaded++;
        }
        if (loadingBatch != null) {
            loadingBatch.add(entry);
        }
    }

    /** Makes {@code batch} (or null) record the entries loaded from now on; returns the one that did before. */
    public StreamBatch recordLoadsInto(StreamBatch batch) {
        StreamBatch before = loadingBatch;
        loadingBatch = batch;
        return before;
    }

    /** Detaches a streamed object whose batch passed, unless the user already replaced or removed its entry. */
    public void release(EntityEntry entry) {
        if (objects.entryOf(entry.instance()) == entry) {
            objects.detach(entry);
        }
    }

    private void loadStandIn(EntityEntry entry, dev.retort.mapping.RelationshipModel relationship, boolean raise) {
        String described = entry.describe() + " (reached through " + relationship + ")";
        if (raise) {
            throw new InvalidRequestException("Cannot read " + described + ": the query that loaded it said Load.raise("
                    + relationship + "), so it is not loaded and may not be. To fix this, load it with the query "
                    + "(Load.selectIn(" + relationship.owner().getSimpleName() + "_." + relationship.name() + ")), or drop "
                    + "the raise option.");
        }
        if (closed || objects.entryOf(entry.instance()) != entry) {
            throw new DetachedInstanceException("Cannot load " + described + ": its session is closed (or the object was "
                    + "removed from it), and it was never loaded. To fix this, load it with the query that reads the "
                    + relationship.owner().getSimpleName() + " objects: .options(Load.selectIn(" + relationship.owner()
                    .getSimpleName() + "_." + relationship.name() + ")), or use it while the session is open.");
        }
        checkUsable();
        countLazyLoad(relationship);
        if (objects.hasPending()) {
            flush();
        }
        if (!loader.loadStandIn(entry)) {
            throw new DatabaseException(described + " does not exist: its row was deleted (or the foreign key has no "
                    + "constraint). To fix this, add the foreign-key constraint (createAll does) and correct the rows "
                    + "that break it.");
        }
    }

    /** Adds an object reached by a cascade-PERSIST relationship; returns its new entry. */
    public EntityEntry cascadeAdd(Object entity) {
        addChecked(entity, false);
        return objects.entryOf(entity);
    }

    /** The persistence context's epoch: collections loaded in an earlier one load again on next use. */
    public long epoch() {
        return objects.epoch();
    }

    /** Whether the object belongs to this open session (lazy loads are possible). */
    public boolean holds(Object entity) {
        EntityEntry entry = closed ? null : objects.entryOf(entity);
        return entry != null && entry.status() != EntityEntry.Status.REMOVED;
    }

    /** "User#1" for messages about an object of this session (or one it held). */
    public String describeObject(Object entity) {
        EntityEntry entry = objects.entryOf(entity);
        return entry != null ? entry.describe() : describe(entity);
    }

    /** A lazy load of one object's collection (or inverse one-to-one), counted for the N+1 guard. */
    public List<Object> loadLazily(Object owner, dev.retort.mapping.RelationshipModel relationship) {
        checkUsable();
        EntityEntry entry = objects.entryOf(owner);
        countLazyLoad(relationship);
        if (objects.hasPending()) {
            flush();
        }
        List<Object> elements = loader.loadCollection(entry.persister(), relationship, owner);
        if (relationship.toMany() && entry.collections() != null) {
            entry.recordCollection(entry.persister().collections().indexOf(relationship), elements, relationship.get(owner));
        }
        return elements;
    }

    /** Counts a lazy load for the N+1 guard: one warning (or error, when strict) past the threshold. */
    private void countLazyLoad(dev.retort.mapping.RelationshipModel relationship) {
        int count = lazyLoads.merge(relationship, 1, Integer::sum);
        dev.retort.LazyLoadGuard guard = context.lazyLoadGuard();
        if (count == guard.threshold() + 1) {
            String path = relationship.owner().getSimpleName() + "_." + relationship.name();
            // Load.joined reads a many-to-one or one-to-many in the query itself, unless its target has subclasses.
            boolean joinable = (relationship.kind() == dev.retort.mapping.RelationshipModel.Kind.MANY_TO_ONE
                    || relationship.kind() == dev.retort.mapping.RelationshipModel.Kind.ONE_TO_MANY)
                    && context.persister(relationship.target()).hierarchy() == null;
            String message = relationship + " was lazily loaded for " + count + " " + relationship.owner().getSimpleName()
                    + " objects in this session, one query each (the N+1 problem). To load them together, add "
                    + ".options(Load.selectIn(" + path + ")) to the query that reads the " + relationship.owner().getSimpleName()
                    + " objects" + (!joinable ? "." : " (one more query), or .options(Load.joined(" + path + ")) (a LEFT JOIN "
                    + "in that query" + (relationship.toMany() ? ", which then cannot use limit, offset or first())." : ")."));
            counters.nPlusOneWarnings++;
            if (guard.strict()) {
                throw new InvalidRequestException(message);
            }
            LAZY_LOADS.log(System.Logger.Level.WARNING, message);
        }
    }

    /** The elements a collection had in the database, for an object whose collection field was replaced unloaded. */
    public List<Object> loadForDiff(EntityEntry entry, dev.retort.mapping.RelationshipModel relationship) {
        return loader.loadCollection(entry.persister(), relationship, entry.instance());
    }

    @Override
    public void refresh(Object entity) {
        checkUsable();
        EntityEntry entry = requireAttached(entity, "refresh");
        if (entry.status() == EntityEntry.Status.PENDING) {
            throw new InvalidRequestException("Cannot refresh " + entry.describe() + ": it has no row yet. To fix this, "
                    + "flush or commit the session first.");
        }
        loader.reload(entry);
    }

    @Override
    public void expire(Object entity) {
        checkUsable();
        EntityEntry entry = requireAttached(entity, "expire");
        // As SQLAlchemy's expire: changes not flushed are discarded; changes made from now on are kept.
        entry.restore();
        objects.expire(entry);
    }

    @Override
    public void expunge(Object entity) {
        checkUsable();
        objects.detach(requireAttached(entity, "expunge"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T merge(T entity) {
        checkUsable();
        if (entity == null) {
            throw new InvalidRequestException("session.merge(null): there is no object to merge. To fix this, pass an entity instance.");
        }
        if (objects.contains(entity)) {
            return entity;
        }
        mode.requireWritable("merge " + typeName(entity));
        EntityPersister persister = context.persister(entity.getClass());
        Object[] values = persister.read(entity);
        for (int index : persister.references()) {
            // A detached copy refers to detached objects: the session's own instances take their place.
            Object target = values[index];
            Object targetId = target == null || objects.contains(target) ? null : persister.attribute(index).idOf(target);
            if (targetId != null) {
                Object managed = loader.get(target.getClass(), targetId);
                values[index] = managed != null ? managed : target;
            }
        }
        Object id = Ids.assigned(persister.attribute(0), values[0]);
        T managed = id == null ? null : (T) loader.get(persister.entityType(), id);
        if (managed == null) {
            T copy = (T) persister.model().newInstance();
            persister.write(copy, values);
            addChecked(copy, false);
            return copy;
        }
        EntityEntry entry = objects.entryOf(managed);
        requireWritableEntry(entry, "merge onto");
        int version = persister.versionIndex();
        if (version >= 0 && !java.util.Objects.equals(values[version], entry.snapshot()[version])) {
            throw new StaleObjectException("Cannot merge " + entry.describe() + ": it has version " + values[version]
                    + " but the database row has version " + entry.snapshot()[version] + ", so another transaction changed "
                    + "it since this copy was loaded. To fix this, load it again with session.get and apply the change to that instance.");
        }
        persister.write(managed, values);
        return managed;
    }

    @Override
    public boolean contains(Object entity) {
        EntityEntry entry = entity == null ? null : objects.entryOf(entity);
        return entry != null && entry.status() != EntityEntry.Status.REMOVED;
    }

    @Override
    public <T> Query<T> query(Class<T> entityType) {
        checkUsable();
        return new QueryImpl<>(this, loader, context.persister(entityType));
    }

    @Override
    public SelectQuery select(Expr<?>... columns) {
        checkUsable();
        return new SelectQueryImpl(this, java.util.Arrays.asList(columns));
    }

    @Override
    public <T> UpdateQuery<T> update(Class<T> entityType) {
        checkUsable();
        return BulkStatement.update(this, context.persister(entityType));
    }

    @Override
    public <T> DeleteQuery<T> delete(Class<T> entityType) {
        checkUsable();
        return BulkStatement.delete(this, context.persister(entityType));
    }

    @Override
    public SqlQuery sql(String sql) {
        checkUsable();
        return new SqlQueryImpl(this, sql);
    }

    private static String typeName(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName();
    }

    EntityEntry requireAttached(Object entity, String operation) {
        EntityEntry entry = entity == null ? null : objects.entryOf(entity);
        if (entry == null) {
            if (entity != null && !EntityMappings.isEntity(entity.getClass())) {
                context.persister(entity.getClass());
            }
            throw new InvalidRequestException("Cannot " + operation + " " + (entity == null ? "null" : describe(entity))
                    + ": it is not in this session. To fix this, load it in this session (session.get or a query), "
                    + "or bring a detached copy in with session.merge(object).");
        }
        return entry;
    }

    private String describe(Object entity) {
        try {
            EntityPersister persister = context.persister(entity.getClass());
            Object id = persister.attribute(0).get(entity);
            return id == null ? "this new " + persister.entityName() : persister.entityName() + "#" + id;
        } catch (MappingException e) {
            return entity.getClass().getSimpleName();
        }
    }

    // ---- transactions -------------------------------------------------------------------------------

    @Override
    public void flush() {
        checkUsable();
        if (flushing) {
            // Asked again from inside the flush (a lazy load while cascading a delete): the running flush writes
            // everything, as SQLAlchemy's autoflush is off while flushing.
            return;
        }
        flushing = true;
        try {
            new Flush(this, context).run();
        } finally {
            flushing = false;
        }
    }

    /** The connection of the current transaction, beginning one if none is active (autobegin). */
    public Connection connection() {
        return transactions.connection(false);
    }

    /**
     * A prepared statement for a query of this transaction, kept for the next run of the same SQL (no
     * statement timeout applies, so nothing is bound to the statement's life); the caller must not close it.
     * Null when a timeout applies: then the caller prepares and closes its own.
     */
    public java.sql.PreparedStatement reusableQuery(String sql) throws SQLException {
        return statementTimeoutSeconds() > 0 ? null : transactions.reusable(sql);
    }

    /** Closes the kept statement of {@code sql} after it failed. */
    public void discardQuery(String sql) {
        transactions.discard(sql);
    }

    public Frame currentFrame() {
        return transactions.current();
    }

    @Override
    public Transaction begin() {
        checkUsable();
        mode.requireOwnTransaction("begin()");
        if (transactions.active()) {
            throw new InvalidRequestException("A transaction is already active on this session (it began on first use). "
                    + "To fix this, commit or roll it back first, or use session.beginNested() for a SAVEPOINT.");
        }
        transactions.connection(true);
        return new TransactionImpl(this, transactions.current());
    }

    @Override
    public Transaction beginNested() {
        checkUsable();
        mode.requireOwnTransaction("beginNested()");
        flush();
        return new TransactionImpl(this, transactions.pushSavepoint());
    }

    @Override
    public boolean inTransaction() {
        return transactions.active();
    }

    @Override
    public void commit() {
        checkUsable();
        mode.requireOwnTransaction("commit()");
        flush();
        if (!transactions.active()) {
            return;
        }
        try {
            transactions.commit();
        } catch (SQLException e) {
            rollbackAll();
            throw commitFailed(e);
        }
        transactions.release();
        writeGuard.transactionEnded();
        counters.transactions++;
        expireAll();
    }

    /**
     * After a commit or rollback other transactions may change any row, so every object is expired (when the
     * factory says so, the default): the next {@code get}, query or relationship load that reads its row
     * refills it, keeping the fields the code changed since (SQLAlchemy's {@code expire_on_commit}). Loaded
     * collections of Retort's load again on their next use while the session is open.
     */
    private void expireAll() {
        if (context.expireOnCommit()) {
            objects.expireAll();
        }
    }

    private DatabaseException commitFailed(SQLException error) {
        String database = context.dialect().displayName();
        switch (context.dialect().classify(error)) {
            case CONNECTION_FAILURE:
                return new DatabaseUnavailableException("Lost the connection to " + context.engine().location()
                        + " during COMMIT: " + error.getMessage() + ". The database rolled the transaction back unless the "
                        + "COMMIT reached it before the connection broke, so it may or may not be committed. To fix this, "
                        + "check whether its changes are there before running the unit of work again.", error, true);
            case TRANSACTION_CONFLICT:
                return new TransactionConflictException("COMMIT failed on " + database + ": " + error.getMessage()
                        + ". The transaction conflicted with a concurrent one and was rolled back. To fix this, run the unit "
                        + "of work again (Retry does it for you).", error);
            default:
                return new DatabaseException("COMMIT failed on " + database + ": " + error.getMessage()
                        + ". The transaction was rolled back.", error);
        }
    }

    /** Commits a nested frame: flushes, then releases its savepoint. */
    void commitNested(Frame frame) {
        checkUsable();
        transactions.requireTop(frame);
        flush();
        transactions.releaseSavepoint(frame);
    }

    void rollbackNested(Frame frame) {
        if (closed) {
            return;
        }
        if (frame.failed()) {
            // The failed flush already rolled back to the savepoint and restored memory.
            transactions.remove(frame);
            pendingRollback = null;
            return;
        }
        transactions.requireTop(frame);
        rollbackFrame(frame);
        transactions.remove(frame);
    }

    boolean isCurrent(Frame frame) {
        return transactions.contains(frame);
    }

    @Override
    public void rollback() {
        if (closed) {
            throw closedError();
        }
        mode.requireOwnTransaction("rollback()");
        rollbackAll();
        pendingRollback = null;
        expireAll();
    }

    private void rollbackAll() {
        if (transactions.active()) {
            counters.transactions++;
            transactions.rollback();
            transactions.popAll().forEach(this::undo);
            transactions.release();
            writeGuard.transactionEnded();
        }
        resetMemory();
    }

    /** Rolls a savepoint back in the database and in memory; the frame stays on the stack. */
    private void rollbackFrame(Frame frame) {
        transactions.rollbackTo(frame);
        undo(frame);
        resetMemory();
    }

    /**
     * After a failed flush: rolls back the frame it ran in (the savepoint, or the whole transaction) so
     * that nothing of it stays written, and makes the session refuse work until rolled back.
     */
    public RetortException failed(Frame frame, RetortException error) {
        if (!mode.ownsTransaction()) {
            // The container rolls its transaction back; memory is restored now, as for a local rollback.
            mode.markRollbackOnly();
            undo(frame);
            resetMemory();
        } else if (frame.nested() && !(error instanceof DatabaseUnavailableException)) {
            // A lost connection took the whole transaction with it: there is no savepoint to go back to.
            rollbackFrame(frame);
            frame.markFailed();
        } else {
            rollbackAll();
            if (frame.nested()) {
                frame.markFailed();
            }
        }
        pendingRollback = error;
        return error;
    }

    private void undo(Frame frame) {
        objects.undo(frame);
    }

    /**
     * Memory after a rollback: objects never written leave the session, deletions are forgotten, and
     * persistent objects get their snapshot (the database's state) back into their fields.
     */
    private void resetMemory() {
        objects.restoreAfterRollback();
    }

    /**
     * The container's transaction is about to commit: writes what is pending, then gives the connection
     * back to the pool before the commit, as pools expect of enlisted connections (Agroal warns about
     * connections still open at commit). Undo records stay until {@link #completed}.
     */
    @Override
    public void beforeCompletion() {
        flush();
        transactions.closeConnection();
    }

    /**
     * The container's transaction ends: {@code committed} tells how. A rolled-back transaction restores
     * memory as {@link #rollback()} does. The session then closes and returns its connection (the pool
     * and the transaction manager finish the connection's part).
     */
    @Override
    public void completed(boolean committed) {
        List<Frame> frames = transactions.popAll();
        counters.transactions++;
        if (!committed) {
            frames.forEach(this::undo);
            resetMemory();
        }
        transactions.release();
        writeGuard.transactionEnded();
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (transactions.active()) {
                rollbackAll();
            }
        } finally {
            closed = true;
            objects.clear();
            context.statistics().add(counters.snapshot());
        }
    }

    @Override
    public Statistics statistics() {
        return counters.snapshot();
    }

    public void checkUsable() {
        if (closed) {
            throw closedError();
        }
        if (pendingRollback != null) {
            throw new PendingRollbackException("This session's transaction was rolled back because a flush failed ("
                    + pendingRollback.getClass().getSimpleName() + ": " + pendingRollback.getMessage() + "). "
                    + "To fix this, call session.rollback() (or rollback() on the failed nested transaction) before "
                    + "using the session again.", pendingRollback);
        }
    }

    private static InvalidRequestException closedError() {
        return new InvalidRequestException("This session is closed. To fix this, open a new session with sessionFactory.open().");
    }
}
