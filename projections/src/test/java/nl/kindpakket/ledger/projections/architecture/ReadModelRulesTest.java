package nl.kindpakket.ledger.projections.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewProjection;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassProjection;
import nl.kindpakket.ledger.projections.overhead.OverheadProjection;
import nl.kindpakket.ledger.projections.provider.ProviderStatementProjection;
import nl.kindpakket.ledger.projections.spending.SpendingLineProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

class ReadModelRulesTest {

    private static final List<Class<?>> PROJECTIONS = List.of(MonthlyPassProjection.class,
            SpendingLineProjection.class, OverheadProjection.class, ProviderStatementProjection.class,
            EntitlementViewProjection.class);

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
    void each_read_model_is_a_component_in_its_own_processing_group_with_a_reset_handler() {
        assertThat(PROJECTIONS).map(type -> type.getAnnotation(ProcessingGroup.class).value())
                .containsExactlyElementsOf(ReadModels.ALL);
        for (Class<?> projection : PROJECTIONS) {
            assertThat(projection).hasAnnotation(Component.class);
            assertThat(methodsWith(projection, ResetHandler.class)).hasSize(1);
            assertThat(methodsWith(projection, EventHandler.class)).isNotEmpty();
        }
    }

    private static List<Method> methodsWith(Class<?> type, Class<? extends Annotation> marker) {
        return Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(marker)).toList();
    }
}
