package dev.retort.it.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row that sessions on several Galera nodes update at once. */
@Entity
@Table(name = "galera_counters")
public class Counter {
    @Id
    public Long id;
    public int total;

    protected Counter() {
    }

    public Counter(long id) {
        this.id = id;
    }
}
