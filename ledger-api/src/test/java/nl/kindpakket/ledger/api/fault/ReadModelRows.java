package nl.kindpakket.ledger.api.fault;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every read model table in a schema, as text, sorted: equal maps are equal figures. */
final class ReadModelRows {

    /** Not the read models: the store itself, its tokens, the jobs and the schema's history. */
    private static final List<String> NOT_REBUILT = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "flyway_schema_history", "read_model_rebuild", "read_model_reconciliation");

    private ReadModelRows() {
    }

    static Map<String, List<String>> of(JdbcTemplate jdbc, String schema) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?",
                String.class, schema)) {
            if (!NOT_REBUILT.contains(table)) {
                tables.put(table, jdbc.queryForList("select * from " + table).stream().map(Object::toString).sorted().toList());
            }
        }
        return tables;
    }
}
