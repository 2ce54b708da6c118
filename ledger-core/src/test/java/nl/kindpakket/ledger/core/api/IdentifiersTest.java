package nl.kindpakket.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void an_entitlement_id_is_derived_from_municipality_year_and_child() {
        assertThat(EntitlementId.of("westland", 2019, "child-1")).hasToString("westland:2019:child-1");
    }

    @Test
    void an_entitlement_id_reads_back_what_it_wrote() {
        EntitlementId id = EntitlementId.of("westland", 2019, "child-1");
        assertThat(EntitlementId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void a_malformed_entitlement_id_is_refused() {
        assertThatThrownBy(() -> EntitlementId.parse("westland:child-1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EntitlementId.parse("westland:twenty:child-1")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void budget_years_and_providers_have_derived_ids() {
        Municipality westland = new Municipality("westland");
        assertThat(new BudgetYearId(westland, 2019)).hasToString("westland:2019");
        assertThat(new ProviderKey(westland, new ProviderId("zwembad"))).hasToString("westland:zwembad");
    }
}
