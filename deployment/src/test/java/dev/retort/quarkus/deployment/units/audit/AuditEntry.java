package dev.retort.quarkus.deployment.units.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity of the unit "audit", on the datasource "audit". */
@Entity
public class AuditEntry {
    @Id
    @GeneratedValue
    public Long id;
    public String message;

    protected AuditEntry() {
    }

    public AuditEntry(String message) {
        this.message = message;
    }
}
