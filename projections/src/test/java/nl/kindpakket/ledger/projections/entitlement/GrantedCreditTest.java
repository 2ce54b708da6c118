package nl.kindpakket.ledger.projections.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A line's grant stays in its credit row when later batches write the row without reading it, and the low-credit
 * alert reckons its share from it: on PostgreSQL and on the embedded H2, whose upserts are written differently.
 */
class GrantedCreditTest {

    private static final String H2 = "jdbc:h2:file:./target/h2/granted-credit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void postgresql_keeps_the_grant_of_a_row_written_again() {
        keepsTheGrant(ProjectionDatabase.postgres());
    }

    @Test
    void h2_keeps_the_grant_of_a_row_written_again() {
        keepsTheGrant(ProjectionDatabase.migrated(new DriverManagerDataSource(H2, "sa", "")));
    }

    private static void keepsTheGrant(ProjectionDatabase database) {
        LedgerStory story = new LedgerStory("westland");
        story.allocate(2019, "1", "Sport en cultuur", 10_000_000, LocalDate.of(2019, 1, 1));
        LedgerStory.Child low = story.grant(2019, "kind-1", "WP-1", LocalDate.of(2019, 1, 10), Map.of("1", 10_000L));
        LedgerStory.Child high = story.grant(2019, "kind-2", "WP-2", LocalDate.of(2019, 1, 10), Map.of("1", 10_000L));
        database.feedAll(List.of(new EntitlementViews()), story.newEvents());

        low.redeem("r-1", "zwembad", "1", 8_500, Instant.parse("2019-03-04T10:00:00Z"));
        high.redeem("r-2", "zwembad", "1", 7_000, Instant.parse("2019-03-04T10:00:00Z"));
        database.feedAll(List.of(new EntitlementViews()), story.newEvents());

        assertThat(database.jdbc().queryForList("SELECT granted_cents FROM entitlement_credit ORDER BY entitlement_id",
                Long.class)).containsExactly(10_000L, 10_000L);
        assertThat(new CreditAlerts(database.jdbc()).lowCredit("westland", 2019, new BigDecimal("0.2"), 10))
                .extracting(CreditAlerts.LowCredit::childRef, CreditAlerts.LowCredit::creditCents,
                        CreditAlerts.LowCredit::grantedCents)
                .containsExactly(tuple("kind-1", 1_500L, 10_000L));
    }
}
