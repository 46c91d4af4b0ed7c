package dev.retort.bench.orm;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * W6's hierarchy, the seed's section 4.3: animals, cats and dogs in one table told apart by {@code kind}
 * (SINGLE_TABLE), mapped once and used unchanged by Retort, Hibernate and the JDBC code.
 */
@Entity
@Table(name = "bench_animals")
@DiscriminatorColumn(name = "kind", length = 10)
@DiscriminatorValue("animal")
public class BenchAnimal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 100)
    String name;

    Integer age;

    protected BenchAnimal() {
    }

    BenchAnimal(Long id, String name, Integer age) {
        this.id = id;
        this.name = name;
        this.age = age;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** What only the subclass has, for the checks. */
    public String sound() {
        return null;
    }
}
