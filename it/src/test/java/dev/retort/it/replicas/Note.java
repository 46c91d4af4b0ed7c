package dev.retort.it.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row the replica tests write on the primary and look for on the replicas. */
@Entity
@Table(name = "replica_notes")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String text;

    protected Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}
