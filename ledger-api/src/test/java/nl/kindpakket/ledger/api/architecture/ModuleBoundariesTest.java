package nl.kindpakket.ledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: ledger-api -> projections -> the core's messages. */
class ModuleBoundariesTest {

    static JavaClasses ledger;

    @BeforeAll
    static void importLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.kindpakket.ledger");
    }

    @Test
    void the_core_uses_no_spring_no_jdbc_and_no_jackson_databind() {
        noClasses().that().resideInAPackage("nl.kindpakket.ledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson.databind..")
                .check(ledger);
    }

    @Test
    void the_core_knows_nothing_of_projections_or_the_service() {
        noClasses().that().resideInAPackage("nl.kindpakket.ledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.kindpakket.ledger.projections..", "nl.kindpakket.ledger.api..")
                .check(ledger);
    }

    @Test
    void projections_depend_on_the_cores_messages_only() {
        noClasses().that().resideInAPackage("nl.kindpakket.ledger.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.kindpakket.ledger.core.entitlement..", "nl.kindpakket.ledger.core.budget..",
                        "nl.kindpakket.ledger.core.provider..", "nl.kindpakket.ledger.core.lookup..",
                        "nl.kindpakket.ledger.core.api.commands..", "nl.kindpakket.ledger.api..")
                .check(ledger);
    }
}
