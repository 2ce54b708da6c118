package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.projections.entitlement.HoldState;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A reservation as its entitlement's own events tell it, the moment its command committed: a till that captures a
 * hold and reads it back sees it captured, without waiting for the read models. An entitlement has tens of events,
 * read in one query; the ledger keeps no snapshots of entitlements, so the stream holds every one of them.
 */
@Component
class ReservationStates {

    private final EventStore events;

    ReservationStates(EventStore events) {
        this.events = events;
    }

    Optional<ReservationState> of(EntitlementId entitlement, String reservationId) {
        State state = new State();
        events.readEvents(entitlement.toString()).asStream()
                .map(EventMessage::getPayload)
                .forEach(payload -> state.apply(payload, reservationId));
        return Optional.ofNullable(state.reservation);
    }

    private static final class State {

        private String pass;
        private ReservationState reservation;

        void apply(Object payload, String reservationId) {
            if (payload instanceof PassReplaced replaced) {
                pass = replaced.newPassNumber();
                reservation = reservation == null ? null : withPass(reservation, pass);
            } else if (payload instanceof CreditReserved held && held.reservationId().equals(reservationId)) {
                pass = held.passNumber();
                reservation = new ReservationState(held.reservationId(), held.year(), held.childRef(), pass,
                        held.providerId(), held.spendingLine(), held.amountCents(), HoldState.OPEN, held.reservedAt(),
                        held.expiresAt(), null, null, null, null, null);
            } else if (payload instanceof ReservationCaptured captured && captured.reservationId().equals(reservationId)) {
                reservation = settled(HoldState.CAPTURED, captured.occurredAt(), captured.capturedCents(),
                        captured.redemptionId(), null, null);
            } else if (payload instanceof ReservationReleased released && released.reservationId().equals(reservationId)) {
                String why = released.annualResetId() != null ? released.annualResetId() : released.reason();
                reservation = settled(HoldState.RELEASED, released.releasedAt(), null, null, released.releasedBy(), why);
            } else if (payload instanceof ReservationExpired expired && expired.reservationId().equals(reservationId)) {
                reservation = settled(HoldState.EXPIRED, expired.expiresAt(), null, null, null, null);
            }
        }

        private ReservationState settled(HoldState how, Instant at, Long capturedCents, String redemptionId,
                                         String releasedBy, String reason) {
            ReservationState r = reservation;
            return new ReservationState(r.reservationId(), r.year(), r.childRef(), r.passNumber(), r.providerId(),
                    r.spendingLine(), r.amountCents(), how, r.reservedAt(), r.expiresAt(), at, capturedCents,
                    redemptionId, releasedBy, reason);
        }

        private static ReservationState withPass(ReservationState r, String pass) {
            return new ReservationState(r.reservationId(), r.year(), r.childRef(), pass, r.providerId(),
                    r.spendingLine(), r.amountCents(), r.state(), r.reservedAt(), r.expiresAt(), r.settledAt(),
                    r.capturedCents(), r.redemptionId(), r.releasedBy(), r.reason());
        }
    }
}
