package dev.retort.quarkus.deployment.units.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity of the default unit, on the default datasource. */
@Entity
public class Purchase {
    @Id
    @GeneratedValue
    public Long id;
    public String item;

    protected Purchase() {
    }

    public Purchase(String item) {
        this.item = item;
    }
}
