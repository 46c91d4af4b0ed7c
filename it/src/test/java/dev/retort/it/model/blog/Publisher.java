package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The target of a lazy many-to-one: private fields read through methods, so a generated stand-in can load it. */
@Entity
@Table(name = "publishers")
public class Publisher {
    @Id
    @GeneratedValue
    private Long id;
    private String name;

    protected Publisher() {
    }

    public Publisher(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
