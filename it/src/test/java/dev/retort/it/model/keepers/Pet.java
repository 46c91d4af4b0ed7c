package dev.retort.it.model.keepers;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A single-table hierarchy whose rows refer to another entity (eagerly, JPA's default for a to-one) and have a
 * collection (lazily, JPA's default for a to-many).
 */
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
    @OneToMany(mappedBy = "pet")
    public List<Toy> toys = new ArrayList<>();

    protected Pet() {
    }

    protected Pet(String name, Keeper keeper) {
        this.name = name;
        this.keeper = keeper;
    }
}
