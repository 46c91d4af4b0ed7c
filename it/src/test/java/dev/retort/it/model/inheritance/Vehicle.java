package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A joined hierarchy with an abstract root and a version: vehicles, cars, trucks, sports cars. */
@Entity
@Table(name = "inh_vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Vehicle {
    @Id
    @GeneratedValue
    public Long id;
    public String maker;
    @Version
    public Long version;

    protected Vehicle() {
    }

    protected Vehicle(String maker) {
        this.maker = maker;
    }
}
