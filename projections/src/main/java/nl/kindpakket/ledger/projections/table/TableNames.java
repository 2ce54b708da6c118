package nl.kindpakket.ledger.projections.table;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a writer puts a read model's tables: the live tables, or new ones of the same names in another schema, which a
 * rebuild fills before it switches them in and a reconciliation compares with the live ones.
 */
public final class TableNames {

    public static final TableNames LIVE = new TableNames(null);

    private final String schema;
    /** The qualified names, made once: a rebuild asks for a table's name with every row it appends. */
    private final Map<String, String> qualified = new ConcurrentHashMap<>();

    private TableNames(String schema) {
        this.schema = schema;
    }

    public static TableNames inSchema(String schema) {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a schema name is a lower-case SQL name: " + schema);
        }
        return new TableNames(schema);
    }

    /** The schema, or null for the live tables (the connection's own schema). */
    public String schema() {
        return schema;
    }

    public String of(Table table) {
        return of(table.name());
    }

    public String of(String table) {
        if (schema == null) {
            return table;
        }
        // get first: a capturing lambda for computeIfAbsent would be made anew with every row
        String name = qualified.get(table);
        return name != null ? name : qualified.computeIfAbsent(table, unqualified -> schema + "." + unqualified);
    }

    @Override
    public String toString() {
        return schema == null ? "live tables" : "tables in schema " + schema;
    }
}
