package nl.kindpakket.ledger.projections.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView.HistoryEntry;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntitlementViewTest {

    private ProjectionDatabase database;
    private final EntitlementViews projection = new EntitlementViews();
    private EntitlementViewQueries queries;
    private LedgerStory story;
    private LedgerStory.Child child;

    @BeforeEach
    void grantedAndUsed() {
        database = ProjectionDatabase.postgres();
        queries = database.entitlementViews();
        story = new LedgerStory("westland");
        child = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 5), Map.of("1", 10_000L, "2", 5_000L));
        RedeemedAtProvider pool = child.redeem("r-1", "zwembad", "1", 2_500, Instant.parse("2018-01-31T23:30:00Z"));
        child.replacePass("WP-0002", LocalDate.of(2018, 2, 10));
        child.redeem("r-2", "vv-naaldwijk", "2", 1_000, Instant.parse("2018-03-01T10:00:00Z"));
        child.reverse(pool, "dubbel afgerekend", Instant.parse("2018-03-05T10:00:00Z"));
        database.feed(projection, story.newEvents());
    }

    @Test
    void the_view_shows_current_pass_credit_per_line_and_every_event_in_order() {
        EntitlementView view = queries.find("westland", 2018, "kind-1").orElseThrow();

        assertThat(view.entitlementId()).isEqualTo("westland:2018:kind-1");
        assertThat(view.passNumber()).isEqualTo("WP-0002");
        assertThat(view.status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(view.grantedOn()).isEqualTo(LocalDate.of(2018, 1, 5));
        assertThat(view.creditCents()).containsExactly(Map.entry("1", 10_000L), Map.entry("2", 4_000L));
        assertThat(view.totalCreditCents()).isEqualTo(14_000);
        assertThat(view.history()).containsExactly(
                new HistoryEntry(1, "EntitlementGranted", LocalDate.of(2018, 1, 5), null, 15_000L, 15_000L, null, null,
                        "WP-0001", null),
                new HistoryEntry(2, "RedeemedAtProvider", LocalDate.of(2018, 2, 1), "1", 2_500L, 7_500L, "r-1",
                        "zwembad", null, null),
                new HistoryEntry(3, "PassReplaced", LocalDate.of(2018, 2, 10), null, null, null, null, null,
                        "WP-0001 -> WP-0002", null),
                new HistoryEntry(4, "RedeemedAtProvider", LocalDate.of(2018, 3, 1), "2", 1_000L, 4_000L, "r-2",
                        "vv-naaldwijk", null, null),
                new HistoryEntry(5, "RedemptionReversed", LocalDate.of(2018, 3, 5), "1", 2_500L, 10_000L, "r-1",
                        "zwembad", "dubbel afgerekend", null));
    }

    @Test
    void a_revocation_releases_the_credit_and_ends_the_history() {
        child.revoke("verhuisd", LocalDate.of(2018, 6, 30));
        database.feed(projection, story.newEvents());

        EntitlementView view = queries.find("westland", 2018, "kind-1").orElseThrow();

        assertThat(view.status()).isEqualTo(EntitlementStatus.REVOKED);
        assertThat(view.creditCents()).containsExactly(Map.entry("1", 0L), Map.entry("2", 0L));
        assertThat(view.totalCreditCents()).isZero();
        assertThat(view.history()).last().isEqualTo(new HistoryEntry(6, "EntitlementRevoked",
                LocalDate.of(2018, 6, 30), null, 14_000L, 0L, null, null, "verhuisd", null));
    }

    @Test
    void the_history_ends_with_the_last_event_the_figures_took_in_though_the_store_holds_more() {
        child.redeem("r-3", "zwembad", "1", 4_000, Instant.parse("2018-04-01T10:00:00Z"));
        List<EventRecord> notTakenIn = database.records(story.newEvents());

        EntitlementView stored = queries.find("westland", 2018, "kind-1").orElseThrow();

        assertThat(stored.creditCents()).containsEntry("1", 10_000L);
        assertThat(stored.history()).hasSize(5).last().extracting(HistoryEntry::type).isEqualTo("RedemptionReversed");

        child.replacePass("WP-0004", LocalDate.of(2018, 4, 2));
        database.feed(projection, Stream.concat(notTakenIn.stream(), story.newEvents().stream()).toList());

        EntitlementView taken = queries.find("westland", 2018, "kind-1").orElseThrow();

        assertThat(taken.creditCents()).containsEntry("1", 6_000L);
        assertThat(taken.passNumber()).isEqualTo("WP-0004");
        assertThat(taken.history()).extracting(HistoryEntry::sequence, HistoryEntry::type).endsWith(
                tuple(6, "RedeemedAtProvider"), tuple(7, "PassReplaced"));
    }

    @Test
    void an_expired_entitlement_is_shown_as_expired_by_its_annual_reset() {
        story.grant(2018, "kind-2", "WP-0003", LocalDate.of(2018, 2, 1), Map.of("1", 10_000L))
                .expire(LocalDate.of(2019, 1, 1), "reset-2018");
        database.feed(projection, story.newEvents());

        EntitlementView view = queries.find("westland", 2018, "kind-2").orElseThrow();

        assertThat(view.status()).isEqualTo(EntitlementStatus.EXPIRED);
        assertThat(view.history()).extracting(HistoryEntry::type, HistoryEntry::note).last()
                .isEqualTo(tuple("EntitlementExpired", "reset-2018"));
    }

    @Test
    void another_year_or_municipality_or_child_finds_nothing() {
        assertThat(queries.find("westland", 2019, "kind-1")).isEmpty();
        assertThat(queries.find("delft", 2018, "kind-1")).isEmpty();
        assertThat(queries.find("westland", 2018, "kind-9")).isEmpty();
    }
}
