package dev.retort.quarkus.deployment.lib;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity shipped in a library jar rather than in the application. */
@Entity
public class Author {
    @Id
    public Long id;
    public String name;
}
