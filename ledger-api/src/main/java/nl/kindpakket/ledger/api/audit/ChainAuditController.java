package nl.kindpakket.ledger.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import nl.kindpakket.ledger.core.api.Municipality;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Lets an auditor recompute the chain of a municipality's events; who may ask is the access policy's concern. */
@RestController
public class ChainAuditController {

    private final DataSource dataSource;
    private final ChainVerifier verifier;

    public ChainAuditController(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.verifier = new ChainVerifier(clock);
    }

    @GetMapping("/api/v1/municipalities/{m}/audit/chain")
    public ChainAudit chain(@PathVariable("m") String m) throws SQLException {
        Municipality municipality = new Municipality(m);
        try (Connection connection = dataSource.getConnection()) {
            return ChainAudit.of(verifier.verify(connection, municipality));
        }
    }
}
