package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The root of a single-table hierarchy that relationships refer to. */
@Entity
@Table(name = "pets")
public class Pet {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToOne
    public Owner owner;

    protected Pet() {
    }

    public Pet(String name, Owner owner) {
        this.name = name;
        this.owner = owner;
    }
}
