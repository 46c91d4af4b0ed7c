package dev.retort.quarkus.deployment.model;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;

/** A service as applications write them: @Inject Session in @Transactional methods. */
@ApplicationScoped
public class Library {
    @Inject
    Session session;

    @Transactional
    public Long addBook(String title) {
        Book book = new Book(title);
        session.add(book);
        session.flush();
        return book.id;
    }

    @Transactional
    public void addBooks(List<String> titles) {
        titles.forEach(title -> session.add(new Book(title)));
    }

    @Transactional
    public void addBookThenFail(String title) {
        session.add(new Book(title));
        session.flush();
        throw new IllegalStateException("failing after the flush");
    }

    @Transactional
    public void addBookAndCommit(String title) {
        session.add(new Book(title));
        session.commit();
    }

    public List<String> titles() {
        return session.query(Book.class).orderBy("title").all().stream().map(book -> book.title).toList();
    }

    public void addBookWithoutTransaction(String title) {
        session.add(new Book(title));
    }
}
