package dev.retort.it.model;

import java.time.Instant;

import jakarta.persistence.MappedSuperclass;

/** Fields shared through a mapped superclass. */
@MappedSuperclass
public abstract class Audited {
    public Instant createdAt;
}
