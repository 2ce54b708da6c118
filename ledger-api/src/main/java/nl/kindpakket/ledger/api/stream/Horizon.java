package nl.kindpakket.ledger.api.stream;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The highest position below which the event table is final: no event with a position at or below it
 * can still appear. Positions are taken when a row is inserted but become visible when its transaction
 * commits, so a reader that went past an uncommitted position would never see that event.
 */
public interface Horizon {

    /** @param connection in auto-commit mode; the caller reads up to the returned position afterwards */
    long safePosition(Connection connection) throws SQLException;

    static Horizon forDatabase(Connection connection, HorizonSettings settings) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return "PostgreSQL".equals(product) ? new WriterLockHorizon(settings.writerWait())
                : new SettledHorizon(settings.settleTime());
    }
}
