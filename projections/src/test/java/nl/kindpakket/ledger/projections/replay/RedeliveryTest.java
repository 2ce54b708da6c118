package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.ReplacementTables;
import nl.kindpakket.ledger.projections.store.TableComparison;
import nl.kindpakket.ledger.projections.store.TableStore;
import nl.kindpakket.ledger.projections.support.AllReadModels;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.junit.jupiter.api.Test;

/**
 * Every batch delivered three times, the first two dying before they commit (as a process dies mid-batch), leaves
 * every read model exactly as one delivery does: what a batch wrote goes with its transaction.
 */
class RedeliveryTest {

    private static final int BATCH = 50;

    @Test
    void each_batch_fed_three_times_with_a_crash_after_the_first_two_gives_the_tables_of_one_feeding() {
        ProjectionDatabase database = ProjectionDatabase.postgres();
        Fold fold = ReadModels.fold();
        List<EventRecord> records = database.records(AllReadModels.history());
        TableStore live = new TableStore(database.jdbc(), database.dialect(), TableNames.LIVE);

        for (int from = 0; from < records.size(); from += BATCH) {
            List<EventRecord> batch = records.subList(from, Math.min(records.size(), from + BATCH));
            for (int crash = 0; crash < 2; crash++) {
                assertThatThrownBy(() -> database.inTransaction(() -> {
                    live.apply(fold, batch);
                    throw new Crash();
                })).isInstanceOf(Crash.class);
            }
            database.inTransaction(() -> live.apply(fold, batch));
        }

        ReplacementTables once = new ReplacementTables(database.jdbc(), database.dialect(), "projections_once", fold);
        database.foldFromNothing(fold, once, records, 1);
        TableComparison comparison = new TableComparison(database.jdbc());
        assertThat(fold.tables()).allSatisfy(table ->
                assertThat(comparison.compare(table, once.names(), 3).differingRows()).as(table.name()).isZero());
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM spending_posting", Long.class))
                .as("something was folded").isPositive();
    }

    /** The process dying after a batch's writes, before its commit. */
    private static final class Crash extends RuntimeException {
    }
}
