package nl.kindpakket.ledger.api.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rebuilds as the database keeps them, so that every instance sees them and an interrupted one is taken up. */
@Component
class RebuildJobs {

    private static final String COLUMNS = "rebuild_id, state, horizon, parts, parts_done, events_total, events_done, "
            + "requested_at, started_at, finished_at, error";

    private final JdbcTemplate jdbc;

    RebuildJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A rebuild as stored. */
    record Job(String id, RebuildState state, Long horizon, Integer parts, int partsDone, long eventsTotal,
               long eventsDone, Instant requestedAt, Instant startedAt, Instant finishedAt, String error) {
    }

    /** Records a new rebuild, owned by {@code owner}; empty when another is still active. */
    Optional<Job> create(String id, String owner, Instant now) {
        try {
            jdbc.update("INSERT INTO read_model_rebuild (rebuild_id, state, active, owner, heartbeat_at, requested_at) "
                    + "VALUES (?, ?, 1, ?, ?, ?)", id, RebuildState.STARTING.name(), owner, at(now), at(now));
        } catch (DuplicateKeyException anotherIsActive) {
            return Optional.empty();
        }
        return find(id);
    }

    Optional<Job> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_rebuild WHERE rebuild_id = ?", RebuildJobs::job, id)
                .stream().findFirst();
    }

    Optional<Job> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_rebuild WHERE active = 1", RebuildJobs::job)
                .stream().findFirst();
    }

    List<Job> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_rebuild ORDER BY requested_at DESC", RebuildJobs::job)
                .stream().limit(limit).toList();
    }

    /** Takes up the active rebuild if its owner has not been heard of since {@code silentSince}. */
    Optional<Job> claimOrphan(String owner, Instant silentSince, Instant now) {
        int claimed = jdbc.update("UPDATE read_model_rebuild SET owner = ?, heartbeat_at = ? WHERE active = 1 "
                + "AND (heartbeat_at IS NULL OR heartbeat_at < ?)", owner, at(now), at(silentSince));
        return claimed == 0 ? Optional.empty() : active();
    }

    /** Records progress and that its owner is alive; false when the owner no longer owns it. */
    boolean heartbeat(String id, String owner, long eventsDone, Instant now) {
        return jdbc.update("UPDATE read_model_rebuild SET heartbeat_at = ?, events_done = ? WHERE rebuild_id = ? "
                + "AND owner = ? AND active = 1", at(now), eventsDone, id, owner) == 1;
    }

    void folding(String id, long horizon, int parts, long eventsTotal, Instant now) {
        jdbc.update("UPDATE read_model_rebuild SET state = ?, horizon = ?, parts = ?, parts_done = 0, events_total = ?, "
                + "events_done = 0, started_at = ? WHERE rebuild_id = ?", RebuildState.FOLDING.name(), horizon, parts,
                eventsTotal, at(now), id);
    }

    /** Records a part folded, on the part's connection, so that it commits with the part's rows. */
    void partDone(JdbcTemplate partConnection, String id, int partsDone, long eventsDone) {
        partConnection.update("UPDATE read_model_rebuild SET parts_done = ?, events_done = ? WHERE rebuild_id = ?",
                partsDone, eventsDone, id);
    }

    void state(String id, RebuildState state) {
        jdbc.update("UPDATE read_model_rebuild SET state = ? WHERE rebuild_id = ?", state.name(), id);
    }

    /** Ends it: it is no longer active, so another may start. */
    void finish(String id, RebuildState state, long eventsDone, String error, Instant now) {
        jdbc.update("UPDATE read_model_rebuild SET state = ?, active = NULL, events_done = ?, finished_at = ?, "
                + "error = ? WHERE rebuild_id = ?", state.name(), eventsDone, at(now), truncate(error), id);
    }

    void requestCancel(String id) {
        jdbc.update("UPDATE read_model_rebuild SET state = ? WHERE rebuild_id = ? AND active = 1 AND state <> ?",
                RebuildState.CANCELLING.name(), id, RebuildState.SWITCHING.name());
    }

    private static Job job(ResultSet row, int n) throws SQLException {
        return new Job(row.getString(1), RebuildState.valueOf(row.getString(2)), row.getObject(3, Long.class),
                row.getObject(4, Integer.class), row.getInt(5), row.getLong(6), row.getLong(7), instant(row, 8),
                instant(row, 9), instant(row, 10), row.getString(11));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }
}
