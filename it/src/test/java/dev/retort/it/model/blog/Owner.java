package dev.retort.it.model.blog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** Has pets: a collection of the base class of a single-table hierarchy. */
@Entity
@Table(name = "owners")
public class Owner {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @OneToMany(mappedBy = "owner")
    public List<Pet> pets = new ArrayList<>();

    protected Owner() {
    }

    public Owner(String name) {
        this.name = name;
    }
}
