package nl.kindpakket.ledger.projections.spending;

import static nl.kindpakket.ledger.projections.support.EnschedeProposal.LEERGELD;
import static nl.kindpakket.ledger.projections.support.EnschedeProposal.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.spending.SpendingLineJournal.Posting;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport.Line;
import nl.kindpakket.ledger.projections.support.EnschedeProposal;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A spending line's journal lists every posting behind the report's figures, and adds up to them exactly. */
class SpendingLineJournalTest {

    private static final Instant FIRST_RECORDED = Instant.parse("2020-01-06T08:00:00.123456Z");

    private ProjectionDatabase database;
    private final SpendingLines projection = new SpendingLines();
    private JournalQueries journals;
    private SpendingLineQueries reports;
    private List<EventRecord> history;

    @BeforeEach
    void enschede2020And2021RecordedOneSecondApart() {
        database = ProjectionDatabase.postgres();
        journals = new JournalQueries(database.jdbc());
        reports = new SpendingLineQueries(database.jdbc());
        history = database.records(new EnschedeProposal().year2020().year2021().story().events(),
                i -> FIRST_RECORDED.plus(Duration.ofSeconds(i)));
        database.feed(projection, history);
    }

    @Test
    void every_lines_postings_add_up_to_its_available_spent_refunded_and_remaining_in_the_report() {
        SpendingLineReport report = reports.report("enschede", 2020);

        assertThat(report.lines()).hasSize(4).allSatisfy(line -> {
            List<Posting> postings = whole(line.code());
            assertThat(sums(postings)).as("line %s", line.code()).isEqualTo(figuresOf(line));
            assertThat(figuresAfter(postings.get(postings.size() - 1))).as("line %s", line.code())
                    .isEqualTo(new long[] {line.availableCents(), line.spentCents(), line.refundedCents(),
                            line.remainingCents()});
        });
        // line 3's underspend of 59,000 was repaid: after its refund nothing remains, as in the report
        List<Posting> leermiddelen = whole("3");
        assertThat(leermiddelen.get(leermiddelen.size() - 1).remainingCents()).isZero();
        assertThat(leermiddelen.get(leermiddelen.size() - 2).remainingCents()).isEqualTo(euros(59_000));
    }

    @Test
    void the_first_line_lists_its_allocation_the_childrens_purchases_one_reversal_and_two_organisations() {
        List<Posting> postings = whole("1");

        Map<String, Long> kinds = postings.stream().collect(Collectors.groupingBy(Posting::kind, Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(
                Map.of("allocation", 1L, "redemption", 81L, "reversal", 1L, "expenditure", 2L));
        assertThat(postings).extracting(Posting::position).isSorted().doesNotHaveDuplicates();
        Posting allocation = postings.get(0);
        assertThat(allocation).isEqualTo(new Posting(allocation.position(), LocalDate.of(2020, 1, 6), "allocation",
                euros(213_000), null, null, null, euros(213_000), 0, 0, euros(213_000)));
        Posting reversal = postings.stream().filter(p -> p.kind().equals("reversal")).findFirst().orElseThrow();
        Posting before = postings.get(postings.indexOf(reversal) - 1);
        assertThat(reversal.amountCents()).isEqualTo(-euros(100));
        assertThat(reversal.entitlementId()).isEqualTo("enschede:2020:kind-07");
        assertThat(reversal.providerId()).isEqualTo("zeeman");
        assertThat(reversal.businessDate()).isEqualTo(LocalDate.of(2020, 4, 15));
        assertThat(reversal.spentCents()).isEqualTo(before.spentCents() - euros(100));
        assertThat(reversal.remainingCents()).isEqualTo(before.remainingCents() + euros(100));
        assertThat(postings.stream().filter(p -> p.kind().equals("expenditure")).map(Posting::organisation))
                .containsExactly(LEERGELD, EnschedeProposal.GEMEENTE);
    }

    @Test
    void a_walk_page_by_page_lists_the_same_postings_with_the_same_running_figures() {
        JournalQuery query = new JournalQuery("enschede", 2020, "1", null, null, null, null, null, JournalQuery.START, 7);
        List<Posting> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        SpendingLineJournal page = journals.page(query).orElseThrow();
        while (true) {
            walked.addAll(page.postings());
            sizes.add(page.postings().size());
            if (page.next() == null) {
                break;
            }
            assertThat(page.next()).isEqualTo(page.postings().get(page.postings().size() - 1).position());
            page = journals.page(query.after(page.next())).orElseThrow();
        }

        assertThat(walked).isEqualTo(whole("1"));
        assertThat(sizes).hasSize(13).containsOnly(7, 1);
    }

    @Test
    void a_full_last_page_still_says_there_is_no_next_one() {
        JournalQuery query = new JournalQuery("enschede", 2020, "4", null, null, null, null, null, JournalQuery.START, 2);

        SpendingLineJournal page = journals.page(query).orElseThrow();

        assertThat(page.postings()).extracting(Posting::kind).containsExactly("allocation", "expenditure");
        assertThat(page.next()).isNull();
        assertThat(journals.page(query.after(page.postings().get(1).position())).orElseThrow().postings()).isEmpty();
    }

    @Test
    void as_of_a_moment_the_journal_lists_what_was_recorded_by_then_and_adds_up_to_the_report_as_of_then() {
        for (int cut : List.of(history.size() / 3, history.size() * 2 / 3, history.size() - 3)) {
            Instant moment = history.get(cut).recordedAt();
            SpendingLineReport report = reports.report("enschede", 2020, moment);
            for (Line line : report.lines()) {
                List<Posting> postings = journals.page(new JournalQuery("enschede", 2020, line.code(), null, null, null,
                        null, moment, JournalQuery.START, JournalQuery.MAX_LIMIT)).orElseThrow().postings();
                assertThat(postings).extracting(Posting::position).allMatch(position -> position <= history.get(cut).position());
                assertThat(sums(postings)).as("line %s as of event %d", line.code(), cut).isEqualTo(figuresOf(line));
            }
        }
        Instant beforeTheRefund = history.stream().filter(r -> r.payload() instanceof UnderspendRefunded)
                .findFirst().orElseThrow().recordedAt().minusNanos(1_000);
        List<Posting> line3 = journals.page(new JournalQuery("enschede", 2020, "3", null, null, null, null,
                beforeTheRefund, JournalQuery.START, 500)).orElseThrow().postings();
        assertThat(line3).extracting(Posting::kind).doesNotContain("refund");
        assertThat(line3.get(line3.size() - 1).refundedCents()).isZero();
        assertThat(whole("3").get(whole("3").size() - 1).kind()).isEqualTo("refund");
    }

    @Test
    void filters_keep_a_providers_an_organisations_or_a_periods_postings_with_the_lines_figures_after_each() {
        List<Posting> all = whole("1");
        List<Posting> zeeman = journals.page(new JournalQuery("enschede", 2020, "1", null, null, "zeeman", null, null,
                JournalQuery.START, 500)).orElseThrow().postings();
        List<Posting> april = journals.page(new JournalQuery("enschede", 2020, "1", LocalDate.of(2020, 4, 1),
                LocalDate.of(2020, 4, 30), null, null, null, JournalQuery.START, 500)).orElseThrow().postings();
        List<Posting> leergeld = journals.page(new JournalQuery("enschede", 2020, "3", null, null, null, LEERGELD, null,
                JournalQuery.START, 500)).orElseThrow().postings();

        assertThat(zeeman).hasSize(41).allMatch(p -> "zeeman".equals(p.providerId()));
        assertThat(zeeman).isEqualTo(all.stream().filter(p -> "zeeman".equals(p.providerId())).toList());
        assertThat(april).hasSize(42).allMatch(p -> p.businessDate().getMonthValue() == 4);
        assertThat(april).isEqualTo(all.stream().filter(p -> p.businessDate().getMonthValue() == 4).toList());
        assertThat(leergeld).extracting(Posting::kind, Posting::amountCents)
                .containsExactly(tuple("expenditure", euros(1_181_800)),
                        tuple("refund", euros(59_000)));
        assertThat(leergeld.get(1).refundedCents()).isEqualTo(euros(59_000));
        assertThat(leergeld.get(1).spentCents()).isEqualTo(euros(1_197_000));
    }

    @Test
    void an_unknown_line_or_year_has_no_journal() {
        assertThat(journals.page(JournalQuery.wholeLine("enschede", 2020, "9"))).isEmpty();
        assertThat(journals.page(JournalQuery.wholeLine("enschede", 2019, "1"))).isEmpty();
        assertThat(journals.hasBudgetYear("enschede", 2020)).isTrue();
        assertThat(journals.hasBudgetYear("enschede", 2019)).isFalse();
        assertThat(journals.hasBudgetYear("hengelo", 2020)).isFalse();
        assertThat(journals.page(JournalQuery.wholeLine("enschede", 2021, "3")).orElseThrow().postings())
                .extracting(Posting::kind).containsExactly("allocation");
    }

    @Test
    void a_page_holds_one_to_ten_thousand_postings_after_a_position_and_runs_from_a_date_not_after_its_end() {
        assertThatThrownBy(() -> query(JournalQuery.START, 0, null, null)).isInstanceOf(InvalidInput.class)
                .extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> query(JournalQuery.START, 10_001, null, null)).isInstanceOf(InvalidInput.class)
                .extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> query(-2, 500, null, null)).isInstanceOf(InvalidInput.class)
                .extracting("field").isEqualTo("after");
        assertThatThrownBy(() -> query(JournalQuery.START, 500, LocalDate.of(2020, 5, 1), LocalDate.of(2020, 4, 30)))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("to");
        assertThat(query(JournalQuery.START, 10_000, LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 1)).limit())
                .isEqualTo(10_000);
    }

    private static JournalQuery query(long after, int limit, LocalDate from, LocalDate to) {
        return new JournalQuery("enschede", 2020, "1", from, to, null, null, null, after, limit);
    }

    private List<Posting> whole(String line) {
        SpendingLineJournal journal = journals.page(JournalQuery.wholeLine("enschede", 2020, line)).orElseThrow();
        assertThat(journal.next()).isNull();
        return journal.postings();
    }

    /** Available, spent and refunded as the sums of the postings that move each. */
    private static long[] sums(List<Posting> postings) {
        long[] sums = new long[3];
        for (Posting posting : postings) {
            sums[PostingKind.of(posting.kind()).figure().ordinal()] += posting.amountCents();
        }
        return sums;
    }

    private static long[] figuresOf(Line line) {
        return new long[] {line.availableCents(), line.spentCents(), line.refundedCents()};
    }

    private static long[] figuresAfter(Posting posting) {
        return new long[] {posting.availableCents(), posting.spentCents(), posting.refundedCents(), posting.remainingCents()};
    }
}
