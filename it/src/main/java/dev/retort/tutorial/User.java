package dev.retort.tutorial;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Section 3.1 of the tutorial: the model; section 4.1 adds its posts (the other side of Post.author). */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue
    Long id;
    String name;
    Integer age;
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL)
    @OrderBy("id")
    List<Post> posts = new ArrayList<>();

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
