package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import nl.kindpakket.ledger.projections.entitlement.EntitlementView.HistoryEntry;

/**
 * An entitlement's history told from its own events: one entry per event, numbered by the event's place among them
 * (the grant is 1). Every event that moves credit carries its line's balance after it; an end's entry shows the
 * credit left on the lines it released, which is followed here as the events set it.
 */
public final class EntitlementHistory {

    private final List<HistoryEntry> entries = new ArrayList<>();
    private final Map<String, Long> credit = new HashMap<>();

    private EntitlementHistory() {
    }

    public static List<HistoryEntry> of(List<EntitlementEvents.Event> events) {
        EntitlementHistory history = new EntitlementHistory();
        events.forEach(event -> history.add(Math.toIntExact(event.sequence() + 1), event.payload()));
        return List.copyOf(history.entries);
    }

    private void add(int sequence, Object payload) {
        if (payload instanceof EntitlementGranted event) {
            credit.putAll(event.creditCents());
            String note = event.annualResetId() == null
                    ? event.passNumber() : event.passNumber() + " (" + event.annualResetId() + ")";
            entry(sequence, "EntitlementGranted", event.grantedOn())
                    .amounts(event.totalCreditCents(), event.totalCreditCents())
                    .note(note)
                    .add();
        } else if (payload instanceof RedeemedAtProvider event) {
            entry(sequence, "RedeemedAtProvider", event.occurredOn())
                    .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                    .redemption(event.redemptionId(), event.providerId())
                    .add();
        } else if (payload instanceof RedemptionReversed event) {
            entry(sequence, "RedemptionReversed", event.reversedOn())
                    .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                    .redemption(event.redemptionId(), event.providerId())
                    .note(event.reason())
                    .add();
        } else if (payload instanceof CreditReserved event) {
            entry(sequence, "CreditReserved", event.reservedOn())
                    .line(event.spendingLine(), event.amountCents(), event.lineBalanceAfterCents())
                    .reservation(event.reservationId(), event.providerId())
                    .note("held until " + event.expiresAt())
                    .add();
        } else if (payload instanceof ReservationCaptured event) {
            entry(sequence, "ReservationCaptured", event.occurredOn())
                    .line(event.spendingLine(), event.capturedCents(), event.lineBalanceAfterCents())
                    .reservation(event.reservationId(), event.providerId())
                    .redemption(event.redemptionId(), event.providerId())
                    .note(event.returnedCents() + " of " + event.heldCents() + " cents held returned to the credit")
                    .add();
        } else if (payload instanceof ReservationReleased event) {
            String why = event.annualResetId() != null ? event.annualResetId() : event.reason();
            entry(sequence, "ReservationReleased", event.releasedOn())
                    .line(event.spendingLine(), event.releasedCents(), event.lineBalanceAfterCents())
                    .reservation(event.reservationId(), event.providerId())
                    .note(event.releasedBy() + (why == null ? "" : ": " + why))
                    .add();
        } else if (payload instanceof ReservationExpired event) {
            entry(sequence, "ReservationExpired", event.expiredOn())
                    .line(event.spendingLine(), event.releasedCents(), event.lineBalanceAfterCents())
                    .reservation(event.reservationId(), event.providerId())
                    .note("expired at " + event.expiresAt())
                    .add();
        } else if (payload instanceof PassReplaced event) {
            entry(sequence, "PassReplaced", event.replacedOn())
                    .note(event.oldPassNumber() + " -> " + event.newPassNumber())
                    .add();
        } else if (payload instanceof EntitlementRevoked event) {
            entry(sequence, "EntitlementRevoked", event.effectiveOn())
                    .amounts(event.releasedTotalCents(), release(event.releasedCreditCents()))
                    .note(event.reason())
                    .add();
        } else if (payload instanceof EntitlementExpired event) {
            entry(sequence, "EntitlementExpired", event.expiredOn())
                    .amounts(event.releasedTotalCents(), release(event.releasedCreditCents()))
                    .note(event.annualResetId())
                    .add();
        }
    }

    /** The credit left on the lines an end releases; a line the entitlement never had stays out. */
    private long release(Map<String, Long> released) {
        long left = 0;
        for (Map.Entry<String, Long> line : released.entrySet()) {
            Long before = credit.get(line.getKey());
            if (before != null) {
                long after = before - line.getValue();
                credit.put(line.getKey(), after);
                left += after;
            }
        }
        return left;
    }

    private Entry entry(int sequence, String type, LocalDate businessDate) {
        return new Entry(sequence, type, businessDate);
    }

    /** One entry, told field by field; what an event does not fill stays null. */
    private final class Entry {

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

        Entry(int sequence, String type, LocalDate businessDate) {
            this.sequence = sequence;
            this.type = type;
            this.businessDate = businessDate;
        }

        Entry line(String spendingLine, long amount, long balanceAfter) {
            this.line = spendingLine;
            credit.put(spendingLine, balanceAfter);
            return amounts(amount, balanceAfter);
        }

        Entry amounts(long amount, long balanceAfter) {
            this.amountCents = amount;
            this.balanceAfterCents = balanceAfter;
            return this;
        }

        Entry redemption(String redemption, String provider) {
            this.redemptionId = redemption;
            this.providerId = provider;
            return this;
        }

        Entry reservation(String reservation, String provider) {
            this.reservationId = reservation;
            this.providerId = provider;
            return this;
        }

        Entry note(String text) {
            this.note = text;
            return this;
        }

        void add() {
            entries.add(new HistoryEntry(sequence, type, businessDate, line, amountCents, balanceAfterCents,
                    redemptionId, providerId, note, reservationId));
        }
    }
}
