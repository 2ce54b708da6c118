package nl.kindpakket.ledger.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** On the embedded H2 database, the event table refuses updates and deletes, as on PostgreSQL. */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the event store is append-only: changing or deleting events is refused", "P0001");
    }
}
