package nl.kindpakket.ledger.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedSet;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The statement with which Axon's JDBC engine cleans a processor's token of old gaps, limited to the positions the
 * cleaning can use.
 *
 * <p>A gap is a position that no event took yet: a transaction that drew it has not committed, or rolled back (an
 * append that lost a race to another instance leaves one for good). Once a token holds more gaps than Axon's threshold
 * (250), every fetch of the processor first cleans them: it walks the events from the token's first gap upwards,
 * drops the gaps below each old event it meets, and stops at the first event younger than the gap timeout or one
 * that fills a gap, usually at the first event it meets. Axon's own statement selects every event from the first gap
 * to the last: with two instances racing on the same entitlements the gaps spread over the last minute of events,
 * and each fetch read thousands of rows for the one or two it used (4 ms a fetch in a closed loop over two instances,
 * more of the database's time than the redemptions' own lookups). Asking for the first rows in order with a limit
 * does not help: the planner, which cannot know how many rows the range holds, reads and sorts them all.
 *
 * <p>This statement selects the positions from the first gap to {@value #POSITIONS} past the end of the run of gaps
 * it begins. The position after that run holds an event (it is below the token's position and no gap), so the walk
 * always meets one: it makes the same decisions as over all the rows, as far as they go. Where it would have gone
 * further, the gaps it did not reach stay for now: the next fetch cleans on from them while the token holds more than
 * the threshold, and below it they wait, as any gaps under the threshold do, until they are filled, cleaned with
 * later ones, or fall Axon's maximum gap offset (10,000 positions) behind. At most {@value #POSITIONS} rows are read.
 */
final class GapCleaning {

    /** Positions past the first run of gaps that one fetch's cleaning walks at most. */
    static final int POSITIONS = 100;

    private GapCleaning() {
    }

    static PreparedStatement statement(Connection connection, EventSchema schema, SortedSet<Long> gaps)
            throws SQLException {
        long first = gaps.first();
        long endOfRun = first;
        for (long gap : gaps.tailSet(first + 1)) {
            if (gap != endOfRun + 1) {
                break;
            }
            endOfRun = gap;
        }
        String position = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + position + ", " + schema.timestampColumn()
                + " FROM " + schema.domainEventTable() + " WHERE " + position + " >= ? AND " + position + " <= ?"
                + " ORDER BY " + position);
        statement.setLong(1, first);
        statement.setLong(2, Math.min(gaps.last() + 1L, endOfRun + POSITIONS));
        return statement;
    }
}
