package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.refusals.RefundExceedsUnderspend;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Enschede's spending lines of 2020, from the board proposal of December 2021: 40 children with a pass spend on lines 1-3, organisations spend the
 * rest directly, and in 2021 Stichting Leergeld repays its underspend of 59,000 euros to income support.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnschedeSpendingLinesTest extends RunningLedger {

    static final String LEERGELD = EnschedeHistory.LEERGELD;
    static final String JEUGDFONDS = EnschedeHistory.JEUGDFONDS;
    static final String GEMEENTE = EnschedeHistory.GEMEENTE;

    @Autowired
    SpendingLineQueries spendingLines;

    Municipality enschede;
    EnschedeHistory history;
    SpendingLineReport atYearEnd;

    @BeforeAll
    void enschede2020AndTheRefundOf2021() {
        enschede = municipality("enschede");
        history = new EnschedeHistory(commands, enschede);
        history.year2020();
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
        atYearEnd = spendingLines.report(enschede.slug(), 2020);

        awaitReset(enschede, resets.submit(enschede, new AnnualResetRequest(2020, 2021, List.of(), LocalDate.of(2021, 1, 1))),
                Duration.ofSeconds(60));
        commands.sendAndWait(history.refund("refund-leergeld-2020", euros(59_000)));
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
                new Line("1", "Gezondheid en kleding", euros(213_000), 0, euros(213_000), 0, 0, 0),
                new Line("2", "Participatie en ontwikkeling", euros(36_000), 0, euros(36_000), 0, 0, 0),
                new Line("3", "Leermiddelen", euros(1_256_000), 0, euros(1_197_000), 0, euros(59_000), 0),
                new Line("4", "Innovatie en actualiteiten", euros(89_000), 0, euros(89_000), 0, 0, 0));
        assertThat(report.total()).isEqualTo(new SpendingLineReport.Total(
                euros(1_594_000), 0, euros(1_535_000), 0, euros(59_000), 0, 0));
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
        assertThatThrownBy(() -> commands.sendAndWait(history.refund("refund-leergeld-2020-bis", 1)))
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
        assertThat(csv.lines()[3]).isEqualTo("3,Leermiddelen,1256000.00,0.00,1197000.00,0.00,59000.00,0.00,0.00");
        assertThat(csv.lines()[5]).isEqualTo("totaal,,1594000.00,0.00,1535000.00,0.00,59000.00,0.00,0.00");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Leermiddelen", "1.594.000,00", "Inkomensondersteuning");
    }
}
