package dev.retort.it.model.blog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Belongs to an author (many-to-one), has comments (one-to-many) and tags (owning many-to-many). */
@Entity
@Table(name = "articles")
public class Article {
    @Id
    @GeneratedValue
    public Long id;
    public String title;
    @ManyToOne
    @JoinColumn(name = "author_id")
    public Author author;
    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL)
    @OrderBy("body DESC")
    public List<Comment> comments = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    protected Article() {
    }

    public Article(String title) {
        this.title = title;
    }

    public Comment comment(String body) {
        Comment comment = new Comment(body);
        comment.article = this;
        comments.add(comment);
        return comment;
    }

    @Override
    public String toString() {
        return "Article[" + title + "]";
    }
}
