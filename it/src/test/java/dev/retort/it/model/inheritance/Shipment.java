package dev.retort.it.model.inheritance;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** A joined hierarchy that also declares a discriminator column (JPA allows it): shipments, parcels, pallets. */
@Entity
@Table(name = "inh_shipments")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind")
public class Shipment {
    @Id
    @GeneratedValue
    public Long id;
    public String code;

    protected Shipment() {
    }

    public Shipment(String code) {
        this.code = code;
    }
}
