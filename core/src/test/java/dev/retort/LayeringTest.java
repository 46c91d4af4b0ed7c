package dev.retort;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of DESIGN.md, checked on core's compiled main classes: data flows down, the SQL layer stands
 * alone, and dialects know nothing of each other, so a new database is one new package.
 */
class LayeringTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.retort");
    }

    @Test
    void lowerLayersNeverUseTheSession() {
        noClasses().that().resideInAnyPackage("dev.retort.sql..", "dev.retort.dialect..", "dev.retort.schema..",
                        "dev.retort.mapping..")
                .should().dependOnClassesThat().resideInAPackage("dev.retort.session..")
                .check(core);
    }

    /** The container integrations (dev.retort.jta, dev.retort.cdi) and sharding sit above the session, as the API does. */
    @Test
    void onlyTheApiTheIntegrationsAndTheSessionItselfUseTheSession() {
        noClasses().that().resideOutsideOfPackages("dev.retort", "dev.retort.session..", "dev.retort.jta..",
                        "dev.retort.cdi..", "dev.retort.shard..")
                .should().dependOnClassesThat().resideInAPackage("dev.retort.session..")
                .check(core);
    }

    /**
     * The session's rooms (see dev.retort.session's package-info) are internal: outside the session only its
     * owner's package is reached (SessionImpl and the container hooks), never a room directly.
     */
    @Test
    void theSessionsRoomsAreReachedOnlyThroughTheSession() {
        noClasses().that().resideOutsideOfPackage("dev.retort.session..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.session.persister..",
                        "dev.retort.session.state..", "dev.retort.session.load..", "dev.retort.session.flush..",
                        "dev.retort.session.query..")
                .check(core);
    }

    /** How an entity class maps to rows knows no session: it is the bottom room. */
    @Test
    void thePersisterUsesNothingElseOfTheSession() {
        noClasses().that().resideInAPackage("dev.retort.session.persister..")
                .should().dependOnClassesThat(resideInAPackage("dev.retort.session..")
                        .and(not(resideInAPackage("dev.retort.session.persister.."))))
                .check(core);
    }

    /** The persistence context is below loading, flushing and querying: it never calls up into them. */
    @Test
    void thePersistenceContextKnowsNoLoadFlushOrQuery() {
        noClasses().that().resideInAPackage("dev.retort.session.state..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.session.load..",
                        "dev.retort.session.flush..", "dev.retort.session.query..")
                .check(core);
    }

    /** Loading and flushing are separate rooms: neither uses the other, and neither uses the query builders. */
    @Test
    void loadingAndFlushingDoNotUseEachOtherOrTheQueries() {
        noClasses().that().resideInAPackage("dev.retort.session.load..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.session.flush..", "dev.retort.session.query..")
                .check(core);
        noClasses().that().resideInAPackage("dev.retort.session.flush..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.session.load..", "dev.retort.session.query..")
                .check(core);
    }

    /** Sharding routes between ordinary sessions: the session never knows it is one shard of several. */
    @Test
    void theSessionKnowsNothingOfSharding() {
        noClasses().that().resideInAnyPackage("dev.retort", "dev.retort.session..")
                .should().dependOnClassesThat().resideInAPackage("dev.retort.shard..")
                .check(core);
    }

    /** The one starter every container calls knows none of them: each container adapts to it, not the reverse. */
    @Test
    void theContainerStarterKnowsNoContainer() {
        noClasses().that().resideInAPackage("dev.retort.boot..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.cdi..", "dev.retort.session..", "jakarta.enterprise..",
                        "io.quarkus..")
                .check(core);
    }

    /** Micrometer and OpenTelemetry are optional: only dev.retort.observe names them, behind a class-path check. */
    @Test
    void onlyTheObservePackageUsesTheOptionalObservabilityLibraries() {
        noClasses().that().resideOutsideOfPackage("dev.retort.observe..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..")
                .check(core);
    }

    @Test
    void theSqlTreeDependsOnNothingElseOfRetort() {
        noClasses().that().resideInAPackage("dev.retort.sql..")
                .should().dependOnClassesThat(resideInAPackage("dev.retort..").and(not(resideInAPackage("dev.retort.sql.."))))
                .check(core);
    }

    @Test
    void theSqlTreeAndTheDialectsKnowNothingOfTheMapping() {
        noClasses().that().resideInAnyPackage("dev.retort.sql..", "dev.retort.dialect..")
                .should().dependOnClassesThat().resideInAPackage("dev.retort.mapping..")
                .check(core);
    }

    @Test
    void dialectsDoNotUseEachOther() {
        slices().matching("dev.retort.dialect.(*)..").should().notDependOnEachOther().check(core);
    }
}
