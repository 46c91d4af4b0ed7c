package dev.retort.it.model.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_parcels")
@DiscriminatorValue("parcel")
public class Parcel extends Shipment {
    public int grams;

    protected Parcel() {
    }

    public Parcel(String code, int grams) {
        super(code);
        this.grams = grams;
    }
}
