package nl.kindpakket.ledger.api.model;

import java.time.LocalDate;
import java.util.List;

/** One request of a generated sequence, with small pools of children, passes and identifiers so that they collide. */
sealed interface Step {

    int YEAR = 2019;
    int NEXT = 2020;

    static String child(int n) {
        return "c" + n;
    }

    static String pass(int n) {
        return "PA-000" + n;
    }

    record Grant(int child, int pass, long sportCents, long schoolCents, LocalDate grantedOn) implements Step {
    }

    record Redeem(int redemption, int pass, String provider, String line, long cents, LocalDate occurredOn) implements Step {
    }

    record Reverse(int redemption, String reason, LocalDate reversedOn) implements Step {
    }

    record Revoke(int child, String reason, LocalDate effectiveOn) implements Step {
    }

    record ReplacePass(int child, int pass, LocalDate replacedOn) implements Step {
    }

    record Expenditure(int id, String line, long cents, LocalDate spentOn) implements Step {
    }

    record Refund(int id, String line, long cents, LocalDate refundedOn) implements Step {
    }

    record SuspendShop() implements Step {
    }

    /** Closes YEAR and renews the given children for NEXT, each with its current pass or a pass of its own. */
    record AnnualReset(List<Integer> renewedChildren) implements Step {
    }
}
