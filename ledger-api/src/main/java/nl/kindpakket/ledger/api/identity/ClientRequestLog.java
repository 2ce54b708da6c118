package nl.kindpakket.ledger.api.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.Receipt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of clients' request identifiers: each recorded once, with its fingerprint and its answer. */
@Component
public class ClientRequestLog {

    private final JdbcTemplate jdbc;

    public ClientRequestLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RecordedRequest> find(ClientRequest request) {
        return jdbc.query("select fingerprint, target, balance_after_cents from client_request"
                        + " where municipality = ? and kind = ? and client_id = ?",
                (row, n) -> new RecordedRequest(row.getString("fingerprint"), row.getString("target"),
                        (Long) row.getObject("balance_after_cents", Long.class)),
                request.municipality(), request.kind(), request.clientId()).stream().findFirst();
    }

    /**
     * Takes the identifier for this transaction, if no one has: true when it did. A concurrent first request under the
     * same identifier waits here for the other's transaction; if that one committed, this takes nothing, and the
     * request is a repeat of it.
     */
    boolean open(ClientRequest request) {
        return jdbc.update("insert into client_request (municipality, kind, client_id, fingerprint, target, recorded_at)"
                        + " select ?, ?, ?, ?, ?, ? on conflict do nothing",
                request.municipality(), request.kind(), request.clientId(), request.fingerprint(), request.target(),
                Timestamp.from(Instant.now())) == 1;
    }

    void answered(ClientRequest request, Receipt receipt) {
        if (receipt.balanceAfterCents() != null) {
            jdbc.update("update client_request set balance_after_cents = ? where municipality = ? and kind = ? and client_id = ?",
                    receipt.balanceAfterCents(), request.municipality(), request.kind(), request.clientId());
        }
    }
}
