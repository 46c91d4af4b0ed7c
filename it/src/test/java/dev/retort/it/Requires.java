package dev.retort.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only on databases that declare every named capability; elsewhere it is skipped with
 * {@code requires exact decimals, which SQLite lacks}. The test class names its database through
 * {@link OnDatabase}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CapabilityCondition.class)
public @interface Requires {
    Capability[] value();
}
