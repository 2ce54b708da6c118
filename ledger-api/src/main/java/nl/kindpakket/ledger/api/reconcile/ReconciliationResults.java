package nl.kindpakket.ledger.api.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.projections.store.TableComparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reconciliations as the database keeps them: every instance shows them, and the last result outlives a restart. */
@Component
class ReconciliationResults {

    private static final String COLUMNS = "reconciliation_id, state, events_total, events_done, position, "
            + "differing_rows, differences, requested_at, finished_at, error";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReconciliationResults(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Result(String id, String state, long eventsTotal, long eventsDone, Long position, Long differingRows,
                  List<TableComparison.Difference> differences, Instant requestedAt, Instant finishedAt, String error) {
    }

    void started(String id, Instant now) {
        jdbc.update("INSERT INTO read_model_reconciliation (reconciliation_id, state, requested_at) VALUES (?, ?, ?)",
                id, "RUNNING", at(now));
    }

    void folding(String id, long eventsTotal) {
        jdbc.update("UPDATE read_model_reconciliation SET events_total = ? WHERE reconciliation_id = ?", eventsTotal, id);
    }

    void progress(String id, long eventsDone) {
        jdbc.update("UPDATE read_model_reconciliation SET events_done = ? WHERE reconciliation_id = ?", eventsDone, id);
    }

    void compared(String id, long eventsDone, long position, long differingRows, List<TableComparison.Difference> first,
                  Instant now) {
        jdbc.update("UPDATE read_model_reconciliation SET state = ?, events_done = ?, position = ?, differing_rows = ?, "
                        + "differences = ?, finished_at = ? WHERE reconciliation_id = ?",
                differingRows == 0 ? "EQUAL" : "DIFFERENT", eventsDone, position, differingRows, write(first), at(now), id);
    }

    void failed(String id, long eventsDone, String error, Instant now) {
        jdbc.update("UPDATE read_model_reconciliation SET state = 'FAILED', events_done = ?, error = ?, finished_at = ? "
                + "WHERE reconciliation_id = ?", eventsDone, error == null || error.length() <= 1000 ? error
                : error.substring(0, 997) + "...", at(now), id);
    }

    Optional<Result> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_reconciliation WHERE reconciliation_id = ?",
                this::result, id).stream().findFirst();
    }

    List<Result> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_reconciliation ORDER BY requested_at DESC",
                this::result).stream().limit(limit).toList();
    }

    /** The last reconciliation that compared the tables to the end (equal or not). */
    Optional<Result> lastCompared() {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_reconciliation WHERE state IN ('EQUAL', 'DIFFERENT') "
                + "ORDER BY finished_at DESC", this::result).stream().findFirst();
    }

    private Result result(ResultSet row, int n) throws SQLException {
        return new Result(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                row.getObject(5, Long.class), row.getObject(6, Long.class), read(row.getString(7)), instant(row, 8),
                instant(row, 9), row.getString(10));
    }

    private String write(List<TableComparison.Difference> differences) {
        try {
            return json.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the differences", e);
        }
    }

    private List<TableComparison.Difference> read(String differences) {
        if (differences == null) {
            return List.of();
        }
        try {
            return json.readValue(differences, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read the differences", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
