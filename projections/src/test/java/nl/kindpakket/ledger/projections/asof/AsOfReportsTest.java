package nl.kindpakket.ledger.projections.asof;

import static nl.kindpakket.ledger.projections.support.EnschedeProposal.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.monthly.MonthlyPasses;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.overhead.Overhead;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLines;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import nl.kindpakket.ledger.projections.support.AllReadModels;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsOfReportsTest {

    private static final Instant FIRST_RECORDED = Instant.parse("2020-01-06T08:00:00.123456Z");

    private ProjectionDatabase database;
    private final List<ReadModel> projections = List.of(new MonthlyPasses(), new SpendingLines(), new Overhead());
    private MonthlyPassQueries monthly;
    private SpendingLineQueries spending;
    private OverheadQueries overhead;

    @BeforeEach
    void emptyDatabase() {
        database = ProjectionDatabase.postgres();
        monthly = new MonthlyPassQueries(database.jdbc());
        spending = new SpendingLineQueries(database.jdbc());
        overhead = new OverheadQueries(database.jdbc());
    }

    @Test
    void a_report_as_of_a_moment_equals_a_replay_of_only_what_was_recorded_by_then() {
        List<EventRecord> history = recordedOneSecondApart(AllReadModels.history());
        database.feedAll(projections, history);
        List<Integer> cuts = List.of(history.size() / 5, history.size() / 2, history.size() * 4 / 5);
        List<Reports> asOf = cuts.stream().map(cut -> reportsAsOf(history.get(cut).recordedAt())).toList();
        Reports now = reportsNow();
        assertThat(reportsAsOf(history.get(history.size() - 1).recordedAt())).isEqualTo(now);
        assertThat(asOf).allSatisfy(earlier -> assertThat(earlier).isNotEqualTo(now));

        for (int i = 0; i < cuts.size(); i++) {
            database.reset(projections);
            database.feedAll(projections, history.subList(0, cuts.get(i) + 1));
            assertThat(asOf.get(i)).as("as of event %d", cuts.get(i)).isEqualTo(reportsNow());
        }
    }

    @Test
    void an_event_counts_as_of_the_microsecond_it_was_recorded_and_not_a_microsecond_before() {
        LedgerStory story = new LedgerStory("enschede");
        story.allocate(2020, "1", "Gezondheid en kleding", euros(1_000), LocalDate.of(2020, 1, 2));
        LedgerStory.Child child = story.grant(2020, "kind-1", "ENS-0001", LocalDate.of(2020, 2, 3),
                Map.of("1", euros(250)));
        RedeemedAtProvider redemption = child.redeem("r-1", "zeeman", "1", euros(40),
                Instant.parse("2020-03-01T10:00:00Z"));
        List<EventRecord> history = recordedOneSecondApart(story.events());
        database.feedAll(projections, history);
        Instant redeemedAt = history.get(history.size() - 1).recordedAt();

        SpendingLineReport.Line at = spending.report("enschede", 2020, redeemedAt).lines().get(0);
        SpendingLineReport.Line before = spending.report("enschede", 2020, redeemedAt.minusNanos(1_000)).lines().get(0);

        assertThat(at.spentCents()).isEqualTo(redemption.amountCents());
        assertThat(before.spentCents()).isZero();
        assertThat(before.committedCents()).isEqualTo(euros(250));
        assertThat(monthly.report("enschede", 2020, redeemedAt.minusNanos(1_000)).total().uniqueUsers()).isZero();
        assertThat(monthly.report("enschede", 2020, redeemedAt).total().uniqueUsers()).isOne();
    }

    @Test
    void before_anything_was_recorded_every_report_is_empty() {
        database.feedAll(projections, recordedOneSecondApart(AllReadModels.history().subList(0, 500)));
        Instant before = FIRST_RECORDED.minusSeconds(1);

        assertThat(monthly.report("westland", 2018, before).total().issuedPasses()).isNull();
        assertThat(spending.report("westland", 2019, before).lines()).isEmpty();
        assertThat(overhead.report("westland", 2019, before).byTask()).isEmpty();
    }

    private Reports reportsNow() {
        return new Reports(monthly.sideBySide("westland", 2019, 2018), spending.report("enschede", 2020),
                spending.report("enschede", 2021), spending.report("westland", 2019),
                overhead.report("westland", 2019), overhead.report("enschede", 2020));
    }

    private Reports reportsAsOf(Instant moment) {
        return new Reports(monthly.sideBySide("westland", 2019, 2018, moment),
                spending.report("enschede", 2020, moment), spending.report("enschede", 2021, moment),
                spending.report("westland", 2019, moment), overhead.report("westland", 2019, moment),
                overhead.report("enschede", 2020, moment));
    }

    private List<EventRecord> recordedOneSecondApart(List<LedgerEvent> events) {
        return database.records(events, i -> FIRST_RECORDED.plus(Duration.ofSeconds(i)));
    }

    private record Reports(Object monthly, Object enschede2020, Object enschede2021, Object westlandSpending,
                           Object westlandOverhead, Object enschedeOverhead) {
    }
}
