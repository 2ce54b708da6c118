package nl.kindpakket.ledger.api.identity;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

import nl.kindpakket.ledger.api.store.HeldWrites;
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

    /** Whether a request's insert recorded it; asked when the unit's writes are sent. */
    interface Recording {
        boolean recorded();
    }

    Optional<RecordedRequest> find(ClientRequest request) {
        return jdbc.query("select fingerprint, target, balance_after_cents from client_request"
                        + " where municipality = ? and kind = ? and client_id = ?",
                (row, n) -> new RecordedRequest(row.getString("fingerprint"), row.getString("target"),
                        (Long) row.getObject("balance_after_cents", Long.class)),
                request.municipality(), request.kind(), request.clientId()).stream().findFirst();
    }

    /**
     * Records the request with its answer, if no one has recorded its identifier, in the unit's one round trip of
     * inserts with its events ({@link HeldWrites}). A concurrent request under the same identifier waits there for the
     * other's transaction; if that one committed, this records nothing, and the request is a repeat of it.
     *
     * @param balanceAfterCents the balance the answer names, or null
     */
    Recording record(ClientRequest request, Long balanceAfterCents) {
        HeldWrites.Held insert = held.hold("client_request",
                "insert into client_request (municipality, kind, client_id, fingerprint, target,"
                        + " balance_after_cents, recorded_at) select ?, ?, ?, ?, ?, ?, ? on conflict do nothing",
                request.municipality(), request.kind(), request.clientId(), request.fingerprint(), request.target(),
                // typed, so that a request answered without a balance records a null bigint
                new SqlParameterValue(Types.BIGINT, balanceAfterCents), Timestamp.from(Instant.now()));
        return () -> insert.count() == 1;
    }
}
