package dev.retort.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.quarkus.runtime.devui.RetortMigrationsJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Retort card of the Dev UI (dev mode only): a table of every unit's entities with their tables,
 * datasources and dialects, all known at build time; and a Migrations page whose JSON-RPC service
 * ({@link RetortMigrationsJsonRpcService}) shows the default unit's differences from its database and writes
 * their migration into the project's {@code src/main/resources/db/migration}.
 */
class RetortDevUiProcessor {
    static final String ENTITIES_KEY = "entities";

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card(List<RetortUnitBuildItem> units) {
        List<Map<String, String>> rows = rows(units);
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData(ENTITIES_KEY, rows, "Retort's units with their entities, tables, datasources and dialects");
        card.addPage(Page.tableDataPageBuilder("Entities")
                .icon("font-awesome-solid:table")
                .staticLabel(String.valueOf(rows.size()))
                .buildTimeDataKey(ENTITIES_KEY)
                .showColumn("unit")
                .showColumn("entity")
                .showColumn("table")
                .showColumn("datasource")
                .showColumn("dialect"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Migrations")
                .icon("font-awesome-solid:file-code")
                .componentLink("qwc-retort-migrations.js"));
        return card;
    }

    /** The Migrations page's service: the default unit's differences, and writing their migration into the project. */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem migrationsService() {
        return new JsonRPCProvidersBuildItem(RetortMigrationsJsonRpcService.class);
    }

    /** One row per entity, ordered by unit then class name. */
    static List<Map<String, String>> rows(List<RetortUnitBuildItem> units) {
        List<Map<String, String>> rows = new ArrayList<>();
        units.stream().sorted((left, right) -> left.unitName().compareTo(right.unitName())).forEach(unit ->
                unit.tableByEntity().forEach((entity, table) -> rows.add(Map.of("unit", unit.unitName(), "entity", entity,
                        "table", table, "datasource", unit.dataSourceName(), "dialect", unit.dialectName()))));
        return rows;
    }
}
