package nl.kindpakket.ledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.api.security.NotOwnProvider;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** The API document lists every rule of the core with the status the web layer answers it with. */
class ProblemCatalogueTest {

    private static final Map<LedgerRefusal.Kind, Integer> STATUS = Map.of(LedgerRefusal.Kind.INVALID, 400,
            LedgerRefusal.Kind.NOT_FOUND, 404, LedgerRefusal.Kind.CONFLICT, 409, LedgerRefusal.Kind.RULE, 422);

    @Test
    void every_refusal_of_the_core_is_in_the_catalogue_with_its_status() throws Exception {
        Map<String, Integer> catalogued = ProblemCatalogue.ALL.stream()
                .collect(Collectors.toMap(ProblemCatalogue.ProblemType::rule, ProblemCatalogue.ProblemType::status));
        Map<String, Integer> refusals = new HashMap<>();
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(LedgerRefusal.class));
        for (BeanDefinition found : scan.findCandidateComponents("nl.kindpakket.ledger.core")) {
            LedgerRefusal refusal = instance(Class.forName(found.getBeanClassName()));
            refusals.put(refusal.type(), STATUS.get(refusal.kind()));
        }

        assertThat(refusals).hasSizeGreaterThan(25);
        assertThat(catalogued).containsAllEntriesOf(refusals);
        assertThat(catalogued).containsEntry(NotOwnProvider.TYPE, 403);
    }

    @Test
    void no_problem_type_is_listed_twice() {
        assertThat(ProblemCatalogue.ALL.stream().map(ProblemCatalogue.ProblemType::rule).distinct())
                .hasSameSizeAs(ProblemCatalogue.ALL);
    }

    /** A refusal made with placeholder arguments: only its type and kind are read. */
    private static LedgerRefusal instance(Class<?> type) throws Exception {
        Constructor<?> constructor = type.getConstructors()[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] parameters = constructor.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = placeholder(parameters[i]);
        }
        return (LedgerRefusal) constructor.newInstance(arguments);
    }

    private static Object placeholder(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == long.class || type == Long.class) {
            return 0L;
        }
        if (type == int.class || type == Integer.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2020, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ZERO;
        }
        return null;
    }
}
