package dev.retort.bench.orm;

import java.util.ArrayList;
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
 * Hibernate ORM 7 over the same Agroal pool, configured as its documentation recommends for bulk work:
 * JDBC batches of 1000 with ordered inserts and updates, no statistics, no SQL logging, no second-level
 * cache, schema left alone (the harness creates it). IDENTITY ids make Hibernate insert row by row, as
 * documented; the SEQUENCE variant lets it batch.
 */
final class HibernateContender implements Contender {
    private final StandardServiceRegistry registry;
    private final SessionFactory sessionFactory;
    private final boolean sequences;

    HibernateContender(DataSource dataSource, String dialectClass, boolean sequences) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySettings(Map.of(
                        AvailableSettings.STATEMENT_BATCH_SIZE, "1000",
                        AvailableSettings.ORDER_INSERTS, "true",
                        AvailableSettings.ORDER_UPDATES, "true",
                        AvailableSettings.HBM2DDL_AUTO, "none",
                        AvailableSettings.SHOW_SQL, "false",
                        AvailableSettings.GENERATE_STATISTICS, "false",
                        AvailableSettings.USE_SECOND_LEVEL_CACHE, "false",
                        // Retort's processor generates User_ too; Hibernate must not try to fill its fields.
                        "hibernate.jpa.static_metamodel.population", "disabled"));
        if (dialectClass != null) {
            builder.applySetting(AvailableSettings.DIALECT, dialectClass);
        }
        this.registry = builder.build();
        MetadataSources sources = new MetadataSources(registry).addAnnotatedClass(User.class)
                .addAnnotatedClass(BenchAnimal.class).addAnnotatedClass(BenchCat.class).addAnnotatedClass(BenchDog.class);
        if (sequences) {
            sources.addAnnotatedClass(SeqUser.class);
        }
        this.sessionFactory = sources.buildMetadata().buildSessionFactory();
        this.sequences = sequences;
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public void insertAll(List<User> users) {
        persistAll(users);
    }

    @Override
    public boolean supportsSequenceVariant() {
        return sequences;
    }

    @Override
    public void insertAllWithSequence(List<SeqUser> users) {
        persistAll(users);
    }

    private void persistAll(List<?> entities) {
        try (Session session = sessionFactory.openSession()) {
            Transaction transaction = session.beginTransaction();
            for (Object entity : entities) {
                session.persist(entity);
            }
            transaction.commit();
        }
    }

    @Override
    public List<User> loadAll() {
        try (Session session = sessionFactory.openSession()) {
            Transaction transaction = session.beginTransaction();
            List<User> users = session.createSelectionQuery("from User", User.class).getResultList();
            transaction.commit();
            return users;
        }
    }

    @Override
    public List<BenchAnimal> loadAnimals() {
        try (Session session = sessionFactory.openSession()) {
            Transaction transaction = session.beginTransaction();
            List<BenchAnimal> animals = session.createSelectionQuery("from BenchAnimal", BenchAnimal.class).getResultList();
            transaction.commit();
            return animals;
        }
    }

    @Override
    public List<User> getEach(long[] ids, int perSession) {
        List<User> users = new ArrayList<>(ids.length);
        for (int start = 0; start < ids.length; start += perSession) {
            int end = Math.min(ids.length, start + perSession);
            try (Session session = sessionFactory.openSession()) {
                Transaction transaction = session.beginTransaction();
                for (int i = start; i < end; i++) {
                    users.add(session.find(User.class, ids[i]));
                }
                transaction.commit();
            }
        }
        return users;
    }

    @Override
    public Loaded loadFirst(int count) {
        Session session = sessionFactory.openSession();
        Transaction transaction = session.beginTransaction();
        List<User> users = session.createSelectionQuery("from User u order by u.id", User.class)
                .setMaxResults(count).getResultList();
        return new Loaded() {
            @Override
            public List<User> users() {
                return users;
            }

            @Override
            public void commit() {
                try (session) {
                    transaction.commit();
                }
            }
        };
    }

    @Override
    public void close() {
        sessionFactory.close();
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
