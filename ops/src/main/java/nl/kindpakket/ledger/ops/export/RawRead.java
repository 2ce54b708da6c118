package nl.kindpakket.ledger.ops.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/** The baseline: every row and column of the event table through a JDBC cursor, in position order, doing nothing with it. */
final class RawRead {

    private RawRead() {
    }

    static ExportBenchmark.Measure run(Connection connection) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement query = connection.prepareStatement("select global_index, event_identifier, payload_type,"
                + " aggregate_identifier, sequence_number, time_stamp, payload_revision, payload from domain_event_entry order by global_index")) {
            // binary results, as the ledger's own readers ask for them: text would decode every payload from hex
            query.unwrap(PGStatement.class).setPrepareThreshold(-1);
            query.setFetchSize(Export.FETCH_SIZE);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    result.getLong(1);
                    result.getString(2);
                    result.getString(3);
                    result.getString(4);
                    result.getLong(5);
                    result.getString(6);
                    result.getString(7);
                    result.getBytes(8);
                    rows++;
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return new ExportBenchmark.Measure("raw read of the event table", rows, (System.nanoTime() - start) / 1e9);
    }
}
