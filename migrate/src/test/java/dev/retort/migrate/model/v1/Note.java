package dev.retort.migrate.model.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Versions 1 to 3: a note, dropped in version 4. */
@Entity
@Table(name = "notes")
public class Note {
    @Id @GeneratedValue public Long id;
    @Column(length = 200) public String body;

    protected Note() {
    }

    public Note(String body) {
        this.body = body;
    }
}
