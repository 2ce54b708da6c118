package nl.kindpakket.ledger.projections.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.Map;

import nl.kindpakket.ledger.projections.table.AppendTable;
import nl.kindpakket.ledger.projections.table.RowTable;
import org.junit.jupiter.api.Test;

/**
 * A row changed in place is written like a row put anew: a batch on stored rows writes it, and only it; a row the
 * batch does not hold under its key is refused rather than silently left unwritten.
 */
class ChangesTest {

    /** A row that changes in place, as the fold's largest rows do. */
    static final class Credit {
        final String entitlementId;
        long cents;

        Credit(String entitlementId, long cents) {
            this.entitlementId = entitlementId;
            this.cents = cents;
        }
    }

    static final RowTable<Credit> CREDIT = RowTable.<Credit>named("credit").key("entitlement_id").columns("cents")
            .keyedBy(row -> row.entitlementId)
            .values(row -> new Object[] {row.entitlementId, row.cents})
            .reader(row -> null);

    /** Two stored rows, read one key at a time. */
    private static final Changes.Source STORED = new Changes.Source() {
        @Override
        public <R> void readGroups(RowTable<R> table, Collection<String> entitlementIds, Map<Object, R> rows) {
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R readOne(RowTable<R> table, Object key) {
            return key.equals("a") || key.equals("b") ? (R) new Credit((String) key, 100) : null;
        }
    };

    private static Changes onStoredRows() {
        return Changes.onStoredRows(STORED, new Changes.Appends() {
            @Override
            public <R> void append(AppendTable<R> table, R row) {
            }
        });
    }

    @Test
    void a_stored_row_changed_in_place_is_written_and_a_row_only_read_is_not() {
        Changes changes = onStoredRows();
        Credit a = changes.get(CREDIT, "a");
        changes.get(CREDIT, "b");

        a.cents = 40;
        changes.changedInPlace(CREDIT, a);

        assertThat(changes.rowsToWrite(CREDIT)).singleElement()
                .satisfies(row -> assertThat(CREDIT.values(row)).containsExactly("a", 40L));
    }

    @Test
    void a_row_the_batch_does_not_hold_under_its_key_is_refused() {
        Changes changes = onStoredRows();
        changes.get(CREDIT, "a");

        assertThatThrownBy(() -> changes.changedInPlace(CREDIT, new Credit("a", 40)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credit holds another row under a than the one changed in place");
        assertThat(changes.rowsToWrite(CREDIT)).isEmpty();
    }

    @Test
    void a_fold_from_nothing_writes_every_row_it_holds_changed_in_place_or_not() {
        Changes changes = Changes.fromNothing(new Changes.Appends() {
            @Override
            public <R> void append(AppendTable<R> table, R row) {
            }
        });
        Credit a = new Credit("a", 100);
        changes.put(CREDIT, a);
        changes.put(CREDIT, new Credit("b", 100));

        a.cents = 40;
        changes.changedInPlace(CREDIT, a);

        assertThat(changes.rowsToWrite(CREDIT)).extracting(row -> row.cents).containsExactlyInAnyOrder(40L, 100L);
    }
}
