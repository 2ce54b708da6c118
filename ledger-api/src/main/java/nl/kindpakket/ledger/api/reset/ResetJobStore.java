package nl.kindpakket.ledger.api.reset;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.ChildRef;
import nl.kindpakket.ledger.core.api.PassNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The annual reset jobs and their renewals, in {@code annual_reset_job} and {@code annual_reset_renewal}. */
@Repository
class ResetJobStore {

    private static final int INSERT_BATCH = 1000;

    private final JdbcTemplate jdbc;

    ResetJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ResetJobStatus job, String digest, List<Renewal> renewals) {
        jdbc.update("insert into annual_reset_job (job_id, municipality, from_year, to_year, effective_on, digest, status, phase,"
                        + " expiries_total, expired, renewals_total, renewed, failed, submitted_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'RUNNING', 'EXPIRING', 0, 0, ?, 0, 0, ?, ?)",
                job.id(), job.municipality(), job.fromYear(), job.toYear(), job.effectiveOn(), digest,
                renewals.size(), Timestamp.from(job.submittedAt()), Timestamp.from(job.submittedAt()));
        for (int from = 0; from < renewals.size(); from += INSERT_BATCH) {
            jdbc.batchUpdate("insert into annual_reset_renewal (job_id, position, child_ref, pass_number, credits, status)"
                            + " values (?, ?, ?, ?, ?, 'PENDING')",
                    renewals.subList(from, Math.min(renewals.size(), from + INSERT_BATCH)), INSERT_BATCH,
                    (ps, renewal) -> {
                        ps.setString(1, job.id());
                        ps.setInt(2, renewal.position());
                        ps.setString(3, renewal.childRef().value());
                        ps.setString(4, renewal.passNumber().value());
                        ps.setString(5, renewal.encodedCredits());
                    });
        }
    }

    Optional<String> digestOf(String jobId) {
        return jdbc.queryForList("select digest from annual_reset_job where job_id = ?", String.class, jobId)
                .stream().findFirst();
    }

    Optional<ResetJobStatus> find(String jobId) {
        List<ResetJobStatus> jobs = jdbc.query("select * from annual_reset_job where job_id = ?", this::status, jobId);
        return jobs.stream().findFirst();
    }

    Optional<ResetJobStatus> find(String municipality, String jobId) {
        return find(jobId).filter(job -> job.municipality().equals(municipality));
    }

    /** Running jobs whose claim is free or has lapsed: their owner stopped renewing it. */
    List<String> claimableJobs(Instant now) {
        return jdbc.queryForList("select job_id from annual_reset_job where status = 'RUNNING'"
                + " and (claimed_until is null or claimed_until < ?) order by submitted_at", String.class, Timestamp.from(now));
    }

    /** Takes the job for {@code owner} until {@code until}, if it is running and nobody else holds a live claim. */
    boolean claim(String jobId, String owner, Instant now, Instant until) {
        return jdbc.update("update annual_reset_job set owner = ?, claimed_until = ? where job_id = ? and status = 'RUNNING'"
                        + " and (owner = ? or claimed_until is null or claimed_until < ?)",
                owner, Timestamp.from(until), jobId, owner, Timestamp.from(now)) == 1;
    }

    /**
     * Renews the claim inside a chunk's transaction, locking the job's row until the chunk commits; false when
     * another instance has taken the job over, so that the chunk rolls back instead of doing the work twice.
     */
    boolean renewClaim(String jobId, String owner, Instant until) {
        return jdbc.update("update annual_reset_job set claimed_until = ? where job_id = ? and owner = ? and status = 'RUNNING'",
                Timestamp.from(until), jobId, owner) == 1;
    }

    List<String> activeEntitlements(String municipality, int year, int limit) {
        return jdbc.queryForList("select entitlement_id from entitlement_registry where municipality = ? and budget_year = ? and status = 'ACTIVE'"
                + " order by entitlement_id limit ?", String.class, municipality, year, limit);
    }

    int countActiveEntitlements(String municipality, int year) {
        Integer count = jdbc.queryForObject("select count(*) from entitlement_registry where municipality = ? and budget_year = ? and status = 'ACTIVE'",
                Integer.class, municipality, year);
        return count == null ? 0 : count;
    }

    List<Renewal> pendingRenewals(String jobId, int limit) {
        return jdbc.query("select position, child_ref, pass_number, credits from annual_reset_renewal"
                        + " where job_id = ? and status = 'PENDING' order by position limit ?",
                (rs, n) -> new Renewal(rs.getInt(1), new ChildRef(rs.getString(2)), new PassNumber(rs.getString(3)),
                        Renewal.decodeCredits(rs.getString(4))),
                jobId, limit);
    }

    void startExpiring(String jobId, int total) {
        jdbc.update("update annual_reset_job set phase = 'EXPIRING', expiries_total = expired + ?, updated_at = ? where job_id = ?",
                total, now(), jobId);
    }

    void expired(String jobId, int count, int releasedHolds, long releasedHoldCents) {
        jdbc.update("update annual_reset_job set expired = expired + ?, released_holds = released_holds + ?,"
                + " released_hold_cents = released_hold_cents + ?, updated_at = ? where job_id = ?",
                count, releasedHolds, releasedHoldCents, now(), jobId);
    }

    void phase(String jobId, String phase) {
        jdbc.update("update annual_reset_job set phase = ?, updated_at = ? where job_id = ?", phase, now(), jobId);
    }

    void renewed(String jobId, List<Integer> positions) {
        if (!positions.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement update = connection.prepareStatement(
                        "update annual_reset_renewal set status = 'GRANTED' where job_id = ? and position = any(?)");
                update.setString(1, jobId);
                update.setArray(2, connection.createArrayOf("integer", positions.toArray()));
                return update;
            });
        }
        jdbc.update("update annual_reset_job set renewed = renewed + ?, updated_at = ? where job_id = ?", positions.size(), now(), jobId);
    }

    void renewalFailed(String jobId, int position, String type, String detail) {
        jdbc.update("update annual_reset_renewal set status = 'FAILED', failure_type = ?, failure_detail = ? where job_id = ? and position = ?",
                type, truncate(detail), jobId, position);
        jdbc.update("update annual_reset_job set failed = failed + 1, updated_at = ? where job_id = ?", now(), jobId);
    }

    void finish(String jobId) {
        jdbc.update("update annual_reset_job set status = 'DONE', phase = 'DONE', error = null, owner = null, claimed_until = null,"
                        + " updated_at = ?, finished_at = ? where job_id = ?",
                now(), now(), jobId);
    }

    /** Marks the job failed, unless another instance has taken it over meanwhile. */
    void fail(String jobId, String owner, String error) {
        jdbc.update("update annual_reset_job set status = 'FAILED', error = ?, owner = null, claimed_until = null, updated_at = ?"
                + " where job_id = ? and owner = ?", truncate(error), now(), jobId, owner);
    }

    void resume(String jobId) {
        jdbc.update("update annual_reset_job set status = 'RUNNING', error = null, updated_at = ? where job_id = ? and status = 'FAILED'",
                now(), jobId);
    }

    private List<ResetJobStatus.Failure> failures(String jobId) {
        return jdbc.query("select child_ref, failure_type, failure_detail from annual_reset_renewal"
                        + " where job_id = ? and status = 'FAILED' order by position limit 100",
                (rs, n) -> new ResetJobStatus.Failure(rs.getString(1), rs.getString(2), rs.getString(3)), jobId);
    }

    private ResetJobStatus status(ResultSet rs, int row) throws SQLException {
        String jobId = rs.getString("job_id");
        int failed = rs.getInt("failed");
        return new ResetJobStatus(jobId, rs.getString("municipality"), rs.getInt("from_year"), rs.getInt("to_year"),
                rs.getDate("effective_on").toLocalDate(), rs.getString("status"), rs.getString("phase"),
                new ResetJobStatus.Progress(rs.getInt("expiries_total"), rs.getInt("expired")),
                new ResetJobStatus.Progress(rs.getInt("renewals_total"), rs.getInt("renewed")),
                new ResetJobStatus.ReleasedHolds(rs.getInt("released_holds"), rs.getLong("released_hold_cents")),
                failed, failed == 0 ? List.of() : failures(jobId),
                instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
