package dev.retort.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Long text: a column longer than MariaDB's VARCHAR allows, and an unlimited {@code @Lob}. */
@Entity
@Table(name = "notes")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(length = 2_000_000)
    public String body;
    @Lob
    public String appendix;

    protected Note() {
    }

    public Note(String body, String appendix) {
        this.body = body;
        this.appendix = appendix;
    }
}
