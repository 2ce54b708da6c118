package nl.kindpakket.ledger.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kindpakket.ledger.projections.ProjectionsConfiguration;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassProjection;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class ReadModelTablesTest {

    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(\\w+)");

    @Test
    void a_read_models_tables_are_those_its_reset_handler_empties() {
        assertThat(ReadModelTables.of(MonthlyPassProjection.class)).containsExactlyInAnyOrder("monthly_pass_count",
                "monthly_pass_count_log", "monthly_year_count", "monthly_year_count_log", "monthly_entitlement_use",
                "monthly_entitlement");
    }

    @Test
    void every_table_the_read_models_migrate_belongs_to_exactly_one_read_model() throws Exception {
        Map<String, String> owners = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (Class<?> readModel : readModelClasses()) {
            String name = readModel.getAnnotation(ProcessingGroup.class).value();
            ReadModelTables.of(readModel).forEach(table -> {
                if (owners.put(table, name) != null) {
                    shared.add(table);
                }
            });
        }

        assertThat(shared).isEmpty();
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(tablesInProjectionMigrations());
        assertThat(new TreeSet<>(owners.values())).containsExactlyInAnyOrderElementsOf(ReadModels.ALL);
    }

    private static List<Class<?>> readModelClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(ProjectionsConfiguration.class.getPackageName())) {
            classes.add(Class.forName(candidate.getBeanClassName()));
        }
        return classes;
    }

    /** The projections module's own migrations, wherever it is on the class path. */
    private static Set<String> tablesInProjectionMigrations() throws IOException {
        String module = ProjectionsConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String location = module.endsWith(".jar") ? "jar:" + module + "!/" : module;
        Set<String> tables = new TreeSet<>();
        for (Resource migration : new PathMatchingResourcePatternResolver()
                .getResources(location + "db/migration/common/*.sql")) {
            Matcher created = CREATED.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase());
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }
}
