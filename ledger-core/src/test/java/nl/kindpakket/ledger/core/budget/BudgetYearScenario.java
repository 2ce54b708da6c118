package nl.kindpakket.ledger.core.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.commands.CompleteAnnualReset;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.events.AnnualResetCompleted;
import nl.kindpakket.ledger.core.api.events.AnnualResetStarted;
import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;
import nl.kindpakket.ledger.core.api.events.YearClosed;
import nl.kindpakket.ledger.core.testing.FakeRedemptionTotals;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/** Westland's 2019 budget with a sport line (1) and a school things line (3), and the messages about it. */
abstract class BudgetYearScenario {

    static final String M = "westland";
    static final int YEAR = 2019;
    static final String SPORT = "1";
    static final String SCHOOL = "3";
    static final String SOURCE = "rijksbijdrage";
    static final String LEERGELD = "Stichting Leergeld";
    static final LocalDate JANUARY = LocalDate.of(2019, 1, 1);
    static final LocalDate MAY = LocalDate.of(2019, 5, 1);
    static final LocalDate NEW_YEAR = LocalDate.of(2020, 1, 1);

    AggregateTestFixture<BudgetYear> fixture;
    FakeRedemptionTotals redemptionTotals;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(BudgetYear.class);
        redemptionTotals = new FakeRedemptionTotals();
        fixture.registerInjectableResource(redemptionTotals);
    }

    static AllocateBudget allocate(String allocationId, String line, String name, long cents) {
        return new AllocateBudget(new Municipality(M), YEAR, new SpendingLineCode(line), name, new Money(cents),
                allocationId, SOURCE, JANUARY);
    }

    static SpendingLineOpened opened(String line, String name) {
        return new SpendingLineOpened(M, YEAR, line, name, JANUARY);
    }

    static BudgetAllocated allocated(String allocationId, String line, long cents, long availableAfter) {
        return new BudgetAllocated(M, YEAR, allocationId, line, cents, availableAfter, SOURCE, JANUARY);
    }

    /** The year as most tests find it: 10,000 euros for sport. */
    static Object[] sportBudget() {
        return new Object[] {opened(SPORT, "Sport"), allocated("a-1", SPORT, 1_000_000, 1_000_000)};
    }

    static RecordExpenditure spend(String expenditureId, String line, long cents, LocalDate spentOn) {
        return new RecordExpenditure(new Municipality(M), YEAR, expenditureId, LEERGELD, new SpendingLineCode(line),
                new Money(cents), spentOn, "laptops");
    }

    /** As recorded on the given day, for the rule that business dates are not in the future. */
    static RecordExpenditure spend(String expenditureId, String line, long cents, LocalDate spentOn, LocalDate today) {
        return new RecordExpenditure(new Municipality(M), YEAR, expenditureId, LEERGELD, new SpendingLineCode(line),
                new Money(cents), spentOn, "laptops", today);
    }

    static ExpenditureRecorded spent(String expenditureId, String line, long cents, long after, LocalDate spentOn) {
        return new ExpenditureRecorded(M, YEAR, expenditureId, LEERGELD, line, cents, after, spentOn, "laptops");
    }

    static RecordOverheadCost overhead(String costId, long cents, String fte, LocalDate incurredOn) {
        return new RecordOverheadCost(new Municipality(M), YEAR, costId, "WestlandPas", "pass administration",
                new Money(cents), new BigDecimal(fte), incurredOn);
    }

    static RecordOverheadCost overhead(String costId, long cents, String fte, LocalDate incurredOn, LocalDate today) {
        return new RecordOverheadCost(new Municipality(M), YEAR, costId, "WestlandPas", "pass administration",
                new Money(cents), new BigDecimal(fte), incurredOn, today);
    }

    static OverheadCostRecorded overheadRecorded(String costId, long cents, String fte, LocalDate incurredOn,
                                                 long totalAfter) {
        return new OverheadCostRecorded(M, YEAR, costId, "WestlandPas", "pass administration", cents,
                new BigDecimal(fte), incurredOn, totalAfter);
    }

    static RefundUnderspend refund(String refundId, String line, long cents, LocalDate refundedOn) {
        return new RefundUnderspend(new Municipality(M), YEAR, refundId, LEERGELD, new SpendingLineCode(line),
                new Money(cents), refundedOn, "algemene reserve");
    }

    static RefundUnderspend refund(String refundId, String line, long cents, LocalDate refundedOn, LocalDate today) {
        return new RefundUnderspend(new Municipality(M), YEAR, refundId, LEERGELD, new SpendingLineCode(line),
                new Money(cents), refundedOn, "algemene reserve", today);
    }

    static UnderspendRefunded refunded(String refundId, String line, long cents, long after, LocalDate refundedOn) {
        return new UnderspendRefunded(M, YEAR, refundId, LEERGELD, line, cents, after, refundedOn, "algemene reserve");
    }

    static AnnualReset annualReset(String resetId, int toYear, LocalDate effectiveOn) {
        return new AnnualReset(new Municipality(M), YEAR, toYear, effectiveOn, 120, "digest-abc", resetId);
    }

    static AnnualResetStarted resetStarted(String resetId) {
        return new AnnualResetStarted(resetId, M, YEAR, 2020, NEW_YEAR, 120, "digest-abc");
    }

    static YearClosed yearClosed(String resetId) {
        return new YearClosed(M, YEAR, NEW_YEAR, resetId);
    }

    static CompleteAnnualReset complete(String resetId) {
        return new CompleteAnnualReset(new Municipality(M), YEAR, resetId, 118, 120);
    }

    static AnnualResetCompleted completed(String resetId) {
        return new AnnualResetCompleted(resetId, M, YEAR, 2020, NEW_YEAR, 118, 120);
    }
}
