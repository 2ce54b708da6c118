package nl.kindpakket.ledger.projections.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.entitlement.CreditAlerts;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.entitlement.HoldState;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import nl.kindpakket.ledger.projections.provider.ProviderStatementQueries;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Line;
import nl.kindpakket.ledger.projections.support.DordrechtBookings;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every read model makes of holds: see {@link DordrechtBookings} for the story and its figures. */
class ReservationReadModelsTest {

    private static final String M = DordrechtBookings.MUNICIPALITY;

    private ProjectionDatabase database;
    private DordrechtBookings bookings;

    @BeforeEach
    void theYearSoFar() {
        database = ProjectionDatabase.postgres();
        bookings = new DordrechtBookings().year2020();
        database.feedAll(ReadModels.all(), bookings.story().newEvents());
    }

    @Test
    void held_credit_is_committed_and_reserved_until_a_capture_spends_it_or_a_release_returns_it() {
        SpendingLineReport report = new SpendingLineQueries(database.jdbc()).report(M, 2020);

        // line 1: kind-1 3,000 after its capture of 20, kind-2 3,500, kind-3 and kind-5 5,000 each; kind-4 revoked
        // line 2: four children 4,000 each, of which kind-5's 3,500 is held
        assertThat(report.lines()).containsExactly(
                new Line("1", "Sport en zwemmen", 20_000, 16_500, 3_500, 16_500, 0, 0, 0),
                new Line("2", "Cultuur", 10_000, 16_000, 0, 10_000, 0, 6_000, 3_500));
        assertThat(report.total().reservedCents()).isEqualTo(3_500);
    }

    @Test
    void a_hold_is_not_a_use_the_capture_counts_in_the_month_it_is_dated() {
        MonthlyPassReport report = new MonthlyPassQueries(database.jdbc()).report(M, 2020);

        // January has four holds and no redemption; February the club's direct redemption, March the capture
        assertThat(report.months().subList(0, 3)).extracting(MonthlyPassReport.Month::issuedPasses,
                        MonthlyPassReport.Month::uniqueUsers)
                .containsExactly(tuple(5, 0), tuple(5, 1), tuple(5, 1));
        assertThat(report.total().distinctUsersInYear()).isEqualTo(2);
    }

    @Test
    void a_capture_is_on_the_provider_statement_as_a_redemption_and_a_hold_is_not() {
        ProviderStatementReport report = new ProviderStatementQueries(database.jdbc()).forYear(M, 2020);

        assertThat(report.statements()).extracting(ProviderStatementReport.Statement::providerId,
                        ProviderStatementReport.Statement::month, ProviderStatementReport.Statement::redemptionCount,
                        ProviderStatementReport.Statement::netCents)
                .containsExactly(
                        tuple(DordrechtBookings.CLUB, "2020-02", 1L, 1_500L),
                        tuple(DordrechtBookings.POOL, "2020-03", 1L, 2_000L));
    }

    @Test
    void the_entitlement_view_shows_each_hold_and_how_it_ended() {
        EntitlementViewQueries views = database.entitlementViews();

        EntitlementView captured = views.find(M, 2020, "kind-1").orElseThrow();
        assertThat(captured.creditCents()).containsExactly(Map.entry("1", 3_000L), Map.entry("2", 4_000L));
        assertThat(captured.heldCents()).isEmpty();
        assertThat(captured.holds()).singleElement().satisfies(hold -> {
            assertThat(hold.state()).isEqualTo(HoldState.CAPTURED);
            assertThat(hold.amountCents()).isEqualTo(3_000);
            assertThat(hold.capturedCents()).isEqualTo(2_000);
            assertThat(hold.redemptionId()).isEqualTo("r-1");
            assertThat(hold.settledAt()).isEqualTo(Instant.parse("2020-03-10T12:00:00Z"));
        });
        assertThat(captured.history()).extracting(EntitlementView.HistoryEntry::type,
                        EntitlementView.HistoryEntry::amountCents, EntitlementView.HistoryEntry::balanceAfterCents,
                        EntitlementView.HistoryEntry::reservationId)
                .containsExactly(
                        tuple("EntitlementGranted", 9_000L, 9_000L, null),
                        tuple("CreditReserved", 3_000L, 2_000L, "hold-1"),
                        tuple("ReservationCaptured", 2_000L, 3_000L, "hold-1"),
                        tuple("RedeemedAtProvider", 2_000L, 3_000L, null));

        EntitlementView open = views.find(M, 2020, "kind-5").orElseThrow();
        assertThat(open.creditCents()).containsExactly(Map.entry("1", 5_000L), Map.entry("2", 500L));
        assertThat(open.heldCents()).containsExactly(Map.entry("2", 3_500L));
        assertThat(open.totalHeldCents()).isEqualTo(3_500);

        assertThat(views.find(M, 2020, "kind-2").orElseThrow().holds()).extracting(EntitlementView.Hold::state,
                EntitlementView.Hold::releasedBy, EntitlementView.Hold::reason)
                .containsExactly(tuple(HoldState.RELEASED, "PROVIDER", "seizoen gaat niet door"));
        assertThat(views.find(M, 2020, "kind-3").orElseThrow().holds()).extracting(EntitlementView.Hold::state)
                .containsExactly(HoldState.EXPIRED);
        assertThat(views.find(M, 2020, "kind-4").orElseThrow().holds()).extracting(EntitlementView.Hold::state,
                EntitlementView.Hold::releasedBy).containsExactly(tuple(HoldState.RELEASED, "REVOCATION"));
    }

    @Test
    void staff_see_the_lines_running_low_and_the_holds_about_to_expire() {
        CreditAlerts alerts = new CreditAlerts(database.jdbc());

        // kind-5 has 500 of 4,000 left on line 2 (12.5%); kind-1 3,000 of 5,000 on line 1 (60%), kind-2 3,500 (70%)
        assertThat(alerts.lowCredit(M, 2020, new BigDecimal("0.25"), 100))
                .extracting(CreditAlerts.LowCredit::childRef, CreditAlerts.LowCredit::spendingLine,
                        CreditAlerts.LowCredit::creditCents, CreditAlerts.LowCredit::grantedCents)
                .containsExactly(tuple("kind-5", "2", 500L, 4_000L));
        assertThat(alerts.lowCredit(M, 2020, new BigDecimal("0.75"), 100))
                .extracting(CreditAlerts.LowCredit::childRef, CreditAlerts.LowCredit::spendingLine)
                .containsExactly(tuple("kind-1", "1"), tuple("kind-2", "1"), tuple("kind-5", "2"));
        assertThat(alerts.lowCreditCounts(new BigDecimal("0.25"))).containsEntry(M, 1L);

        assertThat(alerts.expiringBefore(M, Instant.parse("2021-01-01T00:00:00Z"), 100))
                .extracting(hold -> hold.hold().reservationId()).containsExactly("hold-5");
        assertThat(alerts.expiringBefore(M, Instant.parse("2020-12-31T22:00:00Z"), 100)).isEmpty();
        assertThat(alerts.expiringCounts(Instant.parse("2021-01-01T00:00:00Z"))).containsEntry(M, 1L);
    }

    @Test
    void the_reset_releases_what_is_still_held_and_the_expiry_lapses_it_with_the_credit() {
        database.feedAll(ReadModels.all(), bookings.reset2021().story().newEvents());

        EntitlementView view = database.entitlementViews().find(M, 2020, "kind-5").orElseThrow();
        assertThat(view.holds()).extracting(EntitlementView.Hold::state, EntitlementView.Hold::releasedBy,
                EntitlementView.Hold::reason).containsExactly(tuple(HoldState.RELEASED, "ANNUAL_RESET", "reset-2021"));
        assertThat(view.history()).last().satisfies(expiry -> {
            assertThat(expiry.type()).isEqualTo("EntitlementExpired");
            assertThat(expiry.amountCents()).isEqualTo(9_000L);
            assertThat(expiry.balanceAfterCents()).isZero();
        });
        SpendingLineReport report = new SpendingLineQueries(database.jdbc()).report(M, 2020);
        assertThat(report.lines()).extracting(Line::committedCents, Line::reservedCents, Line::spentCents)
                .containsExactly(tuple(0L, 0L, 3_500L), tuple(0L, 0L, 0L));
    }
}
