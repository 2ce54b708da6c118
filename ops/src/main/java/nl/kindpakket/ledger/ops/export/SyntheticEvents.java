package nl.kindpakket.ledger.ops.export;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.ops.bench.BenchDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A scratch database with the ledger's schema (created by the ledger itself) and events shaped like
 * its redemptions: same columns, same payload size, four events per entitlement.
 */
final class SyntheticEvents {

    private static final int BATCH = 1_000;

    private SyntheticEvents() {
    }

    static void fill(BenchDatabase db, int events) throws Exception {
        db.recreate();
        // arguments, not default properties: those would lose to application.yml's embedded database
        new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=", "--logging.level.root=WARN")
                .close();
        System.err.printf("bench-export: writing %,d events to %s%n", events, db.jdbcUrl());
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                    + " values (?, ?, ?, 'Entitlement', ?, 'nl.kindpakket.ledger.core.api.events.RedeemedAtProvider', '1', ?, ?)")) {
                Instant at = Instant.parse("2024-01-01T08:00:00Z");
                for (int i = 0; i < events; i++) {
                    String municipality = "westland";
                    String child = "kind-" + i / 4;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, municipality + ":2024:" + child);
                    insert.setLong(3, i % 4);
                    insert.setString(4, at.plusSeconds(i).toString());
                    insert.setBytes(5, payload(municipality, child, i, at.plusSeconds(i)));
                    insert.setBytes(6, "{\"traceId\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == events - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private static byte[] payload(String municipality, String child, int i, Instant at) {
        return ("{\"entitlementId\":\"" + municipality + ":2024:" + child + "\",\"municipality\":\"" + municipality
                + "\",\"year\":2024,\"childRef\":\"" + child + "\",\"redemptionId\":\"kassa-" + i + "\",\"passNumber\":\"WP-"
                + (100000 + i / 4) + "\",\"providerId\":\"zwembad-naaldwijk\",\"spendingLine\":\"1\",\"amountCents\":450,"
                + "\"lineBalanceAfterCents\":" + (15000 - 450 * (i % 4 + 1)) + ",\"occurredAt\":\"" + at + "\",\"occurredOn\":\""
                + at.toString().substring(0, 10) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
