package dev.retort.bench.replicas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row the replica benchmark looks up by key: as W3's user, with an assigned id. */
@Entity
@Table(name = "replica_bench_readers")
public class Reader {
    @Id
    Long id;

    @Column(length = 100)
    String name;

    Integer age;

    protected Reader() {
    }

    Reader(Long id, String name, Integer age) {
        this.id = id;
        this.name = name;
        this.age = age;
    }
}
