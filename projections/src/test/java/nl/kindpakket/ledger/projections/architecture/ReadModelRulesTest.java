package nl.kindpakket.ledger.projections.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.table.Table;
import org.junit.jupiter.api.Test;

class ReadModelRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.kindpakket.ledger.projections");

    @Test
    void read_models_know_the_core_only_by_its_messages() {
        noClasses().that().resideInAPackage("nl.kindpakket.ledger.projections..")
                .should().dependOnClassesThat(resideInAPackage("nl.kindpakket.ledger.core..")
                        .and(not(resideInAPackage("nl.kindpakket.ledger.core.api.."))))
                .check(classes);
    }

    @Test
    void read_models_are_plain_folds_that_know_nothing_of_the_framework_that_delivers_events() {
        noClasses().that().resideInAPackage("nl.kindpakket.ledger.projections..")
                .should().dependOnClassesThat(resideInAPackage("org.axonframework.."))
                .check(classes);
    }

    @Test
    void every_read_model_has_a_name_of_the_list_and_tables_no_other_read_model_writes() {
        List<ReadModel> readModels = ReadModels.all();

        assertThat(readModels).map(ReadModel::name).containsExactlyElementsOf(ReadModels.ALL);
        List<String> tables = ReadModels.fold().tables().stream().map(Table::name).toList();
        assertThat(tables).doesNotHaveDuplicates().hasSizeGreaterThan(readModels.size());
    }
}
