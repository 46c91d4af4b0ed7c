package dev.retort.it.model.keepers;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A single-table hierarchy whose rows refer to another entity (eagerly, JPA's default for a to-one). */
@Entity
@Table(name = "pets")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Pet {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToOne
    public Keeper keeper;

    protected Pet() {
    }

    protected Pet(String name, Keeper keeper) {
        this.name = name;
        this.keeper = keeper;
    }
}
