package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.refusals.CaptureBeforeReservation;
import nl.kindpakket.ledger.core.api.refusals.CaptureExceedsHold;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.InvalidExpiry;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import nl.kindpakket.ledger.core.lookup.ProviderDirectory;

/** What a hold and its capture must meet beyond the entitlement's own state and credit. */
final class ReservationPolicy {

    private ReservationPolicy() {
    }

    /**
     * A hold is made by a provider that accepts the line, on the current pass, in the entitlement's year after its
     * grant, while that year is open; it expires after it is made and no later than the end of the year, when the
     * annual reset releases whatever is still held.
     */
    static void check(ReserveCredit command, String currentPass, LocalDate grantedOn, BudgetYearLookup budgetYears,
                      ProviderDirectory providers) {
        EntitlementId id = command.entitlement();
        String municipality = id.municipality().slug();
        GrantPolicy.requireYearOpen(budgetYears, municipality, id.year());
        PassPolicy.requireCurrent(command.passNumber().value(), currentPass);
        LocalDate reservedOn = Years.dateOf(command.recordedAt());
        if (reservedOn.getYear() != id.year()) {
            throw new DateOutsideYear("reservedAt", reservedOn, id.year());
        }
        BusinessDates.requireNotBeforeGrant("reservedAt", reservedOn, grantedOn);
        requireExpiry(command.expiresAt(), command.recordedAt(), id.year());
        RedemptionPolicy.requireAccepting(providers, municipality, command.providerId().value(),
                command.spendingLine().value());
    }

    static Instant endOfYear(int year) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(Years.ZONE).toInstant();
    }

    private static void requireExpiry(Instant expiresAt, Instant reservedAt, int year) {
        if (!expiresAt.isAfter(reservedAt)) {
            throw new InvalidExpiry(expiresAt, "is not after the moment of the hold, " + reservedAt);
        }
        if (expiresAt.isAfter(endOfYear(year))) {
            throw new InvalidExpiry(expiresAt, "is after the end of " + year + " (" + endOfYear(year)
                    + "), when the annual reset releases every hold of the year");
        }
    }

    /**
     * A capture is dated in the entitlement's year, not before the hold was made nor in the future, by a provider
     * that still accepts the line, for at most what is held.
     */
    static void checkCapture(CaptureReservation command, Hold hold, int year, ProviderDirectory providers) {
        LocalDate occurredOn = Years.dateOf(command.occurredAt());
        BusinessDates.requireInYear("occurredAt", occurredOn, year);
        // the hold's moment is the ledger's clock, the capture's the till's: a few minutes apart is skew
        if (command.occurredAt().plus(BusinessDates.CLOCK_SKEW).isBefore(hold.reservedAt())) {
            throw new CaptureBeforeReservation(hold.reservationId(), hold.reservedAt());
        }
        BusinessDates.requireNotAhead("occurredAt", command.occurredAt(), command.recordedAt());
        if (command.amount().cents() > hold.amountCents()) {
            throw new CaptureExceedsHold(hold.reservationId(), hold.amountCents(), command.amount().cents());
        }
        RedemptionPolicy.requireAccepting(providers, command.entitlement().municipality().slug(), hold.providerId(),
                hold.spendingLine());
    }
}
