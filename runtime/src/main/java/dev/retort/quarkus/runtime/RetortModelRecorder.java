package dev.retort.quarkus.runtime;

import dev.retort.Metadata;
import dev.retort.mapping.description.MetadataDescription;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Binds each unit's model during static initialization to the mapping the build read and checked, so that
 * the start neither reads the entities' annotations nor repeats the checks, and a native image holds the
 * model ready-made. The model itself cannot be recorded as bytecode: {@link Metadata} holds reflection
 * handles and generated accessors, so the build records its description. Thin: core does the work.
 */
@Recorder
public class RetortModelRecorder {
    /** @param description the unit's mapping, from {@link Metadata#description()} of the build's checked model */
    public RuntimeValue<Metadata> checkedModel(MetadataDescription description) {
        return new RuntimeValue<>(Metadata.bind(description));
    }
}
