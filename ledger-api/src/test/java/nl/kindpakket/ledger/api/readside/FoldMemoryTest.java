package nl.kindpakket.ledger.api.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.table.AppendTable;
import org.junit.jupiter.api.Test;

/**
 * What a fold from nothing holds in memory per entitlement, for every read model together: the figure a rebuild
 * plans its parts with ({@link FoldPlan#BYTES_PER_ENTITLEMENT}) must not be below it.
 */
class FoldMemoryTest {

    private static final int ENTITLEMENTS = 40_000;
    private static final String[] LINES = {"1", "2", "3"};

    @Test
    void the_rows_of_an_entitlement_with_a_year_of_redemptions_fit_in_the_bytes_a_rebuild_plans_for() {
        Fold fold = ReadModels.fold();
        Changes changes = Changes.fromNothing(new Changes.Appends() {
            @Override
            public <R> void append(AppendTable<R> table, R row) {
                // appended rows go straight to the database in a rebuild; only the rows kept count here
            }
        });
        long before = usedAfterCollecting();
        long position = 0;
        for (int child = 0; child < ENTITLEMENTS; child++) {
            position = aYearOf(fold, changes, child, position);
        }
        long used = usedAfterCollecting() - before;
        long perEntitlement = used / ENTITLEMENTS;
        System.out.printf("a fold holds %,d bytes per entitlement (%,d rows in all)%n", perEntitlement, changes.rowCount());

        assertThat(changes.rowCount()).isGreaterThanOrEqualTo(ENTITLEMENTS * 4L);
        assertThat(perEntitlement).isPositive().isLessThanOrEqualTo(FoldPlan.BYTES_PER_ENTITLEMENT);
    }

    /** A grant on three lines, a redemption in each month on one of them, one reversal: fourteen events. */
    private static long aYearOf(Fold fold, Changes changes, int child, long position) {
        String municipality = "westland";
        String ref = String.format("kind-%06d", child);
        String id = municipality + ":2025:" + ref;
        Map<String, Long> credits = new TreeMap<>(Map.of("1", 30_000L, "2", 20_000L, "3", 10_000L));
        long sequence = 0;
        fold.apply(new EventRecord(new EntitlementGranted(text(id), text(municipality), 2025, text(ref), "WP-" + child,
                credits, 60_000L, LocalDate.of(2025, 1, 2), null), text(id), sequence++, ++position, Instant.now()), changes);
        long balance = 30_000;
        for (int month = 1; month <= 12; month++) {
            Instant at = LocalDate.of(2025, month, 10).atTime(10, 0).toInstant(ZoneOffset.UTC);
            balance -= 100;
            fold.apply(new EventRecord(new RedeemedAtProvider(text(id), text(municipality), 2025, text(ref),
                    "r-" + child + "-" + month, "WP-" + child, text("zwembad"), text(LINES[0]), 100, balance, at,
                    at.atOffset(ZoneOffset.UTC).toLocalDate()), text(id), sequence++, ++position, Instant.now()), changes);
        }
        balance += 100;
        fold.apply(new EventRecord(new RedemptionReversed(text(id), text(municipality), 2025, text(ref), "r-" + child + "-3",
                text("zwembad"), text(LINES[0]), 100, balance, "kassafout", Instant.parse("2025-03-11T10:00:00Z"), LocalDate.of(2025, 3, 11),
                LocalDate.of(2025, 3, 10)), text(id), sequence, ++position, Instant.now()), changes);
        return position;
    }

    /** Text as a deserialised event holds it: a copy of its own, as every event read from the store brings. */
    private static String text(String value) {
        return new String(value.toCharArray());
    }

    private static long usedAfterCollecting() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
