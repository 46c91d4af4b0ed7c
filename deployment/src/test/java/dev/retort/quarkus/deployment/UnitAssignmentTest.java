package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Which unit maps which entity, decided by the units' packages. */
class UnitAssignmentTest {
    private static final Set<String> ENTITIES = Set.of("shop.Order", "shop.audit.Entry", "legacy.Customer");

    @Test
    void theDefaultUnitWithoutPackagesTakesWhatNoNamedUnitTakes() {
        var assigned = UnitAssignment.assign(Map.of("<default>", Optional.empty(), "audit", Optional.of(List.of("shop.audit"))),
                ENTITIES);
        assertThat(assigned).containsExactly(entry("<default>", new TreeSet<>(Set.of("legacy.Customer", "shop.Order"))),
                entry("audit", new TreeSet<>(Set.of("shop.audit.Entry"))));
    }

    @Test
    void anEntityInNoUnitsPackagesIsNotMapped() {
        var assigned = UnitAssignment.assign(Map.of("<default>", Optional.of(List.of("legacy")),
                "audit", Optional.of(List.of(" shop.audit"))), ENTITIES);
        assertThat(assigned).containsExactly(entry("<default>", new TreeSet<>(Set.of("legacy.Customer"))),
                entry("audit", new TreeSet<>(Set.of("shop.audit.Entry"))));
    }

    @Test
    void anEntityInTwoUnitsPackagesFailsNamingTheClassAndBothKeys() {
        assertThatThrownBy(() -> UnitAssignment.assign(Map.of("<default>", Optional.of(List.of("shop", "legacy")),
                "audit", Optional.of(List.of("shop.audit"))), ENTITIES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Entity shop.audit.Entry is in the packages of more than one Retort unit "
                        + "(quarkus.retort.packages=shop,legacy and quarkus.retort.\"audit\".packages=shop.audit), and an entity "
                        + "belongs to exactly one unit. To fix this, change these packages so that only one of them contains "
                        + "shop.audit.Entry, or move the class.");
    }

    @Test
    void aNamedUnitWithoutPackagesFails() {
        assertThatThrownBy(() -> UnitAssignment.assign(Map.of("<default>", Optional.empty(), "audit", Optional.empty()), ENTITIES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort unit 'audit' has no quarkus.retort.\"audit\".packages, so Retort cannot tell which entities "
                        + "it maps. To fix this, set quarkus.retort.\"audit\".packages to the packages of its entities "
                        + "(comma-separated, subpackages included); only the default unit maps the remaining entities without it.");
    }

    @Test
    void aNamedUnitWithoutEntitiesFails() {
        assertThatThrownBy(() -> UnitAssignment.assign(Map.of("<default>", Optional.empty(), "audit", Optional.of(List.of("audit"))),
                ENTITIES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort unit 'audit' has no @Entity class: none is in quarkus.retort.\"audit\".packages=audit. To fix "
                        + "this, correct quarkus.retort.\"audit\".packages (the packages of the unit's entities, subpackages "
                        + "included), or remove the unit's configuration.");
    }
}
