package dev.retort.it.faults;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row the fault tests write: they count these to prove nothing was half-written or lost. */
@Entity
@Table(name = "fault_payments")
public class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String account;
    public int amount;

    protected Payment() {
    }

    public Payment(String account, int amount) {
        this.account = account;
        this.amount = amount;
    }
}
