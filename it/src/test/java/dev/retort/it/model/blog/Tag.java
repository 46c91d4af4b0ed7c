package dev.retort.it.model.blog;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** The inverse side of Article.tags. */
@Entity
@Table(name = "tags")
public class Tag {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToMany(mappedBy = "tags")
    public Set<Article> articles = new LinkedHashSet<>();

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Tag[" + name + "]";
    }
}
