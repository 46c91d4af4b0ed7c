package dev.retort.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Ids from a sequence, allocated 20 at a time. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    @SequenceGenerator(name = "ticket_ids", sequenceName = "ticket_ids", allocationSize = 20)
    public Long id;
    public String subject;

    protected Ticket() {
    }

    public Ticket(String subject) {
        this.subject = subject;
    }
}
