package dev.retort.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Retort card of the Dev UI (dev mode only): a table of every unit's entities with their tables,
 * datasources and dialects, all known at build time, so the page needs no run-time service.
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
        return card;
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
