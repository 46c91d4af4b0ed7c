package dev.retort.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/** The Quarkus datasource Retort uses and the dialect it speaks, both settled at build time. */
public final class RetortDataSourceBuildItem extends SimpleBuildItem {
    private final String dataSourceName;
    private final String dialectName;

    public RetortDataSourceBuildItem(String dataSourceName, String dialectName) {
        this.dataSourceName = dataSourceName;
        this.dialectName = dialectName;
    }

    /** The datasource's name, {@code <default>} for the default datasource. */
    public String dataSourceName() {
        return dataSourceName;
    }

    /** A name {@link dev.retort.dialect.Dialects#byName} knows. */
    public String dialectName() {
        return dialectName;
    }
}
