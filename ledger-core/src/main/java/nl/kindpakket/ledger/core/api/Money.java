package nl.kindpakket.ledger.core.api;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** A positive amount in integer euro cents, below a sane maximum. */
public record Money(long cents) {

    /** One billion euros: far above any municipal budget line, far below overflow. */
    public static final long MAX_CENTS = 100_000_000_000L;

    public Money {
        if (cents <= 0) {
            throw new InvalidInput("amountCents", "must be positive");
        }
        if (cents > MAX_CENTS) {
            throw new InvalidInput("amountCents", "must be at most " + MAX_CENTS);
        }
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Same as the constructor, but also enforces a tighter maximum for the given field. */
    public static Money of(String field, long cents, long maxCents) {
        if (cents <= 0) {
            throw new InvalidInput(field, "must be positive");
        }
        if (cents > maxCents) {
            throw new InvalidInput(field, "must be at most " + maxCents);
        }
        return new Money(cents);
    }
}
