package dev.retort.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Section 3.1 of the tutorial: the model. */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue
    Long id;
    String name;
    Integer age;

    protected User() {
    }

    public User(String name, Integer age) {
        this.name = name;
        this.age = age;
    }

    @Override
    public String toString() {
        return "<User(name=" + name + ", age=" + age + ")>";
    }
}
