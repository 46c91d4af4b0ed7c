package dev.retort.jdbc.translate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The translator's structure, checked on the proxy's compiled main classes: each source dialect's rules stand
 * alone, the targets know no rules, and the JDBC wrappers see only the public face of
 * {@code dev.retort.jdbc.translate}, so a new source dialect or target is one new package or class.
 */
class TranslatorLayeringTest {

    private static final String MYSQL = "dev.retort.jdbc.translate.mysql..";
    private static final String POSTGRES = "dev.retort.jdbc.translate.postgres..";
    private static JavaClasses proxy;

    @BeforeAll
    static void importProxy() {
        proxy = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.retort.jdbc");
    }

    @Test
    void theMySqlRulesDoNotUseThePostgresRules() {
        noClasses().that().resideInAPackage(MYSQL).should().dependOnClassesThat().resideInAPackage(POSTGRES)
                .check(proxy);
    }

    @Test
    void thePostgresRulesDoNotUseTheMySqlRules() {
        noClasses().that().resideInAPackage(POSTGRES).should().dependOnClassesThat().resideInAPackage(MYSQL)
                .check(proxy);
    }

    @Test
    void theTargetsUseNeitherSourceDialect() {
        noClasses().that().resideInAPackage("dev.retort.jdbc.translate.target..").should().dependOnClassesThat()
                .resideInAnyPackage(MYSQL, POSTGRES).check(proxy);
    }

    @Test
    void theWrappersUseOnlyTheTranslatorsPublicFace() {
        noClasses().that().resideInAPackage("dev.retort.jdbc.wrapper..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.retort.jdbc.translate.*..").check(proxy);
    }

    /** The engine both dialects share knows neither of them: it calls their rules through its own hooks. */
    @Test
    void theEngineUsesNeitherSourceDialect() {
        noClasses().that().resideInAPackage("dev.retort.jdbc.translate.rewrite..").should().dependOnClassesThat()
                .resideInAnyPackage(MYSQL, POSTGRES).check(proxy);
    }
}
