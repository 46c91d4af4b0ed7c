package dev.retort.it.model.blog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Writes articles (one-to-many, cascading, orphans removed) and has a profile (inverse one-to-one). */
@Entity
@Table(name = "authors")
public class Author {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("title")
    public List<Article> articles = new ArrayList<>();
    @OneToOne(mappedBy = "author", cascade = CascadeType.ALL)
    public Profile profile;

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    /** Adds an article on both sides. */
    public Article write(String title) {
        Article article = new Article(title);
        article.author = this;
        articles.add(article);
        return article;
    }

    @Override
    public String toString() {
        return "Author[" + name + "]";
    }
}
