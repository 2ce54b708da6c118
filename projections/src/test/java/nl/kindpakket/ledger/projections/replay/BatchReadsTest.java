package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import nl.kindpakket.ledger.projections.entitlement.EntitlementViewProjection;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassProjection;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineProjection;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch reads the stored rows of all the entitlements it has events of in one query per table, not one per event
 * or per entitlement, and writes each table's changes in one batched statement; the figures are those of one by one.
 */
class BatchReadsTest {

    private static final int CHILDREN = 40;

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
        database.feedAll(readModels(), story.newEvents());
    }

    @Test
    void a_batch_of_redemptions_reads_its_entitlements_once_per_table_and_writes_once_per_table() {
        for (LedgerStory.Child child : children) {
            child.redeem("r-" + child.id(), "zwembad", "1", 1_000, Instant.parse("2019-03-04T10:00:00Z"));
            child.redeem("s-" + child.id(), "zwembad", "1", 500, Instant.parse("2019-04-04T10:00:00Z"));
        }
        List<String> statements = database.recordStatements();

        database.feedAll(readModels(), story.newEvents());

        assertThat(count(statements, "FROM entitlement_view WHERE")).as("entitlement view heads").isEqualTo(1);
        assertThat(count(statements, "FROM entitlement_credit WHERE")).isEqualTo(1);
        assertThat(count(statements, "FROM monthly_entitlement WHERE")).isEqualTo(1);
        assertThat(count(statements, "FROM monthly_entitlement_use WHERE")).isEqualTo(1);
        assertThat(count(statements, "FROM spending_entitlement WHERE")).isEqualTo(1);
        assertThat(count(statements, "INSERT INTO entitlement_history")).isEqualTo(1);
        assertThat(count(statements, "UPDATE monthly_pass_count")).isEqualTo(1);
        assertThat(statements).as("every statement of the batch").hasSizeLessThan(30);

        var unique = new MonthlyPassQueries(database.jdbc()).report("westland", 2019);
        assertThat(unique.months().get(2).uniqueUsers()).isEqualTo(CHILDREN);
        assertThat(unique.months().get(3).uniqueUsers()).isEqualTo(CHILDREN);
        assertThat(unique.total().distinctUsersInYear()).isEqualTo(CHILDREN);
        var view = new EntitlementViewQueries(database.jdbc()).find("westland", 2019, "kind-7").orElseThrow();
        assertThat(view.totalCreditCents()).isEqualTo(8_500);
        assertThat(view.history()).hasSize(3);
    }

    private List<Object> readModels() {
        return List.of(new EntitlementViewProjection(database.jdbc()), new MonthlyPassProjection(database.jdbc()),
                new SpendingLineProjection(database.jdbc()));
    }

    private static long count(List<String> statements, String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).count();
    }
}
