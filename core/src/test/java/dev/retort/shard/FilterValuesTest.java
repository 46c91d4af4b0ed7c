package dev.retort.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

import dev.retort.Attr;
import dev.retort.Attribute;
import dev.retort.Predicate;
import dev.retort.mapping.EntityMappings;
import dev.retort.sql.Expression;

/** What a query's conditions allow one column to be, as the query chooser reads it; no database needed. */
class FilterValuesTest {
    enum Region { EUROPE, AMERICA, ASIA }

    @Entity
    @Table(name = "stores")
    static class Store {
        @Id
        Long id;
        @Enumerated(EnumType.STRING)
        Region region;
        String name;

        Store() {
        }
    }

    private static final Attribute<Store, Object> REGION = Attr.of(Store.class, "region");
    private static final Attribute<Store, Object> NAME = Attr.of(Store.class, "name");

    private static Optional<Set<Object>> regions(Predicate... conditions) {
        FilterValues values = new FilterValues((Expression.ColumnRef) REGION.node(),
                EntityMappings.of(Store.class).requireAttribute("region"));
        return values.allowedBy(java.util.Arrays.stream(conditions).map(Predicate::node).toList());
    }

    @Test
    void anEqualityAllowsItsValueAsTheFieldHoldsIt() {
        assertThat(regions(REGION.eq(Region.ASIA))).contains(Set.of(Region.ASIA));
    }

    @Test
    void inAllowsItsValues() {
        assertThat(regions(REGION.in(List.of(Region.ASIA, Region.EUROPE)))).contains(Set.of(Region.ASIA, Region.EUROPE));
    }

    @Test
    void conditionsTogetherNarrowTheValues() {
        assertThat(regions(REGION.in(List.of(Region.ASIA, Region.EUROPE)), NAME.eq("Main"), REGION.eq(Region.EUROPE)))
                .contains(Set.of(Region.EUROPE));
        assertThat(regions(REGION.eq(Region.ASIA).and(REGION.eq(Region.EUROPE)))).contains(Set.of());
    }

    @Test
    void orJoinsTheValuesWhenEveryBranchNamesTheColumn() {
        assertThat(regions(REGION.eq(Region.ASIA).or(REGION.eq(Region.AMERICA)))).contains(Set.of(Region.ASIA, Region.AMERICA));
        assertThat(regions(REGION.eq(Region.ASIA).or(NAME.eq("Main")))).isEmpty();
    }

    @Test
    void conditionsThatDoNotPinTheColumnLeaveItUnrestricted() {
        assertThat(regions()).isEmpty();
        assertThat(regions(NAME.eq("Main"))).isEmpty();
        assertThat(regions(REGION.ne(Region.ASIA))).isEmpty();
        assertThat(regions(REGION.eq(Region.ASIA).not())).isEmpty();
        assertThat(regions(REGION.in(List.of(Region.ASIA)).not())).isEmpty();
    }
}
