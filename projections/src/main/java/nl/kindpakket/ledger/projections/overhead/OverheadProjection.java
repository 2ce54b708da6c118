package nl.kindpakket.ledger.projections.overhead;

import java.time.Instant;
import java.util.List;

import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.support.CounterTable;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a year's execution costs per organisation and task (with FTE) and, in its own counters, the money that
 * went directly to children, so that it replays without the spending lines read model. Every change is also logged
 * with the moment it was recorded, for the report as of an earlier moment.
 */
@Component
@ProcessingGroup(ReadModels.OVERHEAD)
public class OverheadProjection {

    private static final CounterTable BENEFIT =
            new CounterTable("overhead_benefit", "municipality", "budget_year", "slot")
                    .withLog("overhead_benefit_log");

    private final JdbcTemplate jdbc;

    public OverheadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(OverheadCostRecorded event, @Timestamp Instant recordedAt) {
        int updated = jdbc.update("UPDATE overhead_cost SET amount_cents = amount_cents + ?, fte = fte + ? "
                        + "WHERE municipality = ? AND budget_year = ? AND organisation = ? AND task = ?",
                event.amountCents(), event.fte(), event.municipality(), event.year(), event.organisation(),
                event.task());
        if (updated == 0) {
            Integer ordinal = jdbc.queryForObject("SELECT COUNT(*) FROM overhead_cost "
                    + "WHERE municipality = ? AND budget_year = ?", Integer.class, event.municipality(), event.year());
            jdbc.update("INSERT INTO overhead_cost (municipality, budget_year, organisation, task, amount_cents, fte, "
                            + "ordinal) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    event.municipality(), event.year(), event.organisation(), event.task(), event.amountCents(),
                    event.fte(), ordinal);
        }
        jdbc.update("INSERT INTO overhead_cost_log (municipality, budget_year, organisation, task, amount_cents, fte, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.municipality(), event.year(), event.organisation(), event.task(), event.amountCents(),
                event.fte(), RecordedAt.of(recordedAt));
    }

    @EventHandler
    public void on(RedeemedAtProvider event, @Timestamp Instant recordedAt) {
        BENEFIT.add(jdbc, List.of(event.municipality(), event.year(), Slots.of(event.entitlementId())),
                "spent_cents", event.amountCents(), recordedAt);
    }

    @EventHandler
    public void on(RedemptionReversed event, @Timestamp Instant recordedAt) {
        BENEFIT.add(jdbc, List.of(event.municipality(), event.year(), Slots.of(event.entitlementId())),
                "spent_cents", -event.amountCents(), recordedAt);
    }

    @EventHandler
    public void on(ExpenditureRecorded event, @Timestamp Instant recordedAt) {
        BENEFIT.add(jdbc, List.of(event.municipality(), event.year(),
                Slots.ofBudgetYear(event.municipality(), event.year())), "spent_cents", event.amountCents(), recordedAt);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM overhead_cost");
        jdbc.update("DELETE FROM overhead_cost_log");
        jdbc.update("DELETE FROM overhead_benefit");
        jdbc.update("DELETE FROM overhead_benefit_log");
    }
}
