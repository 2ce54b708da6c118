package nl.kindpakket.ledger.api.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The read models that can be rebuilt: their processing group, their handler classes and their tables. */
@Component
class ReadModelCatalog {

    static final String ALL = "all";

    private final Map<String, List<Class<?>>> handlers = new LinkedHashMap<>();
    private final Map<String, List<String>> tables = new LinkedHashMap<>();

    ReadModelCatalog(ApplicationContext context) {
        ReadModels.ALL.forEach(name -> handlers.put(name, new ArrayList<>()));
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            Class<?> type = ClassUtils.getUserClass(bean);
            // only the projections module's read models are rebuilt; other handlers may join a group (tests do)
            if (!type.getPackageName().startsWith(ReadModels.class.getPackageName())) {
                return;
            }
            List<Class<?>> group = handlers.get(type.getAnnotation(ProcessingGroup.class).value());
            if (group != null) {
                group.add(type);
            }
        });
        handlers.forEach((name, types) -> {
            if (types.isEmpty()) {
                throw new IllegalStateException("no event handler in read model " + name);
            }
            tables.put(name, types.stream().flatMap(type -> ReadModelTables.of(type).stream()).distinct().toList());
        });
    }

    List<String> names() {
        return List.copyOf(handlers.keySet());
    }

    /** The read models a path names: one by its processing group, or all of them; empty for an unknown name. */
    Optional<List<String>> resolve(String name) {
        if (ALL.equals(name)) {
            return Optional.of(names());
        }
        return handlers.containsKey(name) ? Optional.of(List.of(name)) : Optional.empty();
    }

    List<String> tables(Collection<String> readModels) {
        return readModels.stream().flatMap(name -> tables.get(name).stream()).toList();
    }

    /** New handler instances of the read models, writing through the given template. */
    List<Object> handlersOn(Collection<String> readModels, JdbcTemplate jdbc) {
        return readModels.stream().flatMap(name -> handlers.get(name).stream())
                .map(type -> ShadowHandlers.instantiate(type, jdbc))
                .toList();
    }
}
