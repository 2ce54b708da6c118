package nl.kindpakket.ledger.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ShadowDataSourceTest {

    private final ShadowDataSource shadow = new ShadowDataSource(new DriverManagerDataSource(), "rebuild",
            List.of("monthly_entitlement", "monthly_pass_count"));

    @Test
    void a_read_models_tables_are_read_and_written_in_the_shadow_schema() {
        assertThat(shadow.redirect("UPDATE monthly_pass_count SET granted = granted + ? WHERE slot = ?"))
                .isEqualTo("UPDATE rebuild.monthly_pass_count SET granted = granted + ? WHERE slot = ?");
        assertThat(shadow.redirect("INSERT INTO monthly_entitlement (entitlement_id) VALUES (?)"))
                .isEqualTo("INSERT INTO rebuild.monthly_entitlement (entitlement_id) VALUES (?)");
        assertThat(shadow.redirect("select m.x from monthly_entitlement m join monthly_pass_count c on c.y = m.y"))
                .isEqualTo("select m.x from rebuild.monthly_entitlement m join rebuild.monthly_pass_count c on c.y = m.y");
        assertThat(shadow.redirect("DELETE FROM monthly_pass_count")).isEqualTo("DELETE FROM rebuild.monthly_pass_count");
    }

    @Test
    void other_tables_and_columns_named_like_a_table_stay_as_they_are() {
        assertThat(shadow.redirect("UPDATE token_entry SET token = ? WHERE processor_name = ?"))
                .isEqualTo("UPDATE token_entry SET token = ? WHERE processor_name = ?");
        assertThat(shadow.redirect("SELECT monthly_entitlement_id FROM monthly_entitlement_use"))
                .isEqualTo("SELECT monthly_entitlement_id FROM monthly_entitlement_use");
        assertThat(shadow.redirect("SELECT monthly_pass_count FROM other"))
                .isEqualTo("SELECT monthly_pass_count FROM other");
    }
}
