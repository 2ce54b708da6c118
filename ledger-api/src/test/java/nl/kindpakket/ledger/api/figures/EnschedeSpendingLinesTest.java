package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.refusals.RefundExceedsUnderspend;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Enschede's spending lines of 2020 (seed 003): 40 children with a pass spend on lines 1-3, organisations spend the
 * rest directly, and in 2021 Stichting Leergeld repays its underspend of 59,000 euros to income support.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnschedeSpendingLinesTest extends RunningLedger {

    static final String LEERGELD = "Stichting Leergeld Enschede";
    static final String JEUGDFONDS = "Jeugdfonds Sport en Cultuur";
    static final String GEMEENTE = "Gemeente Enschede";
    static final int CHILDREN = 40;

    @Autowired
    SpendingLineQueries spendingLines;

    Municipality enschede;
    SpendingLineReport atYearEnd;

    @BeforeAll
    void enschede2020AndTheRefundOf2021() {
        enschede = municipality("enschede");
        Staff staff = new Staff(commands, enschede);
        staff.allocate(2020, "1", "Gezondheid en kleding", euros(213_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "2", "Participatie en ontwikkeling", euros(36_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "3", "Leermiddelen", euros(1_000_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "3", "Leermiddelen", euros(256_000), LocalDate.of(2020, 7, 1));
        staff.allocate(2020, "4", "Innovatie en actualiteiten", euros(89_000), LocalDate.of(2020, 1, 6));
        staff.provider("c-en-a", "C&A Enschede", "1");
        staff.provider("zeeman", "Zeeman", "1");
        staff.provider("fc-twente-jeugd", "FC Twente jeugd", "2");
        staff.provider("primera", "Primera", "3");
        childrenSpend();
        staff.expenditure(2020, LEERGELD, "1", euros(120_000), LocalDate.of(2020, 6, 1));
        staff.expenditure(2020, GEMEENTE, "1", euros(83_000), LocalDate.of(2020, 11, 1));
        staff.expenditure(2020, JEUGDFONDS, "2", euros(32_100), LocalDate.of(2020, 10, 1));
        staff.expenditure(2020, LEERGELD, "3", euros(1_181_800), LocalDate.of(2020, 12, 15));
        staff.expenditure(2020, GEMEENTE, "4", euros(89_000), LocalDate.of(2020, 12, 1));
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
        atYearEnd = spendingLines.report(enschede.slug(), 2020);

        awaitReset(enschede, resets.submit(enschede, new AnnualResetRequest(2020, 2021, List.of(), LocalDate.of(2021, 1, 1))),
                Duration.ofSeconds(60));
        commands.sendAndWait(refund("refund-leergeld-2020", euros(59_000)));
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
    }

    @Test
    void a_rebuild_of_every_read_model_gives_the_board_proposals_lines_again() {
        rebuildEveryReadModel();

        the_2020_lines_are_available_and_spent_as_the_board_proposal_shows_them_in_cents();
        the_underspend_went_back_to_income_support_in_2021_and_no_more_than_it_can_be_repaid();
    }

    @Test
    void the_2020_lines_are_available_and_spent_as_the_board_proposal_shows_them_in_cents() {
        SpendingLineReport report = spendingLines.report(enschede.slug(), 2020);

        assertThat(report.lines()).containsExactly(
                new Line("1", "Gezondheid en kleding", euros(213_000), 0, euros(213_000), 0, 0),
                new Line("2", "Participatie en ontwikkeling", euros(36_000), 0, euros(36_000), 0, 0),
                new Line("3", "Leermiddelen", euros(1_256_000), 0, euros(1_197_000), 0, euros(59_000)),
                new Line("4", "Innovatie en actualiteiten", euros(89_000), 0, euros(89_000), 0, 0));
        assertThat(report.total()).isEqualTo(new SpendingLineReport.Total(
                euros(1_594_000), 0, euros(1_535_000), 0, euros(59_000), 0));
    }

    @Test
    void the_underspend_went_back_to_income_support_in_2021_and_no_more_than_it_can_be_repaid() {
        SpendingLineReport report = spendingLines.report(enschede.slug(), 2020);

        assertThat(report.refunds()).containsExactly(new SpendingLineReport.Refund("refund-leergeld-2020", LEERGELD,
                "3", euros(59_000), LocalDate.of(2021, 4, 15), "Inkomensondersteuning"));
        assertThat(report.byOrganisation()).containsExactly(
                new SpendingLineReport.OrganisationLine(GEMEENTE, "1", euros(83_000), 0),
                new SpendingLineReport.OrganisationLine(GEMEENTE, "4", euros(89_000), 0),
                new SpendingLineReport.OrganisationLine(JEUGDFONDS, "2", euros(32_100), 0),
                new SpendingLineReport.OrganisationLine(LEERGELD, "1", euros(120_000), 0),
                new SpendingLineReport.OrganisationLine(LEERGELD, "3", euros(1_181_800), euros(59_000)));
        assertThatThrownBy(() -> commands.sendAndWait(refund("refund-leergeld-2020-bis", 1)))
                .isInstanceOf(RefundExceedsUnderspend.class);
    }

    @Test
    void until_the_annual_reset_the_credit_children_still_hold_is_committed() {
        assertThat(atYearEnd.lines()).extracting(Line::committedCents).containsExactly(0L, 0L, euros(400), 0L);
        assertThat(atYearEnd.lines()).extracting(Line::refundedCents).containsOnly(0L);
        assertThat(atYearEnd.total().spentCents()).isEqualTo(euros(1_535_000));
    }

    @Test
    void the_council_reads_the_lines_as_json_csv_and_a_page() throws Exception {
        CouncilHttp council = council("enschede");
        String path = "/api/v1/municipalities/" + enschede.slug() + "/reports/spending-lines?year=2020";

        CouncilHttp.Page json = council.get(path, "application/json");
        CouncilHttp.Page csv = council.get(path, "text/csv");
        CouncilHttp.Page html = council.get(path, "text/html");

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode report = new ObjectMapper().readTree(json.body());
        assertThat(report.at("/lines/2/spentCents").asLong()).isEqualTo(119_700_000L);
        assertThat(report.at("/total/availableCents").asLong()).isEqualTo(159_400_000L);
        assertThat(csv.lines()).hasSize(6);
        assertThat(csv.lines()[3]).isEqualTo("3,Leermiddelen,1256000.00,0.00,1197000.00,0.00,59000.00,0.00");
        assertThat(csv.lines()[5]).isEqualTo("totaal,,1594000.00,0.00,1535000.00,0.00,59000.00,0.00");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Leermiddelen", "1.594.000,00", "Inkomensondersteuning");
    }

    /** Line 1 fully (one purchase reversed and bought again), line 2 by all but the child who moved, line 3 by 38. */
    private void childrenSpend() {
        Map<SpendingLineCode, Money> credits = Map.of(new SpendingLineCode("1"), Money.ofCents(euros(250)),
                new SpendingLineCode("2"), Money.ofCents(euros(100)), new SpendingLineCode("3"), Money.ofCents(euros(400)));
        for (int i = 1; i <= CHILDREN; i++) {
            commands.sendAndWait(new GrantEntitlement(child(i), pass(i), credits, LocalDate.of(2020, 2, 3),
                    LocalDate.now(), null));
            redeem(i, "kleding-a", "c-en-a", "1", 150, "2020-03-14T10:00:00Z");
            redeem(i, "kleding-b", "zeeman", "1", 100, "2020-04-14T10:00:00Z");
            if (i == 7) {
                commands.sendAndWait(new ReverseRedemption(child(i), "kleding-b-" + i, "verkeerde pas",
                        Instant.parse("2020-04-15T10:00:00Z"), Instant.now(), null));
                redeem(i, "kleding-c", "c-en-a", "1", 100, "2020-04-16T10:00:00Z");
            }
            if (i == CHILDREN) {
                commands.sendAndWait(new RevokeEntitlement(child(i), "verhuisd", LocalDate.of(2020, 6, 30), LocalDate.now()));
                continue;
            }
            if (i <= 38) {
                redeem(i, "school", "primera", "3", 400, "2020-08-20T10:00:00Z");
            }
            redeem(i, "sport", "fc-twente-jeugd", "2", 100, "2020-09-01T10:00:00Z");
        }
    }

    private void redeem(int i, String what, String provider, String line, long euros, String at) {
        commands.sendAndWait(new RedeemAtProvider(child(i), what + "-" + i, pass(i), new ProviderId(provider),
                new SpendingLineCode(line), Money.ofCents(euros(euros)), Instant.parse(at), Instant.now()));
    }

    private RefundUnderspend refund(String refundId, long cents) {
        return new RefundUnderspend(enschede, 2020, refundId, LEERGELD, new SpendingLineCode("3"), Money.ofCents(cents),
                LocalDate.of(2021, 4, 15), "Inkomensondersteuning");
    }

    private EntitlementId child(int i) {
        return EntitlementId.of(enschede.slug(), 2020, String.format("kind-%02d", i));
    }

    private static PassNumber pass(int i) {
        return new PassNumber(String.format("ENS-%04d", i));
    }
}
