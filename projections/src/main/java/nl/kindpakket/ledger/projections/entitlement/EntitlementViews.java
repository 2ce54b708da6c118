package nl.kindpakket.ledger.projections.entitlement;

import java.time.Instant;
import java.time.LocalDate;
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
 * Each entitlement's pass, status, credit per line and holds, with one history row per event, numbered by the
 * event's place among the entitlement's events. Every event that moves credit sets its line's credit from the
 * balance the event carries.
 */
public final class EntitlementViews implements ReadModel {

    public static final String NAME = "entitlement-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(EntitlementViewRow.TABLE, EntitlementCreditRow.TABLE, EntitlementGrantRow.TABLE,
                EntitlementHoldRow.TABLE, EntitlementHistoryRow.TABLE);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(EntitlementGranted.class, this::granted)
                .on(RedeemedAtProvider.class, (event, record, changes) -> {
                    setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
                    history(record, event.entitlementId(), "RedeemedAtProvider", event.occurredOn())
                            .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                            .redemption(event.redemptionId(), event.providerId())
                            .write(changes);
                })
                .on(RedemptionReversed.class, (event, record, changes) -> {
                    setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
                    history(record, event.entitlementId(), "RedemptionReversed", event.reversedOn())
                            .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                            .redemption(event.redemptionId(), event.providerId())
                            .note(event.reason())
                            .write(changes);
                })
                .on(CreditReserved.class, this::reserved)
                .on(ReservationCaptured.class, this::captured)
                .on(ReservationReleased.class, this::released)
                .on(ReservationExpired.class, this::expired)
                .on(PassReplaced.class, (event, record, changes) -> {
                    changes.put(EntitlementViewRow.TABLE, changes.get(EntitlementViewRow.TABLE, event.entitlementId())
                            .withPass(event.newPassNumber()));
                    history(record, event.entitlementId(), "PassReplaced", event.replacedOn())
                            .note(event.oldPassNumber() + " -> " + event.newPassNumber())
                            .write(changes);
                })
                .on(EntitlementRevoked.class, (event, record, changes) -> {
                    long left = end(changes, event.entitlementId(), EntitlementStatus.REVOKED,
                            event.releasedCreditCents());
                    history(record, event.entitlementId(), "EntitlementRevoked", event.effectiveOn())
                            .amounts(event.releasedTotalCents(), left)
                            .note(event.reason())
                            .write(changes);
                })
                .on(EntitlementExpired.class, (event, record, changes) -> {
                    long left = end(changes, event.entitlementId(), EntitlementStatus.EXPIRED,
                            event.releasedCreditCents());
                    history(record, event.entitlementId(), "EntitlementExpired", event.expiredOn())
                            .amounts(event.releasedTotalCents(), left)
                            .note(event.annualResetId())
                            .write(changes);
                });
    }

    private void granted(EntitlementGranted event, EventRecord record, Changes changes) {
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> {
            changes.put(EntitlementCreditRow.TABLE, new EntitlementCreditRow(event.entitlementId(), line, cents));
            changes.append(EntitlementGrantRow.TABLE, new EntitlementGrantRow(event.entitlementId(), line, cents));
        });
        changes.put(EntitlementViewRow.TABLE, new EntitlementViewRow(event.entitlementId(), event.municipality(),
                event.year(), event.childRef(), event.passNumber(), EntitlementStatus.ACTIVE.name(), event.grantedOn()));
        String note = event.annualResetId() == null
                ? event.passNumber() : event.passNumber() + " (" + event.annualResetId() + ")";
        history(record, event.entitlementId(), "EntitlementGranted", event.grantedOn())
                .amounts(event.totalCreditCents(), event.totalCreditCents())
                .note(note)
                .write(changes);
    }

    private void reserved(CreditReserved event, EventRecord record, Changes changes) {
        setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, new EntitlementHoldRow(event.entitlementId(), event.reservationId(),
                event.municipality(), event.providerId(), event.spendingLine(), event.amountCents(),
                moment(event.reservedAt()), moment(event.expiresAt()), HoldState.OPEN.name(), null, null, null, null,
                null));
        history(record, event.entitlementId(), "CreditReserved", event.reservedOn())
                .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                .reservation(event.reservationId(), event.providerId())
                .note("held until " + event.expiresAt())
                .write(changes);
    }

    private void captured(ReservationCaptured event, EventRecord record, Changes changes) {
        setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .captured(event.capturedCents(), event.redemptionId(), moment(event.occurredAt())));
        history(record, event.entitlementId(), "ReservationCaptured", event.occurredOn())
                .line(event.spendingLine(), event.capturedCents(), event.lineBalanceAfterCents())
                .reservation(event.reservationId(), event.providerId())
                .redemption(event.redemptionId(), event.providerId())
                .note(event.returnedCents() + " of " + event.heldCents() + " cents held returned to the credit")
                .write(changes);
    }

    private void released(ReservationReleased event, EventRecord record, Changes changes) {
        setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        String why = event.annualResetId() != null ? event.annualResetId() : event.reason();
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .released(event.releasedBy(), why, moment(event.releasedAt())));
        history(record, event.entitlementId(), "ReservationReleased", event.releasedOn())
                .line(event.spendingLine(), event.releasedCents(), event.lineBalanceAfterCents())
                .reservation(event.reservationId(), event.providerId())
                .note(event.releasedBy() + (why == null ? "" : ": " + why))
                .write(changes);
    }

    private void expired(ReservationExpired event, EventRecord record, Changes changes) {
        setCredit(changes, event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        changes.put(EntitlementHoldRow.TABLE, hold(changes, event.entitlementId(), event.reservationId())
                .expired(moment(event.expiresAt())));
        history(record, event.entitlementId(), "ReservationExpired", event.expiredOn())
                .line(event.spendingLine(), event.releasedCents(), event.lineBalanceAfterCents())
                .reservation(event.reservationId(), event.providerId())
                .note("expired at " + event.expiresAt())
                .write(changes);
    }

    private static EntitlementHoldRow hold(Changes changes, String entitlementId, String reservationId) {
        return changes.get(EntitlementHoldRow.TABLE, entitlementId, reservationId);
    }

    /** Every event that moves credit carries the line's balance after it; a held row goes on with its own key. */
    private static void setCredit(Changes changes, String entitlementId, String line, long creditCents) {
        EntitlementCreditRow held = changes.held(EntitlementCreditRow.TABLE, entitlementId, line);
        changes.put(EntitlementCreditRow.TABLE, held != null ? held.withCredit(creditCents)
                : new EntitlementCreditRow(entitlementId, line, creditCents));
    }

    private static OffsetDateTime moment(Instant instant) {
        return RecordedAt.of(instant);
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
                changes.put(EntitlementCreditRow.TABLE, credit.withCredit(after));
                left += after;
            }
        }
        return left;
    }

    /** The entitlement's history row of this event: the grant is 1, the next event 2, and so on. */
    private static History history(EventRecord record, String entitlementId, String type, LocalDate businessDate) {
        return new History(entitlementId, Math.toIntExact(record.sequence() + 1), type, businessDate);
    }

    /** One history row, told field by field; what an event does not fill stays null. */
    private static final class History {

        private final String entitlementId;
        private final int sequence;
        private final String type;
        private final LocalDate businessDate;
        private String line;
        private Long amountCents;
        private Long balanceAfterCents;
        private String redemptionId;
        private String providerId;
        private String reservationId;
        private String note;

        History(String entitlementId, int sequence, String type, LocalDate businessDate) {
            this.entitlementId = entitlementId;
            this.sequence = sequence;
            this.type = type;
            this.businessDate = businessDate;
        }

        History line(String spendingLine, long amount, long balanceAfter) {
            this.line = spendingLine;
            return amounts(amount, balanceAfter);
        }

        History amounts(long amount, long balanceAfter) {
            this.amountCents = amount;
            this.balanceAfterCents = balanceAfter;
            return this;
        }

        History redemption(String redemption, String provider) {
            this.redemptionId = redemption;
            this.providerId = provider;
            return this;
        }

        History reservation(String reservation, String provider) {
            this.reservationId = reservation;
            this.providerId = provider;
            return this;
        }

        History note(String text) {
            this.note = text;
            return this;
        }

        void write(Changes changes) {
            changes.append(EntitlementHistoryRow.TABLE, new EntitlementHistoryRow(entitlementId, sequence, type,
                    businessDate, line, amountCents, balanceAfterCents, redemptionId, providerId, note,
                    reservationId));
        }
    }
}
