package nl.kindpakket.ledger.projections.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import nl.kindpakket.ledger.projections.table.Table;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares each live table with a fresh fold of the same events in other tables, row by row, in the database. A
 * table with a key is compared row for row by key; a log of changes, which has none, as a multiset of rows.
 */
public final class TableComparison {

    /** One row that differs: its key (or, in a log, the row itself) and the values on each side; null where absent. */
    public record Difference(String table, Map<String, Object> key, Map<String, Object> live,
                             Map<String, Object> replay) {
    }

    /** The first differences of one table, and how many there are in all. */
    public record Result(String table, long differingRows, List<Difference> first) {
    }

    private final JdbcTemplate jdbc;

    public TableComparison(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result compare(Table table, TableNames replay, int limit) {
        return table.keyColumns().isEmpty() ? compareLog(table, replay, limit) : compareByKey(table, replay, limit);
    }

    private Result compareByKey(Table table, TableNames replay, int limit) {
        List<String> keys = table.keyColumns();
        List<String> values = table.columns().subList(keys.size(), table.columns().size());
        StringJoiner select = new StringJoiner(", ");
        keys.forEach(key -> select.add("COALESCE(l." + key + ", r." + key + ")"));
        select.add("CASE WHEN l." + keys.get(0) + " IS NULL THEN 0 ELSE 1 END");
        select.add("CASE WHEN r." + keys.get(0) + " IS NULL THEN 0 ELSE 1 END");
        values.forEach(value -> select.add("l." + value));
        values.forEach(value -> select.add("r." + value));
        StringJoiner on = new StringJoiner(" AND ");
        keys.forEach(key -> on.add("l." + key + " = r." + key));
        StringJoiner differs = new StringJoiner(" OR ");
        differs.add("l." + keys.get(0) + " IS NULL").add("r." + keys.get(0) + " IS NULL");
        values.forEach(value -> differs.add("l." + value + " IS DISTINCT FROM r." + value));
        String sql = "SELECT " + select + " FROM " + table.name() + " l FULL OUTER JOIN " + replay.of(table)
                + " r ON " + on + " WHERE " + differs + " ORDER BY " + String.join(", ", keyPositions(keys.size()));
        List<Difference> first = new ArrayList<>();
        long[] count = new long[1];
        jdbc.query(sql, row -> {
            if (count[0]++ < limit) {
                Map<String, Object> key = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    key.put(keys.get(i), row.getObject(i + 1));
                }
                boolean inLive = row.getInt(keys.size() + 1) == 1;
                boolean inReplay = row.getInt(keys.size() + 2) == 1;
                int from = keys.size() + 3;
                first.add(new Difference(table.name(), key, inLive ? values(row, values, from) : null,
                        inReplay ? values(row, values, from + values.size()) : null));
            }
        });
        return new Result(table.name(), count[0], first);
    }

    private Result compareLog(Table table, TableNames replay, int limit) {
        List<String> columns = table.columns();
        String all = String.join(", ", columns);
        StringJoiner select = new StringJoiner(", ");
        columns.forEach(column -> select.add("COALESCE(l." + column + ", r." + column + ")"));
        StringJoiner on = new StringJoiner(" AND ");
        columns.forEach(column -> on.add("l." + column + " = r." + column));
        String sql = "SELECT " + select + ", COALESCE(l.n, 0), COALESCE(r.n, 0) FROM "
                + "(SELECT " + all + ", COUNT(*) AS n FROM " + table.name() + " GROUP BY " + all + ") l FULL OUTER JOIN "
                + "(SELECT " + all + ", COUNT(*) AS n FROM " + replay.of(table) + " GROUP BY " + all + ") r ON " + on
                + " WHERE l.n IS NULL OR r.n IS NULL OR l.n <> r.n ORDER BY "
                + String.join(", ", keyPositions(columns.size()));
        List<Difference> first = new ArrayList<>();
        long[] count = new long[1];
        jdbc.query(sql, row -> {
            long live = row.getLong(columns.size() + 1);
            long replayed = row.getLong(columns.size() + 2);
            count[0] += Math.abs(live - replayed);
            if (first.size() < limit) {
                Map<String, Object> values = values(row, columns, 1);
                first.add(new Difference(table.name(), values, Map.of("rows", live), Map.of("rows", replayed)));
            }
        });
        return new Result(table.name(), count[0], first);
    }

    private static Map<String, Object> values(java.sql.ResultSet row, List<String> columns, int from)
            throws java.sql.SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), row.getObject(from + i));
        }
        return values;
    }

    private static List<String> keyPositions(int count) {
        List<String> positions = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            positions.add(String.valueOf(i));
        }
        return positions;
    }
}
