package dev.retort.quarkus;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects the Retort unit whose {@code Session}, {@code SessionFactory}, {@code Metadata} or {@code Engine}
 * is injected: {@code @Inject @RetortUnit("orders") Session orders;} for the unit configured with
 * {@code quarkus.retort."orders".*}. The default unit ({@code quarkus.retort.*}) is injected without a
 * qualifier, or with {@code @RetortUnit(RetortUnit.DEFAULT)}.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface RetortUnit {
    /** The name of the default unit, whose keys are {@code quarkus.retort.*} without a unit name. */
    String DEFAULT = "<default>";

    /** The unit's name, as in {@code quarkus.retort."name".*}. */
    String value();

    /** The qualifier as a value, for {@code Arc.container().select(Session.class, RetortUnit.Literal.of("orders"))}. Immutable. */
    final class Literal extends AnnotationLiteral<RetortUnit> implements RetortUnit {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String unitName) {
            return new Literal(unitName);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
