package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViews;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPasses;
import nl.kindpakket.ledger.projections.spending.SpendingLines;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch reads the stored rows of all its entitlements in one query per table that its handlers need, and writes
 * each table once.
 */
class BatchReadsTest {

    private static final int CHILDREN = 40;
    private static final List<ReadModel> READ_MODELS =
            List.of(new EntitlementViews(), new MonthlyPasses(), new SpendingLines());

    private ProjectionDatabase database;
    private LedgerStory story;
    private List<LedgerStory.Child> children;

    @BeforeEach
    void grantedInAnEarlierBatch() {
        database = ProjectionDatabase.postgres();
        story = new LedgerStory("westland");
        story.allocate(2019, "1", "Sport en cultuur", 10_000_000, LocalDate.of(2019, 1, 1));
        children = IntStream.range(0, CHILDREN)
                .mapToObj(i -> story.grant(2019, "kind-" + i, "WP-" + (1000 + i), LocalDate.of(2019, 1, 10),
                        Map.of("1", 10_000L)))
                .toList();
        database.feedAll(READ_MODELS, story.newEvents());
    }

    @Test
    void a_batch_of_redemptions_reads_only_the_rows_it_changes_once_per_table_and_writes_once_per_table() {
        for (LedgerStory.Child child : children) {
            child.redeem("r-" + child.id(), "zwembad", "1", 1_000, Instant.parse("2019-03-04T10:00:00Z"));
            child.redeem("s-" + child.id(), "zwembad", "1", 500, Instant.parse("2019-04-04T10:00:00Z"));
        }
        List<String> statements = database.recordStatements();

        database.feedAll(READ_MODELS, story.newEvents());

        assertThat(count(statements, "FROM monthly_entitlement WHERE")).isEqualTo(1);
        assertThat(count(statements, "FROM spending_entitlement WHERE")).isEqualTo(1);
        assertThat(count(statements, "FROM entitlement_view WHERE")).as("a redemption leaves the head alone").isZero();
        assertThat(count(statements, "FROM entitlement_credit WHERE")).as("it sets its line's credit").isZero();
        assertThat(count(statements, "INSERT INTO entitlement_credit")).isEqualTo(1);
        assertThat(count(statements, "INSERT INTO monthly_pass_count ")).isEqualTo(1);
        assertThat(count(statements, "INSERT INTO spending_line_count_log"))
                .as("a redemption's posting tells its change as of its recording").isZero();
        assertThat(count(statements, "INSERT INTO spending_posting")).isEqualTo(1);
        assertThat(statements).as("every statement of the batch").hasSizeLessThanOrEqualTo(14);

        var unique = new MonthlyPassQueries(database.jdbc()).report("westland", 2019);
        assertThat(unique.months().get(2).uniqueUsers()).isEqualTo(CHILDREN);
        assertThat(unique.months().get(3).uniqueUsers()).isEqualTo(CHILDREN);
        assertThat(unique.total().distinctUsersInYear()).isEqualTo(CHILDREN);
        var view = database.entitlementViews().find("westland", 2019, "kind-7").orElseThrow();
        assertThat(view.totalCreditCents()).isEqualTo(8_500);
        assertThat(view.history()).extracting(EntitlementView.HistoryEntry::type)
                .containsExactly("EntitlementGranted", "RedeemedAtProvider", "RedeemedAtProvider");
    }

    private static long count(List<String> statements, String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).count();
    }
}
