package nl.kindpakket.ledger.core.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;

/** What a client sent for each kind of budget request, read from the command or back from its event. */
final class Requests {

    private Requests() {
    }

    /** The recording date is the ledger's, not the client's, so a retry on another day is still a repeat. */
    record Allocation(String line, String name, long amountCents, String source) {
        static Allocation of(AllocateBudget c) {
            return new Allocation(c.spendingLine().value(), c.name(), c.amount().cents(), c.source());
        }

        static Allocation of(BudgetAllocated e, String lineName) {
            return new Allocation(e.spendingLine(), lineName, e.amountCents(), e.source());
        }
    }

    record Expenditure(String organisation, String line, long amountCents, LocalDate spentOn, String description) {
        static Expenditure of(RecordExpenditure c) {
            return new Expenditure(c.organisation(), c.spendingLine().value(), c.amount().cents(), c.spentOn(),
                    c.description());
        }

        static Expenditure of(ExpenditureRecorded e) {
            return new Expenditure(e.organisation(), e.spendingLine(), e.amountCents(), e.spentOn(), e.description());
        }
    }

    record Overhead(String organisation, String task, long amountCents, BigDecimal fte, LocalDate incurredOn) {
        /** 1.5 and 1.50 FTE are the same request, however the stored event spelled the number. */
        Overhead {
            fte = fte.stripTrailingZeros();
        }

        static Overhead of(RecordOverheadCost c) {
            return new Overhead(c.organisation(), c.task(), c.amount().cents(), c.fte(), c.incurredOn());
        }

        static Overhead of(OverheadCostRecorded e) {
            return new Overhead(e.organisation(), e.task(), e.amountCents(), e.fte(), e.incurredOn());
        }
    }

    record Refund(String organisation, String line, long amountCents, LocalDate refundedOn, String returnedTo) {
        static Refund of(RefundUnderspend c) {
            return new Refund(c.organisation(), c.spendingLine().value(), c.amount().cents(), c.refundedOn(),
                    c.returnedTo());
        }

        static Refund of(UnderspendRefunded e) {
            return new Refund(e.organisation(), e.spendingLine(), e.amountCents(), e.refundedOn(), e.returnedTo());
        }
    }
}
