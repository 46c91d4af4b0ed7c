package dev.retort.quarkus.runtime;

import java.util.List;

import dev.retort.Metadata;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Builds each unit's model during static initialization from the entity classes the build checked, so that
 * a native image holds the model ready-made (on the JVM it is built once per start, as before). The model
 * itself cannot be recorded as bytecode: {@link Metadata} has no public constructor and holds reflection
 * handles ({@code Field}, {@code Constructor}), so the build records the classes. Thin: core does the work.
 */
@Recorder
public class RetortModelRecorder {
    /** @param entities the unit's entity classes, sorted by name, whose mapping the build checked together */
    public RuntimeValue<Metadata> checkedModel(List<Class<?>> entities) {
        return new RuntimeValue<>(Metadata.of(entities));
    }
}
