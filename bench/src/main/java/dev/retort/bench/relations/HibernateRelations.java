package dev.retort.bench.relations;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate ORM over the same pool, configured as the ORM benchmark's HibernateContender (JDBC batches
 * of 1000, ordered inserts and updates, no statistics, no SQL log, no second-level cache, schema left to
 * the harness). IDENTITY ids make it insert row by row at {@code persist}, as documented.
 * <p>
 * W5b three ways, each on its own session so that one setting cannot help another:
 * {@link #loadJoinFetch} ({@code left join fetch}, limited by an id filter because a limit over a
 * collection fetch would be applied in memory), {@link #loadBatchFetch} (the session's fetch batch size —
 * the per-session form of {@code hibernate.default_batch_fetch_size}/{@code @BatchSize} — set to the
 * number of users, so one batch initialises all collections) and {@link #loadSubselect} (the session's
 * subselect fetching, {@code @Fetch(SUBSELECT)}'s per-session form).
 */
final class HibernateRelations implements AutoCloseable {
    private final StandardServiceRegistry registry;
    private final SessionFactory sessionFactory;

    HibernateRelations(DataSource dataSource, String dialectClass, boolean echo) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySettings(Map.of(
                        AvailableSettings.STATEMENT_BATCH_SIZE, "1000",
                        AvailableSettings.ORDER_INSERTS, "true",
                        AvailableSettings.ORDER_UPDATES, "true",
                        AvailableSettings.HBM2DDL_AUTO, "none",
                        AvailableSettings.SHOW_SQL, Boolean.toString(echo),
                        AvailableSettings.GENERATE_STATISTICS, "false",
                        AvailableSettings.USE_SECOND_LEVEL_CACHE, "false",
                        // Retort's processor generates User_ and Post_; Hibernate must not try to fill their fields.
                        "hibernate.jpa.static_metamodel.population", "disabled"));
        if (dialectClass != null) {
            builder.applySetting(AvailableSettings.DIALECT, dialectClass);
        }
        this.registry = builder.build();
        this.sessionFactory = new MetadataSources(registry).addAnnotatedClass(User.class).addAnnotatedClass(Post.class)
                .buildMetadata().buildSessionFactory();
    }

    /** W5a: persist each user (cascade persists its posts), commit. */
    void insertGraph(List<User> users) {
        try (Session session = sessionFactory.openSession()) {
            Transaction transaction = session.beginTransaction();
            for (User user : users) {
                session.persist(user);
            }
            transaction.commit();
        }
    }

    Loaded loadJoinFetch(long maxId) {
        try (Session session = sessionFactory.openSession()) {
            Transaction transaction = session.beginTransaction();
            List<User> users = session.createSelectionQuery(
                            "select u from User u left join fetch u.posts where u.id <= :maxId order by u.id", User.class)
                    .setParameter("maxId", maxId).getResultList();
            long posts = Loaded.countPosts(users);
            transaction.commit();
            return new Loaded(users, posts);
        }
    }

    Loaded loadBatchFetch(int count) {
        try (Session session = sessionFactory.openSession()) {
            session.setFetchBatchSize(count);
            return loadFirstThenCount(session, count);
        }
    }

    Loaded loadSubselect(int count) {
        try (Session session = sessionFactory.openSession()) {
            session.setSubselectFetchingEnabled(true);
            return loadFirstThenCount(session, count);
        }
    }

    private static Loaded loadFirstThenCount(Session session, int count) {
        Transaction transaction = session.beginTransaction();
        List<User> users = session.createSelectionQuery("select u from User u order by u.id", User.class)
                .setMaxResults(count).getResultList();
        long posts = Loaded.countPosts(users);
        transaction.commit();
        return new Loaded(users, posts);
    }

    @Override
    public void close() {
        sessionFactory.close();
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
