package dev.retort.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reserved words as names: table {@code order}, columns {@code user}, {@code group} and {@code order}. */
@Entity
@Table(name = "order")
public class Purchase {
    @Id
    @GeneratedValue
    public Long id;
    public String user;
    public String group;
    public Integer order;

    protected Purchase() {
    }

    public Purchase(String user, String group, Integer order) {
        this.user = user;
        this.group = group;
        this.order = order;
    }
}
