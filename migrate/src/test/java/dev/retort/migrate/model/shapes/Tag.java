package dev.retort.migrate.model.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The other side of {@link Sample}'s join table, with an assigned key. */
@Entity
@Table(name = "tags")
public class Tag {
    @Id @Column(length = 20) public String name;

    protected Tag() {
    }
}
