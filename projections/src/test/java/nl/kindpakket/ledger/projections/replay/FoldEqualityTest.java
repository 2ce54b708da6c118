package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.ReplacementTables;
import nl.kindpakket.ledger.projections.store.TableComparison;
import nl.kindpakket.ledger.projections.support.AllReadModels;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same handlers, run three ways, give the same tables row for row: live processing in batches of any size, a
 * fold from nothing (whole, or in parts of the aggregates) and in any interleaving of the aggregates' events.
 */
class FoldEqualityTest {

    private static final List<LedgerEvent> HISTORY = AllReadModels.history();
    private static final Fold FOLD = ReadModels.fold();

    private ProjectionDatabase database;
    private AllReadModels readModels;
    private ReplacementTables replay;
    private List<EventRecord> records;

    @BeforeEach
    void emptyTables() {
        database = ProjectionDatabase.postgres();
        readModels = new AllReadModels(database);
        replay = new ReplacementTables(database.jdbc(), database.dialect(), "projections_replay", FOLD);
        records = database.records(HISTORY);
    }

    @Test
    void live_batches_of_1_7_and_500_and_a_fold_from_nothing_give_the_same_tables_row_for_row() {
        foldFromNothing(1);
        AllReadModels.Reports reports = null;
        for (int batch : new int[] {500, 7, 1}) {
            readModels.resetAll();
            database.feedInBatches(ReadModels.all(), records, batch);
            assertThat(differences()).as("batches of %d against the fold from nothing", batch).isZero();
            if (reports == null) {
                reports = readModels.reports();
            }
            assertThat(readModels.reports()).isEqualTo(reports);
        }
        assertThat(reports.westland2018().total().uniqueUsers()).isEqualTo(3370);
        assertThat(rows("entitlement_credit")).isGreaterThan(HISTORY.size() / 20);
    }

    @Test
    void a_fold_from_nothing_in_four_parts_of_the_aggregates_gives_the_tables_of_a_whole_one() {
        database.feedAll(ReadModels.all(), records);

        foldFromNothing(4);

        assertThat(differences()).isZero();
    }

    @Test
    void another_interleaving_of_the_aggregates_gives_the_same_tables() {
        foldFromNothing(1);

        List<EventRecord> segmentBySegment = records.stream()
                .sorted(Comparator.comparingInt((EventRecord record) -> Slots.of(record.aggregateId())).reversed())
                .toList();
        database.feedAll(ReadModels.all(), segmentBySegment);

        assertThat(differences()).isZero();
    }

    @Test
    void a_changed_row_is_named_with_its_live_and_its_replayed_values() {
        database.feedAll(ReadModels.all(), records);
        foldFromNothing(1);
        database.jdbc().update("UPDATE spending_line_count SET redeemed_cents = redeemed_cents + 1 "
                + "WHERE municipality = 'enschede' AND budget_year = 2020 AND code = '1' AND slot = "
                + "(SELECT MIN(slot) FROM spending_line_count WHERE municipality = 'enschede' AND budget_year = 2020 "
                + "AND code = '1' AND redeemed_cents > 0)");
        int deleted = database.jdbc().update("DELETE FROM monthly_pass_count_log WHERE recorded_at = "
                + "(SELECT MIN(recorded_at) FROM monthly_pass_count_log)");

        TableComparison comparison = new TableComparison(database.jdbc());
        TableComparison.Result counters = comparison.compare(table("spending_line_count"), replay.names(), 10);
        TableComparison.Result log = comparison.compare(table("monthly_pass_count_log"), replay.names(), 10);

        assertThat(counters.differingRows()).isOne();
        TableComparison.Difference changed = counters.first().get(0);
        assertThat(changed.key()).containsEntry("municipality", "enschede").containsEntry("code", "1");
        assertThat((Long) changed.live().get("redeemed_cents"))
                .isEqualTo((Long) changed.replay().get("redeemed_cents") + 1);
        assertThat(deleted).isPositive();
        assertThat(log.differingRows()).isEqualTo(deleted);
        assertThat(log.first()).allSatisfy(missing -> assertThat((Long) missing.live().get("rows"))
                .isLessThan((Long) missing.replay().get("rows")));
    }

    private void foldFromNothing(int parts) {
        database.foldFromNothing(FOLD, replay, records, parts);
    }

    private long differences() {
        TableComparison comparison = new TableComparison(database.jdbc());
        return FOLD.tables().stream().mapToLong(table -> comparison.compare(table, replay.names(), 5).differingRows()).sum();
    }

    private Table table(String name) {
        return FOLD.tables().stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    private long rows(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
