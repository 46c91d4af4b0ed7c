package dev.retort.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.retort.quarkus.RetortUnit;
import dev.retort.quarkus.runtime.UnitKeys;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Assigns the entity classes to Retort units by their {@code packages}: an entity goes to the one unit
 * whose packages contain it; one that no unit's packages contain goes to the default unit when that unit
 * has no {@code packages}, else it is not mapped; one that two units' packages contain fails the build.
 * A named unit needs {@code packages}, and at least one entity. Stateless.
 */
final class UnitAssignment {
    static final String PACKAGES = "packages";

    private UnitAssignment() {
    }

    /**
     * @param packagesByUnit each unit's {@code packages} setting, the default unit's included
     * @param entities       the entity class names
     * @return each unit's entities (units without entities left out), sorted by unit and class name
     */
    static SortedMap<String, SortedSet<String>> assign(Map<String, Optional<List<String>>> packagesByUnit, Set<String> entities) {
        checkNamedUnitsHavePackages(packagesByUnit);
        boolean defaultTakesTheRest = packagesByUnit.getOrDefault(RetortUnit.DEFAULT, Optional.empty()).isEmpty();
        SortedMap<String, SortedSet<String>> assigned = new TreeMap<>();
        for (String entity : new TreeSet<>(entities)) {
            List<String> units = unitsContaining(entity, packagesByUnit);
            if (units.size() > 1) {
                throw twoUnits(entity, units, packagesByUnit);
            }
            if (!units.isEmpty() || defaultTakesTheRest) {
                assigned.computeIfAbsent(units.isEmpty() ? RetortUnit.DEFAULT : units.get(0), unit -> new TreeSet<>()).add(entity);
            }
        }
        for (String unit : new TreeSet<>(packagesByUnit.keySet())) {
            if (!UnitKeys.isDefault(unit) && !assigned.containsKey(unit)) {
                String key = UnitKeys.key(unit, PACKAGES);
                throw new ConfigurationException(UnitKeys.describe(unit) + " has no @Entity class: none is in " + key + "="
                        + String.join(",", packagesByUnit.get(unit).get()) + ". To fix this, correct " + key
                        + " (the packages of the unit's entities, subpackages included), or remove the unit's configuration.",
                        Set.of(key));
            }
        }
        return assigned;
    }

    private static void checkNamedUnitsHavePackages(Map<String, Optional<List<String>>> packagesByUnit) {
        for (String unit : new TreeSet<>(packagesByUnit.keySet())) {
            if (!UnitKeys.isDefault(unit) && packagesByUnit.get(unit).isEmpty()) {
                String key = UnitKeys.key(unit, PACKAGES);
                throw new ConfigurationException(UnitKeys.describe(unit) + " has no " + key + ", so Retort cannot tell which "
                        + "entities it maps. To fix this, set " + key + " to the packages of its entities (comma-separated, "
                        + "subpackages included); only the default unit maps the remaining entities without it.", Set.of(key));
            }
        }
    }

    private static List<String> unitsContaining(String entity, Map<String, Optional<List<String>>> packagesByUnit) {
        List<String> units = new ArrayList<>();
        for (String unit : new TreeSet<>(packagesByUnit.keySet())) {
            List<String> packages = packagesByUnit.get(unit).orElse(List.of());
            if (packages.stream().anyMatch(name -> entity.startsWith(name.trim() + "."))) {
                units.add(unit);
            }
        }
        return units;
    }

    private static ConfigurationException twoUnits(String entity, List<String> units, Map<String, Optional<List<String>>> packagesByUnit) {
        List<String> settings = new ArrayList<>();
        for (String unit : units) {
            settings.add(UnitKeys.key(unit, PACKAGES) + "=" + String.join(",", packagesByUnit.get(unit).get()));
        }
        return new ConfigurationException("Entity " + entity + " is in the packages of more than one Retort unit ("
                + String.join(" and ", settings) + "), and an entity belongs to exactly one unit. To fix this, change "
                + "these packages so that only one of them contains " + entity + ", or move the class.",
                Set.copyOf(settings.stream().map(setting -> setting.substring(0, setting.indexOf('='))).toList()));
    }
}
