package dev.retort.quarkus.runtime;

import java.util.List;

import dev.retort.Metadata;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Builds each unit's model during static initialization from the entity classes the build checked, so that
 * a native image holds the model ready-made and a JVM start reads each mapping once, without the checks
 * the build already ran again. Thin: core's {@link Metadata} does the work.
 */
@Recorder
public class RetortModelRecorder {
    /** @param entities the unit's entity classes, sorted by name, whose mapping the build checked together */
    public RuntimeValue<Metadata> checkedModel(List<Class<?>> entities) {
        return new RuntimeValue<>(Metadata.of(entities));
    }
}
