package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

/**
 * Which entitlement holds a reservation, and for which provider. A capture, a release or a read names only the
 * reservation, so the HTTP layer asks here where to send it. Kept in step with the events, in the same transaction
 * that appends them.
 */
public interface ReservationRegistry {

    /** Where a reservation was made: its entitlement (as {@code EntitlementId.toString()} writes it) and provider. */
    record Registered(String entitlementId, String providerId) {
    }

    /** Empty when this municipality has no reservation by that id. */
    Optional<Registered> reservation(String municipality, String reservationId);

    /**
     * The pass's last holder and the entitlement a reservation id was made on, with the reservation's rules'
     * questions of the lookup tables answered, in one round trip.
     */
    HolderAndRecord holderAndReservation(String municipality, String passNumber, String reservationId, String providerId,
            String spendingLine);
}
