package nl.kindpakket.ledger.api.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyExpired;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.api.refusals.YearClosedByAnotherReset;
import nl.kindpakket.ledger.core.api.refusals.YearAlreadyClosed;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.ProviderId;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "ledger.annual-reset.chunk-size=2")
@ActiveProfiles("test")
class AnnualResetJobTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    AnnualResets resets;
    @Autowired
    AnnualResetRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    Municipality town;

    @BeforeEach
    void aTownWithFiveChildrenIn2023OneRevoked() {
        town = new Municipality("reset-" + UUID.randomUUID().toString().substring(0, 8));
        for (int year : new int[] {2023, 2024}) {
            commands.sendAndWait(new AllocateBudget(town, year, new SpendingLineCode("1"), "Sport", Money.ofCents(10_000_000),
                    "alloc-" + year, null, LocalDate.of(year, 1, 1)));
        }
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new GrantEntitlement(child(2023, "kind-" + i), new PassNumber("P-" + town.slug() + "-" + i),
                    Map.of(new SpendingLineCode("1"), Money.ofCents(15_000)), LocalDate.of(2023, 3, i), LocalDate.of(2026, 1, 1), null));
        }
        commands.sendAndWait(new RevokeEntitlement(child(2023, "kind-5"), "verhuisd", LocalDate.of(2023, 6, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void a_reset_expires_every_active_entitlement_and_grants_every_renewal_exactly_once() {
        ResetJobStatus job = awaitDone(resets.submit(town, request(3)).job());

        assertThat(job.expiries()).isEqualTo(new ResetJobStatus.Progress(4, 4));
        assertThat(job.renewals()).isEqualTo(new ResetJobStatus.Progress(3, 3));
        assertThat(eventCount("EntitlementExpired")).isEqualTo(4);
        assertThat(eventCount("EntitlementGranted")).isEqualTo(5 + 3);
        assertThat(eventCount("YearClosed")).isEqualTo(1);
        assertThat(eventCount("AnnualResetCompleted")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from entitlement_registry where municipality = ? and budget_year = 2024 and status = 'ACTIVE'",
                Integer.class, town.slug())).isEqualTo(3);
    }

    @Test
    void a_renewal_may_carry_last_years_pass_on() {
        ResetJobStatus job = awaitDone(resets.submit(town, request(2)).job());

        assertThat(job.failedRenewals()).isZero();
        assertThat(jdbc.queryForObject("select entitlement_id from pass_registry where municipality = ? and pass_number = ?",
                String.class, town.slug(), "P-" + town.slug() + "-1")).isEqualTo(child(2024, "kind-1").toString());
    }

    @Test
    void the_same_reset_again_returns_the_same_job_and_appends_nothing() {
        ResetJobStatus first = awaitDone(resets.submit(town, request(3)).job());
        long events = totalEvents();

        AnnualResets.Submission again = resets.submit(town, request(3));

        assertThat(again.started()).isFalse();
        assertThat(awaitDone(again.job()).id()).isEqualTo(first.id());
        assertThat(totalEvents()).isEqualTo(events);
    }

    @Test
    void another_reset_of_a_closed_year_is_refused() {
        awaitDone(resets.submit(town, request(3)).job());

        assertThatThrownBy(() -> resets.submit(town, request(2))).isInstanceOf(YearClosedByAnotherReset.class);
    }

    @Test
    void a_job_whose_progress_was_lost_resumes_and_changes_nothing_that_was_done() {
        ResetJobStatus done = awaitDone(resets.submit(town, request(3)).job());
        long events = totalEvents();
        // as if the process died before any progress was kept: every step must be found done already
        jdbc.update("update annual_reset_job set status = 'RUNNING', phase = 'EXPIRING', expired = 0, renewed = 0, finished_at = null where job_id = ?", done.id());
        jdbc.update("update annual_reset_renewal set status = 'PENDING' where job_id = ?", done.id());

        runner.resumeUnfinished();
        ResetJobStatus resumed = awaitDone(done);

        assertThat(resumed.renewals().done()).isEqualTo(3);
        assertThat(totalEvents()).isEqualTo(events);
    }

    @Test
    void a_job_claimed_by_another_instance_is_left_to_it_until_its_claim_lapses() throws Exception {
        ResetJobStatus done = awaitDone(resets.submit(town, request(3)).job());
        long events = totalEvents();
        // as if another instance had claimed the job and stopped in the middle of it
        jdbc.update("update annual_reset_job set status = 'RUNNING', phase = 'EXPIRING', expired = 0, renewed = 0, finished_at = null,"
                + " owner = 'another-instance', claimed_until = ? where job_id = ?", Timestamp.from(Instant.now().plusSeconds(3600)), done.id());
        jdbc.update("update annual_reset_renewal set status = 'PENDING' where job_id = ?", done.id());

        runner.resumeUnfinished();
        Thread.sleep(500);
        assertThat(resets.status(town, done.id()).orElseThrow().status()).isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("select owner from annual_reset_job where job_id = ?", String.class, done.id()))
                .isEqualTo("another-instance");

        jdbc.update("update annual_reset_job set claimed_until = ? where job_id = ?", Timestamp.from(Instant.now().minusSeconds(1)), done.id());
        runner.resumeUnfinished();
        ResetJobStatus takenUp = awaitDone(done);

        assertThat(takenUp.status()).isEqualTo("DONE");
        assertThat(takenUp.renewals().done()).isEqualTo(3);
        assertThat(totalEvents()).isEqualTo(events);
    }

    @Test
    void a_renewal_on_a_line_that_the_new_year_lacks_is_refused_before_anything_starts() {
        AnnualResetRequest request = new AnnualResetRequest(2023, 2024,
                List.of(new AnnualResetRequest.Renewal("kind-1", "NEW-1", Map.of("9", 100L))), LocalDate.of(2024, 1, 1));

        assertThatThrownBy(() -> resets.submit(town, request)).isInstanceOf(UnknownSpendingLine.class);
        assertThat(eventCount("YearClosed")).isZero();
    }

    @Test
    void after_the_reset_the_old_years_passes_no_longer_redeem() {
        awaitDone(resets.submit(town, request(0)).job());

        assertThatThrownBy(() -> commands.sendAndWait(new RedeemAtProvider(child(2023, "kind-2"), "r-1",
                new PassNumber("P-" + town.slug() + "-2"), new ProviderId("zwembad"), new SpendingLineCode("1"),
                Money.ofCents(100), Instant.parse("2023-12-30T10:00:00Z"), Instant.parse("2024-01-02T10:00:00Z"))))
                .isInstanceOfAny(EntitlementAlreadyExpired.class, YearAlreadyClosed.class);
    }

    private AnnualResetRequest request(int renewals) {
        List<AnnualResetRequest.Renewal> list = new ArrayList<>();
        for (int i = 1; i <= renewals; i++) {
            list.add(new AnnualResetRequest.Renewal("kind-" + i, "P-" + town.slug() + "-" + i, Map.of("1", 20_000L)));
        }
        return new AnnualResetRequest(2023, 2024, list, LocalDate.of(2024, 1, 1));
    }

    private EntitlementId child(int year, String ref) {
        return EntitlementId.of(town.slug(), year, ref);
    }

    private ResetJobStatus awaitDone(ResetJobStatus job) {
        return await("annual reset " + job.id() + " finishes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> resets.status(town, job.id()).orElseThrow(), now -> {
                    assertThat(now.status()).as("job %s: %s", now.id(), now.error()).isNotEqualTo("FAILED");
                    return now.finished();
                });
    }

    private long eventCount(String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ? and aggregate_identifier like ?",
                Long.class, "%." + type, town.slug() + ":%");
    }

    private long totalEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?", Long.class, town.slug() + ":%");
    }
}
