package nl.kindpakket.ledger.projections.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import nl.kindpakket.ledger.projections.support.WestlandMemo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonthlyPassReportTest {

    private static final Map<String, Long> CREDIT = Map.of("1", 10_000L);

    private ProjectionDatabase database;
    private final MonthlyPasses projection = new MonthlyPasses();
    private MonthlyPassQueries queries;

    @BeforeEach
    void emptyDatabase() {
        database = ProjectionDatabase.postgres();
        queries = new MonthlyPassQueries(database.jdbc());
    }

    @Test
    void westland_2018_comes_out_exactly_as_the_2019_memo_shows_it() {
        List<LedgerEvent> history = WestlandMemo.history();
        database.feed(projection, history);

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(report.months()).extracting(MonthlyPassReport.Month::month)
                .containsExactly("2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06",
                        "2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12");
        assertThat(report.months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(boxed(WestlandMemo.ISSUED_2018));
        assertThat(report.months()).extracting(MonthlyPassReport.Month::uniqueUsers)
                .containsExactly(boxed(WestlandMemo.USERS_2018));
        assertThat(report.total().issuedPasses()).isEqualTo(1112);
        assertThat(report.total().uniqueUsers()).isEqualTo(3370);
        assertThat(report).isEqualTo(MonthlyOracle.report(history, "westland", 2018));
        assertThat(report.total().distinctUsersInYear()).isBetween(549, 3370);
        assertThat(history).filteredOn(RedeemedAtProvider.class::isInstance).map(RedeemedAtProvider.class::cast)
                .anyMatch(r -> r.occurredAt().equals(Instant.parse("2018-01-31T23:30:00Z"))
                        && r.occurredOn().equals(LocalDate.of(2018, 2, 1)));
        assertThat(history).hasAtLeastOneElementOfType(PassReplaced.class)
                .hasAtLeastOneElementOfType(EntitlementRevoked.class)
                .hasAtLeastOneElementOfType(RedemptionReversed.class)
                .hasAtLeastOneElementOfType(EntitlementExpired.class);
    }

    @Test
    void westland_2019_has_its_five_months_and_nothing_after_may() {
        List<LedgerEvent> history = WestlandMemo.history();
        database.feed(projection, history);

        MonthlyPassComparison both = queries.sideBySide("westland", 2019, 2018);

        assertThat(both.months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(954, 961, 969, 995, 1008, null, null, null, null, null, null, null);
        assertThat(both.months()).extracting(MonthlyPassReport.Month::uniqueUsers)
                .containsExactly(278, 227, 204, 203, 204, null, null, null, null, null, null, null);
        assertThat(both.total().issuedPasses()).isEqualTo(1008);
        assertThat(both.total().uniqueUsers()).isEqualTo(1116);
        assertThat(both.total()).isEqualTo(MonthlyOracle.report(history, "westland", 2019).total());
        assertThat(both.compare()).isEqualTo(queries.report("westland", 2018));
        assertThat(both.compare().total().uniqueUsers()).isEqualTo(3370);
    }

    @Test
    void a_redemption_at_23_30_utc_on_31_january_is_a_february_use() {
        LedgerStory story = new LedgerStory("westland");
        LedgerStory.Child child = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 5), CREDIT);
        RedeemedAtProvider nearMidnight =
                child.redeem("r-1", "zwembad", "1", 500, Instant.parse("2018-01-31T23:30:00Z"));
        database.feed(projection, story.events());

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(nearMidnight.occurredOn()).isEqualTo(LocalDate.of(2018, 2, 1));
        assertThat(report.months().get(0)).isEqualTo(new MonthlyPassReport.Month("2018-01", 1, 0));
        assertThat(report.months().get(1)).isEqualTo(new MonthlyPassReport.Month("2018-02", 1, 1));
        assertThat(report.months().get(2).issuedPasses()).isNull();
    }

    @Test
    void a_replaced_pass_is_still_one_issued_pass_and_one_user() {
        LedgerStory story = new LedgerStory("westland");
        LedgerStory.Child child = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 3, 1), CREDIT);
        child.redeem("r-1", "zwembad", "1", 500, Instant.parse("2018-03-10T10:00:00Z"));
        child.replacePass("WP-0002", LocalDate.of(2018, 3, 12));
        child.redeem("r-2", "zwembad", "1", 500, Instant.parse("2018-03-20T10:00:00Z"));
        database.feed(projection, story.events());

        MonthlyPassReport.Month march = queries.report("westland", 2018).months().get(2);

        assertThat(march).isEqualTo(new MonthlyPassReport.Month("2018-03", 1, 1));
    }

    @Test
    void a_revoked_entitlement_stops_counting_at_the_end_of_the_month_it_is_revoked_in() {
        LedgerStory story = new LedgerStory("westland");
        story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 3), CREDIT);
        LedgerStory.Child moving = story.grant(2018, "kind-2", "WP-0002", LocalDate.of(2018, 1, 4), CREDIT);
        moving.redeem("r-1", "zwembad", "1", 500, Instant.parse("2018-03-02T10:00:00Z"));
        moving.revoke("verhuisd", LocalDate.of(2018, 3, 31));
        database.feed(projection, story.events());

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(report.months().subList(0, 3)).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(2, 2, 1);
        assertThat(report.months().get(2).uniqueUsers()).isEqualTo(1);
        assertThat(report.total()).isEqualTo(new MonthlyPassReport.Total(1, 1, 1));
    }

    @Test
    void an_entitlement_revoked_before_its_grant_date_never_counts() {
        LedgerStory story = new LedgerStory("westland");
        story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 4, 1), CREDIT)
                .revoke("dubbel toegekend", LocalDate.of(2018, 2, 1));
        database.feed(projection, story.events());

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(report.months().subList(0, 4)).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(0, 0, 0, 0);
        assertThat(report.months().get(4).issuedPasses()).isNull();
    }

    @Test
    void a_reversed_redemption_removes_the_user_from_its_month_even_when_reversed_later() {
        LedgerStory story = new LedgerStory("westland");
        LedgerStory.Child child = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 3), CREDIT);
        RedeemedAtProvider april = child.redeem("r-1", "zwembad", "1", 500, Instant.parse("2018-04-20T10:00:00Z"));
        child.redeem("r-2", "zwembad", "1", 500, Instant.parse("2018-05-20T10:00:00Z"));
        child.reverse(april, "verkeerde pas", Instant.parse("2018-05-25T10:00:00Z"));
        database.feed(projection, story.events());

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(report.months().get(3)).isEqualTo(new MonthlyPassReport.Month("2018-04", 1, 0));
        assertThat(report.months().get(4)).isEqualTo(new MonthlyPassReport.Month("2018-05", 1, 1));
        assertThat(report.total()).isEqualTo(new MonthlyPassReport.Total(1, 1, 1));
    }

    @Test
    void expiry_at_the_annual_reset_leaves_the_old_year_as_it_was() {
        LedgerStory story = new LedgerStory("westland");
        story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 12, 3), CREDIT)
                .expire(LocalDate.of(2019, 1, 1), "reset-2018");
        database.feed(projection, story.events());

        MonthlyPassReport report = queries.report("westland", 2018);

        assertThat(report.months().get(11)).isEqualTo(new MonthlyPassReport.Month("2018-12", 1, 0));
        assertThat(queries.report("westland", 2019).total().issuedPasses()).isNull();
    }

    @Test
    void months_before_the_first_grant_are_zero_and_a_year_without_events_is_all_empty() {
        LedgerStory story = new LedgerStory("westland");
        story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 3, 1), CREDIT);
        database.feed(projection, story.events());

        assertThat(queries.report("westland", 2018).months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(0, 0, 1, null, null, null, null, null, null, null, null, null);
        MonthlyPassReport empty = queries.report("delft", 2018);
        assertThat(empty.months()).hasSize(12).allMatch(month -> month.issuedPasses() == null);
        assertThat(empty.total()).isEqualTo(new MonthlyPassReport.Total(null, 0, 0));
    }

    @Test
    void a_reversal_of_an_unseen_redemption_fails_the_batch_and_counts_nothing_of_it() {
        LedgerStory story = new LedgerStory("westland");
        LedgerStory.Child child = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 3), CREDIT);
        database.feed(projection, story.events());
        MonthlyPassReport before = queries.report("westland", 2018);
        EntitlementGranted second = new LedgerStory("westland")
                .grant(2018, "kind-2", "WP-0002", LocalDate.of(2018, 2, 3), CREDIT).granted();
        RedemptionReversed orphan = new RedemptionReversed(child.id(), "westland", 2018, "kind-1", "r-9", "zwembad",
                "1", 500, 10_000, "fout", Instant.parse("2018-02-21T10:00:00Z"), LocalDate.of(2018, 2, 21),
                LocalDate.of(2018, 2, 20));

        assertThatThrownBy(() -> database.feed(projection, List.of(second, orphan)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(queries.report("westland", 2018)).isEqualTo(before);
    }

    private static Integer[] boxed(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
