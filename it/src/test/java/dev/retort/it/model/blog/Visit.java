package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Refers to a pet through the base class: the row decides whether it is a parrot or a hamster. */
@Entity
@Table(name = "visits")
public class Visit {
    @Id
    @GeneratedValue
    public Long id;
    public String reason;
    @ManyToOne(optional = false)
    public Pet pet;

    protected Visit() {
    }

    public Visit(String reason, Pet pet) {
        this.reason = reason;
        this.pet = pet;
    }
}
