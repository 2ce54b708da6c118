package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadReport;
import nl.kindpakket.ledger.projections.overhead.OverheadReport.OrganisationOverhead;
import nl.kindpakket.ledger.projections.overhead.OverheadReport.TaskOverhead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The preventive tasks Westland reassigned from 2019 (council letter of 2018) as execution costs, against 1,732,500 euros that
 * reached children directly, so that overhead is exactly a quarter of the whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WestlandOverheadTest extends RunningLedger {

    static final String VITIS = "Vitis Welzijn";
    static final String SKT = "SKT";

    @Autowired
    OverheadQueries overhead;

    Municipality westland;

    @BeforeAll
    void costsOfTheTasksAndMoneyThatReachedChildren() {
        westland = municipality("westland-taken");
        Staff staff = new Staff(commands, westland);
        LocalDate march = LocalDate.of(2019, 3, 1);
        staff.allocate(2019, "1", "Sport en cultuur", euros(1_800_000), LocalDate.of(2019, 1, 1));
        staff.provider("zwembad-de-waterman", "Zwembad De Waterman", "1");
        staff.provider("vv-naaldwijk", "VV Naaldwijk", "1");
        staff.overhead(2019, VITIS, "Trainingen en cursussen", euros(134_100), "1.50", march);
        staff.overhead(2019, SKT, "Waakvlam", euros(145_000), "1.62", march);
        staff.overhead(2019, SKT, "Onafhankelijke cliëntondersteuning", euros(82_000), "0.92", march);
        staff.overhead(2019, SKT, "Digitale ondersteuning", euros(82_000), "0.92", march);
        staff.overhead(2019, VITIS, "Westlandse maatjes", euros(45_000), "0.50", march);
        staff.overhead(2019, VITIS, "Trainingen en cursussen", euros(89_400), "1.00", LocalDate.of(2019, 9, 1));
        staff.expenditure(2019, "Stichting WestlandPas", "1", euros(1_700_000), LocalDate.of(2019, 12, 1));
        for (int i = 1; i <= 10; i++) {
            EntitlementId child = EntitlementId.of(westland.slug(), 2019, "kind-" + i);
            PassNumber pass = new PassNumber("WP19-000" + i);
            commands.sendAndWait(new GrantEntitlement(child, pass, Map.of(new SpendingLineCode("1"),
                    Money.ofCents(euros(3_500))), LocalDate.of(2019, 1, 1), LocalDate.now(), null));
            redeem(child, "r-" + i, pass, "zwembad-de-waterman", euros(3_250), "2019-06-01T10:00:00Z");
            if (i == 1) {
                redeem(child, "r-extra", pass, "vv-naaldwijk", euros(200), "2019-06-02T10:00:00Z");
                commands.sendAndWait(new ReverseRedemption(child, "r-extra", "dubbel afgerekend",
                        Instant.parse("2019-06-03T10:00:00Z"), Instant.now(), null));
            }
        }
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
    }

    @Test
    void a_rebuild_of_every_read_model_gives_the_overhead_table_again() {
        rebuildEveryReadModel();

        the_tasks_cost_577_500_euros_for_6_46_fte_carried_by_two_organisations();
        overhead_is_a_quarter_of_overhead_and_direct_benefit_together();
    }

    @Test
    void the_tasks_cost_577_500_euros_for_6_46_fte_carried_by_two_organisations() {
        OverheadReport report = overhead.report(westland.slug(), 2019);

        assertThat(report.overheadCents()).isEqualTo(euros(577_500));
        assertThat(report.fte()).isEqualTo(new BigDecimal("6.46"));
        assertThat(report.byOrganisation()).containsExactly(
                new OrganisationOverhead(VITIS, euros(268_500), new BigDecimal("3.00")),
                new OrganisationOverhead(SKT, euros(309_000), new BigDecimal("3.46")));
        assertThat(report.byTask()).containsExactly(
                new TaskOverhead("Trainingen en cursussen", new BigDecimal("2.50"), euros(223_500), Map.of(VITIS, euros(223_500))),
                new TaskOverhead("Waakvlam", new BigDecimal("1.62"), euros(145_000), Map.of(SKT, euros(145_000))),
                new TaskOverhead("Onafhankelijke cliëntondersteuning", new BigDecimal("0.92"), euros(82_000), Map.of(SKT, euros(82_000))),
                new TaskOverhead("Digitale ondersteuning", new BigDecimal("0.92"), euros(82_000), Map.of(SKT, euros(82_000))),
                new TaskOverhead("Westlandse maatjes", new BigDecimal("0.50"), euros(45_000), Map.of(VITIS, euros(45_000))));
    }

    @Test
    void overhead_is_a_quarter_of_overhead_and_direct_benefit_together() {
        OverheadReport report = overhead.report(westland.slug(), 2019);

        assertThat(report.directBenefitCents()).isEqualTo(euros(1_732_500));
        assertThat(report.overheadShare()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void the_council_reads_the_overhead_as_json_csv_and_a_page() throws Exception {
        CouncilHttp council = council("westland-taken");
        String path = "/api/v1/municipalities/" + westland.slug() + "/reports/overhead?year=2019";

        CouncilHttp.Page json = council.get(path, "application/json");
        CouncilHttp.Page csv = council.get(path, "text/csv");
        CouncilHttp.Page html = council.get(path, "text/html");

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode report = new ObjectMapper().readTree(json.body());
        assertThat(report.at("/overheadCents").asLong()).isEqualTo(57_750_000L);
        assertThat(report.at("/overheadShare").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(csv.lines()).hasSize(7);
        assertThat(csv.lines()[0]).isEqualTo("taak,fte,totaal,Vitis Welzijn,SKT");
        assertThat(csv.lines()[6]).isEqualTo("totaal,6.46,577500.00,268500.00,309000.00");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Westlandse maatjes", "577.500,00", "25,0%");
    }

    private void redeem(EntitlementId child, String redemptionId, PassNumber pass, String provider, long cents, String at) {
        commands.sendAndWait(new RedeemAtProvider(child, redemptionId, pass, new ProviderId(provider),
                new SpendingLineCode("1"), Money.ofCents(cents), Instant.parse(at), Instant.now()));
    }
}
