package nl.kindpakket.ledger.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedSet;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The statement with which Axon's JDBC engine cleans a processor's token of old gaps, limited to the rows the
 * cleaning can use.
 *
 * <p>A gap is a position that no event took yet: a transaction that drew it has not committed, or rolled back (an
 * append that lost a race to another instance leaves one for good). Once a token holds more gaps than Axon's threshold
 * (250), every fetch of the processor first cleans them: it walks the positions from the token's first gap upwards,
 * drops the gaps below each old event it meets, and stops at the first event younger than the gap timeout or one
 * that fills a gap, usually after a row or two. Axon's own statement selects every row from the first gap to the last:
 * with two instances racing on the same entitlements the gaps spread over the last minute of events, and each fetch
 * read thousands of rows for the one or two it used (4 ms a fetch in a closed loop over two instances, more of the
 * database's time than the redemptions' own lookups).
 *
 * <p>This statement asks for the first {@value #ROWS} of those rows in index order (which the walk needs, and
 * Axon's leaves to the planner). The walk over them makes the same decisions as over all of them, as far as they
 * go; where it would have gone further, the next fetch goes on from the gaps that are left.
 */
final class GapCleaning {

    /** Rows walked per fetch at most; the walk seldom needs more than the first few. */
    static final int ROWS = 100;

    private GapCleaning() {
    }

    static PreparedStatement statement(Connection connection, EventSchema schema, SortedSet<Long> gaps)
            throws SQLException {
        String position = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + position + ", " + schema.timestampColumn()
                + " FROM " + schema.domainEventTable() + " WHERE " + position + " >= ? AND " + position + " <= ?"
                + " ORDER BY " + position + " LIMIT " + ROWS);
        statement.setLong(1, gaps.first());
        statement.setLong(2, gaps.last() + 1L);
        return statement;
    }
}
