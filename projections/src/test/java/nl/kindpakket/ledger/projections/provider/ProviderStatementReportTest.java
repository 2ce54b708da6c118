package nl.kindpakket.ledger.projections.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport.Statement;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport.Total;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderStatementReportTest {

    private static final String POOL = "zwembad-de-waterman";
    private static final String CLUB = "vv-naaldwijk";

    private ProjectionDatabase database;
    private ProviderStatementQueries queries;

    @BeforeEach
    void feedWestland() {
        database = ProjectionDatabase.postgres();
        LedgerStory story = new LedgerStory("westland");
        story.provider(POOL, "Zwembad De Waterman", List.of("1"));
        story.provider(CLUB, "VV Naaldwijk", List.of("1"));
        LedgerStory.Child first = story.grant(2018, "kind-1", "WP-0001", LocalDate.of(2018, 1, 2),
                Map.of("1", 20_000L));
        LedgerStory.Child second = story.grant(2018, "kind-2", "WP-0002", LocalDate.of(2018, 1, 2),
                Map.of("1", 20_000L));
        RedeemedAtProvider january = first.redeem("r-2", POOL, "1", 750, Instant.parse("2018-01-15T10:00:00Z"));
        first.reverse(january, "dubbel", Instant.parse("2018-01-20T10:00:00Z"));
        first.redeem("r-1", POOL, "1", 500, Instant.parse("2018-01-31T23:30:00Z"));
        first.redeem("r-3", CLUB, "1", 2_500, Instant.parse("2018-02-10T10:00:00Z"));
        RedeemedAtProvider february = second.redeem("r-4", CLUB, "1", 2_500, Instant.parse("2018-02-20T10:00:00Z"));
        second.reverse(february, "lidmaatschap opgezegd", Instant.parse("2018-03-02T10:00:00Z"));
        RedeemedAtProvider december = second.redeem("r-5", POOL, "1", 600, Instant.parse("2018-12-20T10:00:00Z"));
        second.reverse(december, "bad gesloten", Instant.parse("2019-01-03T10:00:00Z"));
        database.feed(new ProviderStatements(), story.events());
        queries = new ProviderStatementQueries(database.jdbc());
    }

    @Test
    void a_month_shows_each_provider_with_its_redemptions_reversals_and_net_to_pay() {
        assertThat(queries.forMonth("westland", 2018, 1).statements()).containsExactly(
                new Statement(POOL, "Zwembad De Waterman", "2018-01", 1, 750, 1, 750, 0));
        ProviderStatementReport february = queries.forMonth("westland", 2018, 2);
        assertThat(february.statements()).containsExactly(
                new Statement(CLUB, "VV Naaldwijk", "2018-02", 2, 5_000, 0, 0, 5_000),
                new Statement(POOL, "Zwembad De Waterman", "2018-02", 1, 500, 0, 0, 500));
        assertThat(february.total()).isEqualTo(new Total(3, 5_500, 0, 0, 5_500));
        assertThat(february.month()).isEqualTo(2);
    }

    @Test
    void a_reversal_lands_on_the_statement_of_the_month_it_was_made_in() {
        assertThat(queries.forMonth("westland", 2018, 3).statements()).containsExactly(
                new Statement(CLUB, "VV Naaldwijk", "2018-03", 0, 0, 1, 2_500, -2_500));
        assertThat(queries.forMonth("westland", 2019, 1).statements()).containsExactly(
                new Statement(POOL, "Zwembad De Waterman", "2019-01", 0, 0, 1, 600, -600));
    }

    @Test
    void a_year_lists_every_provider_month_in_order_and_adds_them_up() {
        ProviderStatementReport year = queries.forYear("westland", 2018);

        assertThat(year.statements()).extracting(Statement::month, Statement::providerId).containsExactly(
                tuple("2018-01", POOL),
                tuple("2018-02", CLUB),
                tuple("2018-02", POOL),
                tuple("2018-03", CLUB),
                tuple("2018-12", POOL));
        assertThat(year.total()).isEqualTo(new Total(5, 6_850, 2, 3_250, 3_600));
        assertThat(year.month()).isNull();
    }

    @Test
    void a_month_outside_1_to_12_is_refused() {
        assertThatThrownBy(() -> queries.forMonth("westland", 2018, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queries.forMonth("delft", 2018, 1).statements()).isEmpty();
    }
}
