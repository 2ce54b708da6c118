package nl.kindpakket.ledger.projections.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A row's key taken straight from the row must be the one its key columns make, or no row of it is written. */
class RowTableTest {

    record Credit(String entitlementId, String line, long cents) {
    }

    private static RowTable<Credit> keyedBy(java.util.function.Function<Credit, Object> key) {
        return RowTable.<Credit>named("credit").key("entitlement_id", "line").columns("cents")
                .keyedBy(key)
                .values(row -> new Object[] {row.entitlementId(), row.line(), row.cents()})
                .reader(row -> null);
    }

    @Test
    void a_key_taken_from_the_row_is_the_key_its_columns_make() {
        RowTable<Credit> table = keyedBy(row -> List.of(row.entitlementId(), row.line()));
        Credit credit = new Credit("w:2025:kind-1", "3", 500);

        assertThat(table.keyOf(credit)).isEqualTo(table.key("w:2025:kind-1", "3"));
        assertThat(table.values(credit)).containsExactly("w:2025:kind-1", "3", 500L);
    }

    @Test
    void a_key_taken_from_the_row_that_differs_from_its_columns_refuses_the_row_when_it_is_written() {
        RowTable<Credit> swapped = keyedBy(row -> List.of(row.line(), row.entitlementId()));

        assertThatThrownBy(() -> swapped.values(new Credit("w:2025:kind-1", "3", 500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credit: a row's key is [3, w:2025:kind-1], its key columns hold [w:2025:kind-1, 3]");
    }
}
