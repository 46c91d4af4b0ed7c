package dev.retort.it.model.keepers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** What a {@link Pet} plays with: the many side of a collection of a hierarchy's entity. */
@Entity
@Table(name = "toys")
public class Toy {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToOne
    public Pet pet;

    protected Toy() {
    }

    public Toy(String name, Pet pet) {
        this.name = name;
        this.pet = pet;
        pet.toys.add(this);
    }
}
