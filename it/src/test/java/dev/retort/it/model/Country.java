package dev.retort.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An application-assigned key. */
@Entity
public class Country {
    @Id
    public String code;
    public String name;

    protected Country() {
    }

    public Country(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
