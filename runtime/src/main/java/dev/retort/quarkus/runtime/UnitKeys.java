package dev.retort.quarkus.runtime;

import dev.retort.quarkus.RetortUnit;

/**
 * Spells a unit's configuration keys for messages: {@code quarkus.retort.datasource} for the default
 * unit, {@code quarkus.retort."orders".datasource} for a named one. Stateless.
 */
public final class UnitKeys {
    private UnitKeys() {
    }

    public static boolean isDefault(String unitName) {
        return RetortUnit.DEFAULT.equals(unitName);
    }

    /** The full key of {@code property} (for example {@code log.sql}) in the unit's configuration. */
    public static String key(String unitName, String property) {
        return isDefault(unitName) ? "quarkus.retort." + property : "quarkus.retort.\"" + unitName + "\"." + property;
    }

    /** How messages name the unit: "the default Retort unit" or "Retort unit 'orders'". */
    public static String describe(String unitName) {
        return isDefault(unitName) ? "the default Retort unit" : "Retort unit '" + unitName + "'";
    }
}
