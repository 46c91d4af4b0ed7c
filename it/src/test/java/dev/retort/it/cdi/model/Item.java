package dev.retort.it.cdi.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the CDI tests write: a row with a unique code, so that a duplicate fails at flush. */
@Entity
@Table(name = "cdi_items")
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(unique = true, nullable = false)
    public String code;

    protected Item() {
    }

    public Item(String code) {
        this.code = code;
    }

    @Override
    public String toString() {
        return "Item(" + id + ", " + code + ")";
    }
}
