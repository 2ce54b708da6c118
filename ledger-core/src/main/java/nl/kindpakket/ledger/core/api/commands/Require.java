package nl.kindpakket.ledger.core.api.commands;

import java.math.BigDecimal;
import java.util.Map;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** Null checks and bounds shared by the commands' constructors. */
final class Require {

    /** A child's credit on one line: generous for any Kindpakket, small enough to catch a typo in cents. */
    static final long MAX_CREDIT_CENTS = 1_000_000L;
    static final int MAX_LINES = 50;

    private Require() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }

    static Map<SpendingLineCode, Money> credits(Map<SpendingLineCode, Money> credits) {
        if (credits == null || credits.isEmpty()) {
            throw new InvalidInput("credits", "must name at least one spending line");
        }
        if (credits.size() > MAX_LINES) {
            throw new InvalidInput("credits", "must name at most " + MAX_LINES + " spending lines");
        }
        credits.forEach((line, amount) -> {
            present("credits", line);
            if (present("credits." + line.value(), amount).cents() > MAX_CREDIT_CENTS) {
                throw new InvalidInput("credits." + line.value(), "must be at most " + MAX_CREDIT_CENTS + " cents");
            }
        });
        return Map.copyOf(credits);
    }

    static BigDecimal fte(BigDecimal fte) {
        present("fte", fte);
        if (fte.signum() <= 0 || fte.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new InvalidInput("fte", "must be more than 0 and at most 10000");
        }
        if (fte.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("fte", "must have at most two decimals");
        }
        return fte.setScale(2);
    }
}
