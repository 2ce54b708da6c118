package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * Each entitlement's pass, status and credit per line, with one history row per event, numbered by the event's
 * place among the entitlement's events. A redemption only sets its line's credit and adds its history row.
 */
public final class EntitlementViews implements ReadModel {

    public static final String NAME = "entitlement-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(EntitlementViewRow.TABLE, EntitlementCreditRow.TABLE, EntitlementHistoryRow.TABLE);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(EntitlementGranted.class, this::granted)
                .on(RedeemedAtProvider.class, (event, record, changes) -> {
                    setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
                    history(changes, record, event.entitlementId(), "RedeemedAtProvider", event.occurredOn(),
                            event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents(),
                            event.redemptionId(), event.providerId(), null);
                })
                .on(RedemptionReversed.class, (event, record, changes) -> {
                    setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
                    history(changes, record, event.entitlementId(), "RedemptionReversed", event.reversedOn(),
                            event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents(),
                            event.redemptionId(), event.providerId(), event.reason());
                })
                .on(PassReplaced.class, (event, record, changes) -> {
                    changes.put(EntitlementViewRow.TABLE, changes.get(EntitlementViewRow.TABLE, event.entitlementId())
                            .withPass(event.newPassNumber()));
                    history(changes, record, event.entitlementId(), "PassReplaced", event.replacedOn(), null, null,
                            null, null, null, event.oldPassNumber() + " -> " + event.newPassNumber());
                })
                .on(EntitlementRevoked.class, (event, record, changes) -> {
                    long left = end(changes, event.entitlementId(), EntitlementStatus.REVOKED,
                            event.releasedCreditCents());
                    history(changes, record, event.entitlementId(), "EntitlementRevoked", event.effectiveOn(), null,
                            event.releasedTotalCents(), left, null, null, event.reason());
                })
                .on(EntitlementExpired.class, (event, record, changes) -> {
                    long left = end(changes, event.entitlementId(), EntitlementStatus.EXPIRED,
                            event.releasedCreditCents());
                    history(changes, record, event.entitlementId(), "EntitlementExpired", event.expiredOn(), null,
                            event.releasedTotalCents(), left, null, null, event.annualResetId());
                });
    }

    private void granted(EntitlementGranted event, EventRecord record, Changes changes) {
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> setCredit(changes, event.entitlementId(), line, cents));
        changes.put(EntitlementViewRow.TABLE, new EntitlementViewRow(event.entitlementId(), event.municipality(),
                event.year(), event.childRef(), event.passNumber(), EntitlementStatus.ACTIVE.name(), event.grantedOn()));
        String note = event.annualResetId() == null
                ? event.passNumber() : event.passNumber() + " (" + event.annualResetId() + ")";
        history(changes, record, event.entitlementId(), "EntitlementGranted", event.grantedOn(), null,
                event.totalCreditCents(), event.totalCreditCents(), null, null, note);
    }

    private static void setCredit(Changes changes, String entitlementId, String line, long creditCents) {
        changes.put(EntitlementCreditRow.TABLE, new EntitlementCreditRow(entitlementId, line, creditCents));
    }

    /**
     * Ends the entitlement: the credit it releases leaves its lines (an end releases every line it has; a line it
     * never had stays absent). Returns the credit left on the released lines, which is what the history shows.
     */
    private static long end(Changes changes, String entitlementId, EntitlementStatus status, Map<String, Long> released) {
        changes.put(EntitlementViewRow.TABLE, changes.get(EntitlementViewRow.TABLE, entitlementId).withStatus(status));
        long left = 0;
        for (Map.Entry<String, Long> line : new TreeMap<>(released).entrySet()) {
            EntitlementCreditRow credit = changes.find(EntitlementCreditRow.TABLE, entitlementId, line.getKey());
            if (credit != null) {
                long after = credit.creditCents() - line.getValue();
                setCredit(changes, entitlementId, line.getKey(), after);
                left += after;
            }
        }
        return left;
    }

    /** The entitlement's history row of this event: the grant is 1, the next event 2, and so on. */
    private static void history(Changes changes, EventRecord record, String entitlementId, String type,
                                LocalDate businessDate, String line, Long amountCents, Long balanceAfterCents,
                                String redemptionId, String providerId, String note) {
        changes.append(EntitlementHistoryRow.TABLE, new EntitlementHistoryRow(entitlementId,
                Math.toIntExact(record.sequence() + 1), type, businessDate, line, amountCents, balanceAfterCents,
                redemptionId, providerId, note));
    }
}
