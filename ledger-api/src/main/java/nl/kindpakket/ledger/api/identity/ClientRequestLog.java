package nl.kindpakket.ledger.api.identity;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import nl.kindpakket.ledger.api.store.HeldWrites;
import nl.kindpakket.ledger.api.store.StoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/** The table of clients' request identifiers: each recorded once, with its fingerprint and its answer. */
@Component
public class ClientRequestLog {

    private final JdbcTemplate jdbc;
    private final HeldWrites held;

    public ClientRequestLog(JdbcTemplate jdbc, HeldWrites held) {
        this.jdbc = jdbc;
        this.held = held;
    }

    Optional<RecordedRequest> find(ClientRequest request) {
        return jdbc.query("select fingerprint, target, balance_after_cents from client_request"
                        + " where municipality = ? and kind = ? and client_id = ?",
                (row, n) -> new RecordedRequest(row.getString("fingerprint"), row.getString("target"),
                        (Long) row.getObject("balance_after_cents", Long.class)),
                request.municipality(), request.kind(), request.clientId()).stream().findFirst();
    }

    /**
     * Records the request with its answer, in the unit's one round trip of inserts with its events and its commit
     * ({@link HeldWrites}). A request under an identifier already recorded breaks the log's key there, and its unit
     * rolls back: that failure is {@code taken}'s answer. A concurrent request under the same identifier waits at the
     * key for the other's transaction, and breaks it if that one committed.
     *
     * @param balanceAfterCents the balance the answer names, or null
     * @param taken             the failure of a request whose identifier is recorded, asked once its unit is rolled back
     */
    void record(ClientRequest request, Long balanceAfterCents, Supplier<RuntimeException> taken) {
        String sql = "insert into client_request (municipality, kind, client_id, fingerprint, target,"
                + " balance_after_cents, recorded_at) values (?, ?, ?, ?, ?, ?, ?)";
        held.hold("client_request", sql, new Object[] {request.municipality(), request.kind(), request.clientId(),
                        request.fingerprint(), request.target(),
                        // typed, so that a request answered without a balance records a null bigint
                        new SqlParameterValue(Types.BIGINT, balanceAfterCents), Timestamp.from(Instant.now())},
                e -> StoreConfiguration.UNIQUE_VIOLATION.equals(e.getSQLState()) ? taken.get() : held.translated(sql, e));
    }
}
