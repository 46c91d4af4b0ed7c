package dev.retort.quarkus.deployment.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.Session;
import dev.retort.quarkus.RetortUnit;
import dev.retort.quarkus.deployment.units.audit.AuditEntry;
import dev.retort.quarkus.deployment.units.orders.Purchase;

/** Writes to two units in one JTA transaction: the default unit's session and the unit "audit"'s. */
@ApplicationScoped
public class Checkout {
    @Inject
    Session orders;
    @Inject
    @RetortUnit("audit")
    Session audit;

    @Transactional
    public void buy(String item) {
        orders.add(new Purchase(item));
        audit.add(new AuditEntry("bought " + item));
    }

    @Transactional
    public void buyThenFail(String item) {
        buy(item);
        orders.flush();
        audit.flush();
        throw new IllegalStateException("payment refused");
    }
}
