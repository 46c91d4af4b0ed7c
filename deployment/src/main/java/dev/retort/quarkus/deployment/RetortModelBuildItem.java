package dev.retort.quarkus.deployment;

import dev.retort.Metadata;
import io.quarkus.builder.item.MultiBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** One unit's model as static initialization builds it, for the recorder of the unit's beans. */
public final class RetortModelBuildItem extends MultiBuildItem {
    private final String unitName;
    private final RuntimeValue<Metadata> model;

    public RetortModelBuildItem(String unitName, RuntimeValue<Metadata> model) {
        this.unitName = unitName;
        this.model = model;
    }

    public String unitName() {
        return unitName;
    }

    public RuntimeValue<Metadata> model() {
        return model;
    }
}
