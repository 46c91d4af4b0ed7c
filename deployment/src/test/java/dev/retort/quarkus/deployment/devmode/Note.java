package dev.retort.quarkus.deployment.devmode;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The entity that the dev mode test changes while the application runs. */
@Entity
public class Note {
    @Id
    @GeneratedValue
    public Long id;
    public String text;
}
