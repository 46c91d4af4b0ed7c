package dev.retort.quarkus.deployment.recorded;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Enclosure {
    @Id
    @GeneratedValue
    public Long id;
    public String label;
}
