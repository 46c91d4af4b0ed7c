package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** No @DiscriminatorValue: its rows carry the entity name, "Pallet". */
@Entity
@Table(name = "inh_pallets")
public class Pallet extends Shipment {
    public int boxes;

    protected Pallet() {
    }

    public Pallet(String code, int boxes) {
        super(code);
        this.boxes = boxes;
    }
}
