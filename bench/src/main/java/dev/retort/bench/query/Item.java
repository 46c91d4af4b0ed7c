package dev.retort.bench.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The benchmark's row: 100,000 of them, 1,000 per category. Mapped the same way by Retort and Hibernate. */
@Entity
@Table(name = "items")
public class Item {
    @Id
    Long id;
    int category;
    int score;
    String name;

    protected Item() {
    }

    Item(Long id, int category, int score, String name) {
        this.id = id;
        this.category = category;
        this.score = score;
        this.name = name;
    }
}
