package dev.retort.it.model.blog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A tree: a self-referencing many-to-one and its inverse collection (new children cascade, no orphan removal). */
@Entity
@Table(name = "categories")
public class Category {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @ManyToOne
    public Category parent;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.PERSIST)
    @OrderBy("name")
    public List<Category> children = new ArrayList<>();

    protected Category() {
    }

    public Category(String name) {
        this.name = name;
    }

    public Category child(String name) {
        Category child = new Category(name);
        child.parent = this;
        children.add(child);
        return child;
    }

    @Override
    public String toString() {
        return "Category[" + name + "]";
    }
}
