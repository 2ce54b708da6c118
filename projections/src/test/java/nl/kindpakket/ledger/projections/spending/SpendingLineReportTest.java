package nl.kindpakket.ledger.projections.spending;

import static nl.kindpakket.ledger.projections.support.EnschedeProposal.GEMEENTE;
import static nl.kindpakket.ledger.projections.support.EnschedeProposal.JEUGDFONDS;
import static nl.kindpakket.ledger.projections.support.EnschedeProposal.LEERGELD;
import static nl.kindpakket.ledger.projections.support.EnschedeProposal.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Line;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.OrganisationLine;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Refund;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Total;
import nl.kindpakket.ledger.projections.support.EnschedeProposal;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpendingLineReportTest {

    private ProjectionDatabase database;
    private final SpendingLines projection = new SpendingLines();
    private SpendingLineQueries queries;

    @BeforeEach
    void emptyDatabase() {
        database = ProjectionDatabase.postgres();
        queries = new SpendingLineQueries(database.jdbc());
    }

    @Test
    void enschede_2020_comes_out_as_the_board_proposal_shows_it() {
        database.feed(projection, new EnschedeProposal().year2020().year2021().story().events());

        SpendingLineReport report = queries.report("enschede", 2020);

        assertThat(report.lines()).containsExactly(
                new Line("1", "Gezondheid en kleding", euros(213_000), 0, euros(213_000), 0, 0, 0),
                new Line("2", "Participatie en ontwikkeling", euros(36_000), 0, euros(36_000), 0, 0, 0),
                new Line("3", "Leermiddelen", euros(1_256_000), 0, euros(1_197_000), 0, euros(59_000), 0),
                new Line("4", "Innovatie en actualiteiten", euros(89_000), 0, euros(89_000), 0, 0, 0));
        assertThat(report.total())
                .isEqualTo(new Total(euros(1_594_000), 0, euros(1_535_000), 0, euros(59_000), 0, 0));
        assertThat(report.refunds()).containsExactly(new Refund("refund-11", LEERGELD, "3", euros(59_000),
                LocalDate.of(2021, 4, 15), "Inkomensondersteuning"));
        assertThat(report.byOrganisation()).containsExactly(
                new OrganisationLine(GEMEENTE, "1", euros(83_000), 0),
                new OrganisationLine(GEMEENTE, "4", euros(89_000), 0),
                new OrganisationLine(JEUGDFONDS, "2", euros(32_100), 0),
                new OrganisationLine(LEERGELD, "1", euros(120_000), 0),
                new OrganisationLine(LEERGELD, "3", euros(1_181_800), euros(59_000)));
    }

    @Test
    void credit_open_on_active_entitlements_is_committed_until_the_annual_reset_releases_it() {
        EnschedeProposal proposal = new EnschedeProposal().year2020();
        database.feed(projection, proposal.story().events());

        SpendingLineReport december = queries.report("enschede", 2020);

        assertThat(december.lines()).extracting(Line::committedCents).containsExactly(0L, 0L, euros(400), 0L);
        assertThat(december.lines().get(2).spentCents()).isEqualTo(euros(1_197_000));
        assertThat(december.lines().get(2).refundedCents()).isZero();
        assertThat(december.total().committedCents()).isEqualTo(euros(400));
    }

    @Test
    void a_refund_in_2021_counts_for_2020_and_the_years_stay_apart() {
        database.feed(projection, new EnschedeProposal().year2020().year2021().story().events());

        SpendingLineReport next = queries.report("enschede", 2021);

        assertThat(next.lines()).containsExactly(
                new Line("3", "Leermiddelen", euros(1_300_000), 0, 0, euros(1_300_000), 0, 0));
        assertThat(next.refunds()).isEmpty();
        assertThat(queries.report("hengelo", 2020).lines()).isEmpty();
    }

    @Test
    void grants_redemptions_reversals_and_revocation_move_committed_and_spent() {
        LedgerStory story = new LedgerStory("enschede");
        story.allocate(2020, "1", "Gezondheid en kleding", euros(1_000), LocalDate.of(2020, 1, 6));
        LedgerStory.Child child = story.grant(2020, "kind-1", "ENS-0001", LocalDate.of(2020, 2, 3),
                Map.of("1", euros(250)));
        database.feed(projection, story.newEvents());
        assertThat(line1()).isEqualTo(new Line("1", "Gezondheid en kleding", euros(1_000), euros(250), 0,
                euros(1_000), 0, 0));

        RedeemedAtProvider redemption =
                child.redeem("r-1", "zeeman", "1", euros(100), Instant.parse("2020-03-01T10:00:00Z"));
        database.feed(projection, story.newEvents());
        assertThat(line1()).isEqualTo(new Line("1", "Gezondheid en kleding", euros(1_000), euros(150),
                euros(100), euros(900), 0, 0));

        child.revoke("verhuisd", LocalDate.of(2020, 4, 1));
        child.reverse(redemption, "retour na intrekking", Instant.parse("2020-04-02T10:00:00Z"));
        database.feed(projection, story.newEvents());

        assertThat(line1()).isEqualTo(new Line("1", "Gezondheid en kleding", euros(1_000), 0, 0, euros(1_000), 0, 0));
    }

    @Test
    void a_redemption_of_an_entitlement_never_granted_fails() {
        RedeemedAtProvider orphan = new LedgerStory("enschede")
                .grant(2020, "kind-9", "ENS-0009", LocalDate.of(2020, 2, 3), Map.of("1", euros(250)))
                .redeem("r-9", "zeeman", "1", euros(10), Instant.parse("2020-03-01T10:00:00Z"));

        assertThatThrownBy(() -> database.feed(projection, List.of(orphan)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queries.report("enschede", 2020).lines()).isEmpty();
    }

    private Line line1() {
        return queries.report("enschede", 2020).lines().get(0);
    }
}
