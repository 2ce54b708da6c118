package nl.kindpakket.ledger.projections.overhead;

import static nl.kindpakket.ledger.projections.support.EnschedeProposal.euros;
import static nl.kindpakket.ledger.projections.support.WestlandTasks.SKT;
import static nl.kindpakket.ledger.projections.support.WestlandTasks.VITIS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.overhead.OverheadReport.OrganisationOverhead;
import nl.kindpakket.ledger.projections.overhead.OverheadReport.TaskOverhead;
import nl.kindpakket.ledger.projections.spending.SpendingLines;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import nl.kindpakket.ledger.projections.support.WestlandTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverheadReportTest {

    private ProjectionDatabase database;
    /** The overhead and the spending lines, whose counters hold the direct benefit. */
    private final List<ReadModel> projections = List.of(new SpendingLines(), new Overhead());
    private OverheadQueries queries;

    @BeforeEach
    void emptyDatabase() {
        database = ProjectionDatabase.postgres();
        queries = new OverheadQueries(database.jdbc());
    }

    @Test
    void westland_preventive_tasks_come_out_as_the_council_letter_shows_them() {
        database.feedAll(projections, WestlandTasks.story().events());

        OverheadReport report = queries.report("westland", 2019);

        assertThat(report.byTask()).containsExactly(
                new TaskOverhead("Trainingen en cursussen", fte("2.50"), euros(223_500), Map.of(VITIS, euros(223_500))),
                new TaskOverhead("Waakvlam", fte("1.62"), euros(145_000), Map.of(SKT, euros(145_000))),
                new TaskOverhead("Onafhankelijke cliëntondersteuning", fte("0.92"), euros(82_000),
                        Map.of(SKT, euros(82_000))),
                new TaskOverhead("Digitale ondersteuning", fte("0.92"), euros(82_000), Map.of(SKT, euros(82_000))),
                new TaskOverhead("Westlandse maatjes", fte("0.50"), euros(45_000), Map.of(VITIS, euros(45_000))));
        assertThat(report.byOrganisation()).containsExactly(
                new OrganisationOverhead(VITIS, euros(268_500), fte("3.00")),
                new OrganisationOverhead(SKT, euros(309_000), fte("3.46")));
        assertThat(report.overheadCents()).isEqualTo(euros(577_500));
        assertThat(report.fte()).isEqualTo(fte("6.46"));
        assertThat(report.directBenefitCents()).isEqualTo(euros(1_732_500));
        assertThat(report.overheadShare()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void the_share_has_four_decimals_and_is_empty_when_nothing_was_spent_or_recorded() {
        LedgerStory story = new LedgerStory("westland");
        story.overhead(2018, "Stichting WestlandPas", "Uitvoering", euros(1_000), "0.10", LocalDate.of(2018, 3, 1));
        story.expenditure(2018, "Stichting WestlandPas", "1", euros(2_000), LocalDate.of(2018, 3, 1));
        database.feedAll(projections, story.events());

        assertThat(queries.report("westland", 2018).overheadShare()).isEqualTo(new BigDecimal("0.3333"));
        OverheadReport empty = queries.report("westland", 2017);
        assertThat(empty.overheadShare()).isNull();
        assertThat(empty.fte()).isEqualTo(fte("0.00"));
        assertThat(empty.byTask()).isEmpty();
    }

    @Test
    void the_direct_benefit_is_what_was_redeemed_less_reversals_plus_what_organisations_spent_as_it_was_recorded() {
        LedgerStory story = new LedgerStory("westland");
        Instant morning = Instant.parse("2018-03-05T08:00:00Z");
        LedgerStory.Child child = story.grant(2018, "kind-1", "P-1", LocalDate.of(2018, 1, 2), Map.of("1", euros(300)));
        var swimming = child.redeem("r-1", "zwembad", "1", euros(100), morning);
        child.reserve("h-1", "zwembad", "1", euros(50), morning.plusSeconds(60), morning.plusSeconds(3_600));
        child.capture("h-1", "r-2", euros(40), morning.plusSeconds(120));
        child.reverse(swimming, "wrong child", morning.plusSeconds(180));
        story.expenditure(2018, "Stichting WestlandPas", "1", euros(2_000), LocalDate.of(2018, 3, 6));
        story.refund(2018, "Stichting WestlandPas", "1", euros(500), LocalDate.of(2018, 12, 20), "gemeente");
        // recorded a minute apart, in the order told: the grant, r-1, the hold, its capture and r-2, the reversal, ...
        database.feedAll(projections, database.records(story.events(), index -> morning.plusSeconds(index * 60L)));

        assertThat(queries.report("westland", 2018).directBenefitCents())
                .as("100 redeemed, 40 captured, the 100 reversed, 2,000 expended; a refund does not undo a benefit")
                .isEqualTo(euros(2_040));
        assertThat(queries.report("westland", 2018, morning.plusSeconds(4 * 60)).directBenefitCents())
                .as("as of the capture, before the reversal").isEqualTo(euros(140));
        assertThat(queries.report("westland", 2019).directBenefitCents()).isZero();
    }

    private static BigDecimal fte(String value) {
        return new BigDecimal(value);
    }
}
