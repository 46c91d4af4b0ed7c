package dev.retort.quarkus.deployment.recorded;

/** When a keeper works, stored by name. */
public enum Shift {
    DAY, NIGHT
}
