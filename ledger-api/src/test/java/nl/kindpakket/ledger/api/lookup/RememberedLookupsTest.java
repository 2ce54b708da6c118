package nl.kindpakket.ledger.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import nl.kindpakket.ledger.core.lookup.ProviderDirectory.Standing;
import org.junit.jupiter.api.Test;

/**
 * What the lookups found is recalled only where it lets a redemption through: a holder, the year open, the provider
 * accepting the line, each as the tables last answered it; what they answered otherwise is forgotten.
 */
class RememberedLookupsTest {

    private static final String ANNA = "westland:2025:anna";
    private static final String BRAM = "westland:2025:bram";

    @Test
    void a_pass_is_recalled_with_its_holder_year_and_provider_once_the_tables_let_a_redemption_through() {
        RememberedLookups remembered = new RememberedLookups(10);
        assertThat(recall(remembered, "P-1", "zwembad", "3")).isEmpty();

        learn(remembered, "P-1", ANNA, false, "zwembad", "3", Standing.ACCEPTING);

        assertThat(recall(remembered, "P-1", "zwembad", "3")).contains(
                new Recalled("westland", "P-1", ANNA, 2025, "r-1", "zwembad", "3"));
        assertThat(recall(remembered, "P-1", "zwembad", "1")).as("another line, never asked").isEmpty();
        assertThat(recall(remembered, "P-1", "sportclub", "3")).as("another provider, never asked").isEmpty();
        assertThat(remembered.recall("otherville", "P-1", "r-1", "zwembad", "3")).as("another municipality").isEmpty();
    }

    @Test
    void what_would_refuse_a_redemption_is_not_recalled_and_the_tables_last_answer_wins() {
        RememberedLookups remembered = new RememberedLookups(10);
        learn(remembered, "P-1", ANNA, false, "zwembad", "3", Standing.ACCEPTING);

        learn(remembered, "P-1", ANNA, false, "zwembad", "3", Standing.SUSPENDED);
        assertThat(recall(remembered, "P-1", "zwembad", "3")).as("a suspended provider").isEmpty();

        learn(remembered, "P-1", ANNA, false, "zwembad", "3", Standing.ACCEPTING);
        learn(remembered, "P-1", BRAM, false, "zwembad", "3", Standing.ACCEPTING);
        assertThat(recall(remembered, "P-1", "zwembad", "3")).map(Recalled::holder).as("the pass's new holder")
                .contains(BRAM);

        learn(remembered, "P-1", BRAM, true, "zwembad", "3", Standing.ACCEPTING);
        assertThat(recall(remembered, "P-1", "zwembad", "3")).as("a closed year").isEmpty();

        learn(remembered, "P-1", BRAM, false, "zwembad", "3", Standing.ACCEPTING);
        remembered.learn("westland", "P-1", Optional.empty(), Optional.empty(), null, "zwembad", "3", Standing.ACCEPTING);
        assertThat(recall(remembered, "P-1", "zwembad", "3")).as("a pass no longer held").isEmpty();
    }

    @Test
    void a_full_memory_forgets_every_pass_and_none_is_kept_when_none_may_be() {
        RememberedLookups remembered = new RememberedLookups(2);
        learn(remembered, "P-1", ANNA, false, "zwembad", "3", Standing.ACCEPTING);
        learn(remembered, "P-2", BRAM, false, "zwembad", "3", Standing.ACCEPTING);
        learn(remembered, "P-3", "westland:2025:cees", false, "zwembad", "3", Standing.ACCEPTING);

        assertThat(recall(remembered, "P-1", "zwembad", "3")).isEmpty();
        assertThat(recall(remembered, "P-2", "zwembad", "3")).isEmpty();
        assertThat(recall(remembered, "P-3", "zwembad", "3")).isPresent();

        RememberedLookups none = new RememberedLookups(0);
        learn(none, "P-1", ANNA, false, "zwembad", "3", Standing.ACCEPTING);
        assertThat(recall(none, "P-1", "zwembad", "3")).isEmpty();
    }

    private static void learn(RememberedLookups remembered, String pass, String holder, boolean closed, String provider,
            String line, Standing standing) {
        remembered.learn("westland", pass, Optional.of(holder), Optional.of(holder), closed, provider, line, standing);
    }

    private static Optional<Recalled> recall(RememberedLookups remembered, String pass, String provider, String line) {
        return remembered.recall("westland", pass, "r-1", provider, line);
    }
}
