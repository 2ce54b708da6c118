package nl.kindpakket.ledger.projections.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.kindpakket.ledger.projections.support.MigratingDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A view written before migrations V470 and V471 keeps what its dropped tables held: how many events each history had
 * taken in, and what each line was granted. On PostgreSQL and on the embedded H2 alike.
 */
class EntitlementRowsMigrationTest {

    @Test
    void postgresql_keeps_what_the_dropped_tables_held() {
        migratesKeepingHowFar(MigratingDatabase.postgres("projections_history_migration"));
    }

    @Test
    void h2_keeps_what_the_dropped_tables_held(@TempDir Path dir) {
        migratesKeepingHowFar(MigratingDatabase.h2(dir));
    }

    private static void migratesKeepingHowFar(MigratingDatabase database) {
        JdbcTemplate jdbc = database.migrateTo("450");
        for (String child : new String[] {"kind-1", "kind-2"}) {
            jdbc.update("INSERT INTO entitlement_view (entitlement_id, municipality, budget_year, child_ref,"
                    + " pass_number, status, granted_on)"
                    + " VALUES (?, 'westland', 2018, ?, 'WP-1', 'ACTIVE', DATE '2018-01-05')",
                    "westland:2018:" + child, child);
            jdbc.update("INSERT INTO entitlement_credit (entitlement_id, spending_line, credit_cents)"
                    + " VALUES (?, '1', 500)",
                    "westland:2018:" + child);
        }
        jdbc.update("INSERT INTO entitlement_grant (entitlement_id, spending_line, granted_cents) "
                + "VALUES ('westland:2018:kind-1', '1', 2000)");
        for (int sequence = 1; sequence <= 4; sequence++) {
            jdbc.update("INSERT INTO entitlement_history (entitlement_id, sequence_no, event_type, business_date)"
                    + " VALUES ('westland:2018:kind-1', ?, 'RedeemedAtProvider', DATE '2018-02-01')", sequence);
        }

        database.migrateToLatest();

        assertThat(jdbc.queryForList("SELECT events_seen FROM entitlement_view ORDER BY child_ref", Integer.class))
                .containsExactly(4, 0);
        assertThat(jdbc.queryForList("SELECT events_seen FROM entitlement_credit", Integer.class)).containsOnly(0);
        assertThat(jdbc.queryForList("SELECT granted_cents FROM entitlement_credit ORDER BY entitlement_id",
                Long.class))
                .containsExactly(2000L, 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA"
                + " AND LOWER(table_name) IN ('entitlement_history', 'entitlement_grant')",
                Integer.class)).isZero();
    }
}
