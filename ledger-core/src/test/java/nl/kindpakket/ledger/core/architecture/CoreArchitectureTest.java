package nl.kindpakket.ledger.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.kindpakket.ledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule the_core_knows_no_spring = noClasses()
            .that().resideInAPackage("nl.kindpakket.ledger.core..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_core_knows_no_sql = noClasses()
            .that().resideInAPackage("nl.kindpakket.ledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule the_core_does_not_serialise_with_jackson = noClasses()
            .that().resideInAPackage("nl.kindpakket.ledger.core..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..");

    @ArchTest
    static final ArchRule the_messages_know_no_aggregate = noClasses()
            .that().resideInAnyPackage("nl.kindpakket.ledger.core.api..", "nl.kindpakket.ledger.core.lookup..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.kindpakket.ledger.core.entitlement..",
                    "nl.kindpakket.ledger.core.budget..", "nl.kindpakket.ledger.core.provider..");

    @ArchTest
    static final ArchRule an_aggregate_reaches_others_only_through_lookups = noClasses()
            .that().resideInAPackage("nl.kindpakket.ledger.core.entitlement..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.kindpakket.ledger.core.budget..",
                    "nl.kindpakket.ledger.core.provider..");
}
