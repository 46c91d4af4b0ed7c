package dev.retort.bench.startup.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** One of the ten benchmark entities: a generated key and three plain columns. */
@Entity
public class Invoice {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    public String note;
    public Integer amount;
}
