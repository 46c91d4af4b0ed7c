package dev.retort.it.model.inheritance;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The seed's single-table hierarchy: animals, cats, dogs (and lions, a kind of cat) in one table. */
@Entity
@Table(name = "inh_animals")
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("animal")
public class Animal {
    @Id
    @GeneratedValue
    public Long id;
    public String name;

    protected Animal() {
    }

    public Animal(String name) {
        this.name = name;
    }
}
