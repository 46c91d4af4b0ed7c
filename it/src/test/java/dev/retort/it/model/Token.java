package dev.retort.it.model;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A UUID key made in Java. */
@Entity
public class Token {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;
    public String label;

    protected Token() {
    }

    public Token(String label) {
        this.label = label;
    }
}
