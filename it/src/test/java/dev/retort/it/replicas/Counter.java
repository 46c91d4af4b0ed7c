package dev.retort.it.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One row that sessions on several Galera nodes update at once. Its version makes a read-modify-write that read
 * a total another node has since replaced fail (StaleObjectException) instead of losing that update: Galera's
 * certification only catches writes that overlap in time.
 */
@Entity
@Table(name = "galera_counters")
public class Counter {
    @Id
    public Long id;
    public int total;
    @Version
    public long version;

    protected Counter() {
    }

    public Counter(long id) {
        this.id = id;
    }
}
