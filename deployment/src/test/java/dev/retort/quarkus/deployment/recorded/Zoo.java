package dev.retort.quarkus.deployment.recorded;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;

/** Writes and reads every kind of attribute the recorded mapping describes. */
@ApplicationScoped
public class Zoo {
    @Inject
    Session session;

    @Transactional
    public Long hire(String keeperName, String badge, String lionName, int roars, String enclosureLabel) {
        Keeper keeper = new Keeper();
        keeper.name = keeperName;
        keeper.badge = badge;
        keeper.shift = Shift.NIGHT;
        Enclosure enclosure = new Enclosure();
        enclosure.label = enclosureLabel;
        Lion lion = new Lion();
        lion.name = lionName;
        lion.roars = roars;
        lion.keeper = keeper;
        lion.enclosures.add(enclosure);
        session.addAll(keeper, enclosure, lion);
        session.flush();
        return keeper.id;
    }

    /** "name badge shift vversion: animal (class, roars, enclosures), ...", read in a new transaction. */
    @Transactional
    public String describe(Long keeperId) {
        Keeper keeper = session.get(Keeper.class, keeperId);
        return keeper.name + " " + keeper.badge + " " + keeper.shift + " v" + keeper.version + ": "
                + keeper.animals.stream().map(animal -> animal.name + " (" + animal.getClass().getSimpleName() + ", "
                        + ((Lion) animal).roars + " roars, " + animal.enclosures.stream().map(enclosure -> enclosure.label)
                        .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", "));
    }
}
