package nl.kindpakket.ledger.api.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables of a read model, as its reset handler names them: a read model's {@code @ResetHandler} must empty every
 * table it writes (or a replay would count twice), so emptying is the one list that is always complete. The handler
 * runs on a fresh instance against a template that only remembers what it was asked to do.
 */
final class ReadModelTables {

    private static final Pattern EMPTIED = Pattern.compile("(?i)^\\s*(?:DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+(\\w+)");

    private ReadModelTables() {
    }

    static List<String> of(Class<?> readModel) {
        Remembering jdbc = new Remembering();
        new AnnotationEventHandlerAdapter(ShadowHandlers.instantiate(readModel, jdbc)).prepareReset();
        Set<String> tables = new LinkedHashSet<>();
        for (String sql : jdbc.statements) {
            Matcher emptied = EMPTIED.matcher(sql);
            if (!emptied.find()) {
                throw new IllegalStateException(readModel.getSimpleName() + "'s reset handler does more than "
                        + "empty its tables, which a rebuild cannot copy: " + sql);
            }
            tables.add(emptied.group(1).toLowerCase());
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException(readModel.getSimpleName() + " has no reset handler emptying its tables");
        }
        return List.copyOf(tables);
    }

    /** Remembers statements instead of running them; anything else it is asked fails for want of a DataSource. */
    private static final class Remembering extends JdbcTemplate {

        private final List<String> statements = new ArrayList<>();

        @Override
        public int update(String sql) {
            statements.add(sql);
            return 0;
        }

        @Override
        public int update(String sql, Object... args) {
            statements.add(sql);
            return 0;
        }

        @Override
        public void execute(String sql) {
            statements.add(sql);
        }
    }
}
