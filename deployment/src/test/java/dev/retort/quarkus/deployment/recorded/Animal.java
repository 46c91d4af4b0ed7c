package dev.retort.quarkus.deployment.recorded;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/** The root of a JOINED hierarchy, with a many-to-one and an owned many-to-many (a join table). */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Animal {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToOne
    public Keeper keeper;
    @ManyToMany
    public Set<Enclosure> enclosures = new LinkedHashSet<>();
}
