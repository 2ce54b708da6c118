package nl.kindpakket.ledger.projections.entitlement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * Each entitlement's pass, status, credit per line and holds. Every event that moves credit sets its line's credit from
 * the balance the event carries. The history is told from the entitlement's own events ({@link EntitlementHistory});
 * each row written here counts the events the view had taken in, so that the history shown ends where the figures do.
 */
public final class EntitlementViews implements ReadModel {

    public static final String NAME = "entitlement-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(EntitlementViewRow.TABLE, EntitlementCreditRow.TABLE, EntitlementHoldRow.TABLE);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(EntitlementGranted.class, this::granted)
                .on(RedeemedAtProvider.class, (event, record, changes) -> setCredit(changes, record,
                        event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents()))
                .on(RedemptionReversed.class, (event, record, changes) -> setCredit(changes, record,
                        event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents()))
                .on(CreditReserved.class, this::reserved)
                .on(ReservationCaptured.class, this::captured)
                .on(ReservationReleased.class, this::released)
                .on(ReservationExpired.class, this::expired)
                .on(PassReplaced.class, (event, record, changes) -> changes.put(EntitlementViewRow.TABLE,
                        changes.get(EntitlementViewRow.TABLE, event.entitlementId())
                                .withPass(event.newPassNumber(), seen(record))))
                .on(EntitlementRevoked.class, (event, record, changes) -> end(changes, record, event.entitlementId(),
                        EntitlementStatus.REVOKED, event.releasedCreditCents()))
                .on(EntitlementExpired.class, (event, record, changes) -> end(changes, record, event.entitlementId(),
                        EntitlementStatus.EXPIRED, event.releasedCreditCents()));
    }

    private void granted(EntitlementGranted event, EventRecord record, Changes changes) {
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> changes.put(EntitlementCreditRow.TABLE,
                new EntitlementCreditRow(event.entitlementId(), line, cents, cents, seen(record))));
        changes.put(EntitlementViewRow.TABLE, new EntitlementViewRow(event.entitlementId(), event.municipality(),
                event.year(), event.childRef(), event.passNumber(), EntitlementStatus.ACTIVE.name(), event.grantedOn(),
                seen(record)));
    }

    private void reserved(CreditReserved event, EventRecord record, Changes changes) {
        setCredit(changes, record, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, new EntitlementHoldRow(event.entitlementId(), event.reservationId(),
                event.municipality(), event.providerId(), event.spendingLine(), event.amountCents(),
                moment(event.reservedAt()), moment(event.expiresAt()), HoldState.OPEN.name(), null, null, null, null,
                null));
    }

    private void captured(ReservationCaptured event, EventRecord record, Changes changes) {
        setCredit(changes, record, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .captured(event.capturedCents(), event.redemptionId(), moment(event.occurredAt())));
    }

    private void released(ReservationReleased event, EventRecord record, Changes changes) {
        setCredit(changes, record, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        String why = event.annualResetId() != null ? event.annualResetId() : event.reason();
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .released(event.releasedBy(), why, moment(event.releasedAt())));
    }

    private void expired(ReservationExpired event, EventRecord record, Changes changes) {
        setCredit(changes, record, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .expired(moment(event.expiresAt())));
    }

    private static EntitlementHoldRow hold(Changes changes, String entitlementId, String reservationId) {
        return changes.get(EntitlementHoldRow.TABLE, entitlementId, reservationId);
    }

    /** Every event that moves credit carries the line's balance after it; a held row goes on with its own key. */
    private static void setCredit(Changes changes, EventRecord record, String entitlementId, String line,
                                  long creditCents) {
        EntitlementCreditRow held = changes.held(EntitlementCreditRow.TABLE, entitlementId, line);
        if (held != null) {
            held.creditBecomes(creditCents, seen(record));
            changes.changedInPlace(EntitlementCreditRow.TABLE, held);
        } else {
            changes.put(EntitlementCreditRow.TABLE, new EntitlementCreditRow(entitlementId, line, creditCents, 0,
                    seen(record)));
        }
    }

    /** How many of its entitlement's events the view has taken in with this one. */
    private static int seen(EventRecord record) {
        return Math.toIntExact(record.sequence() + 1);
    }

    private static OffsetDateTime moment(Instant instant) {
        return RecordedAt.of(instant);
    }

    /**
     * Ends the entitlement: the credit it releases leaves its lines (an end releases every line it has; a line it
     * never had stays absent).
     */
    private static void end(Changes changes, EventRecord record, String entitlementId, EntitlementStatus status,
                            Map<String, Long> released) {
        changes.put(EntitlementViewRow.TABLE, changes.get(EntitlementViewRow.TABLE, entitlementId)
                .withStatus(status, seen(record)));
        for (Map.Entry<String, Long> line : new TreeMap<>(released).entrySet()) {
            EntitlementCreditRow credit = changes.find(EntitlementCreditRow.TABLE, entitlementId, line.getKey());
            if (credit != null) {
                credit.creditBecomes(credit.creditCents() - line.getValue(), seen(record));
                changes.changedInPlace(EntitlementCreditRow.TABLE, credit);
            }
        }
    }
}
