package dev.retort.it.model.keepers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who looks after a {@link Pet}. */
@Entity
@Table(name = "keepers")
public class Keeper {
    @Id
    @GeneratedValue
    public Long id;
    public String name;

    protected Keeper() {
    }

    public Keeper(String name) {
        this.name = name;
    }
}
