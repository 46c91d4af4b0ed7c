package dev.retort.bench.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * {@link User} with a SEQUENCE id (JPA's default allocation size, 50), for the W1 variant in which
 * Hibernate can batch its inserts. Only run where both sides have sequences (H2, PostgreSQL).
 */
@Entity
@Table(name = "bench_seq_users")
public class SeqUser {
    static final String SEQUENCE = "bench_seq_users_seq";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = SEQUENCE)
    @SequenceGenerator(name = SEQUENCE, sequenceName = SEQUENCE, allocationSize = 50)
    Long id;

    @Column(length = 100)
    String name;

    Integer age;

    protected SeqUser() {
    }

    public SeqUser(String name, Integer age) {
        this.name = name;
        this.age = age;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
