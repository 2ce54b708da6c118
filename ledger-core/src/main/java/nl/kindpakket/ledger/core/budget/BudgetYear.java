package nl.kindpakket.ledger.core.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.kindpakket.ledger.core.api.Receipt;
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
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import nl.kindpakket.ledger.core.lookup.RedemptionTotals;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A municipality's budget year: its spending lines, what organisations spent and refunded, overhead,
 * and its closing by an annual reset. Only a first allocation creates it; every other command is
 * CREATE_IF_MISSING so that an unknown year is refused with a typed UnknownBudgetYear.
 */
@AggregateRoot
public class BudgetYear {

    @AggregateIdentifier
    private String budgetYearId;
    private boolean created;
    private String municipality;
    private int year;
    private SpendingLines lines = new SpendingLines();
    private RecordIds allocations = new RecordIds();
    private RecordIds expenditures = new RecordIds();
    private RecordIds overheadCosts = new RecordIds();
    private RecordIds refunds = new RecordIds();
    private long overheadTotalCents;
    private boolean closed;
    private Closure closure;

    protected BudgetYear() {
    }

    /** Allowed after closing: budget amendments come in after the year. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(AllocateBudget c) {
        allocations.requireNew(c.allocationId());
        BudgetRules.requireNotInFuture("allocatedOn", c.allocatedOn(), c.today());
        String code = c.spendingLine().value();
        lines.requireNamed(code, c.name());
        String m = c.municipality().slug();
        if (lines.find(code).isEmpty()) {
            apply(new SpendingLineOpened(m, c.year(), code, c.name(), c.allocatedOn()));
        }
        long availableAfter = lines.require(code).availableCents() + c.amount().cents();
        apply(new BudgetAllocated(m, c.year(), c.allocationId(), code, c.amount().cents(), availableAfter,
                c.source(), c.allocatedOn()));
        return Receipt.recorded(availableAfter);
    }

    /** Allowed after closing: organisations' accounts come in after the year. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RecordExpenditure c, RedemptionTotals redemptionTotals) {
        requireCreated(c.budgetYearId());
        expenditures.requireNew(c.expenditureId());
        SpendingLine line = lines.require(c.spendingLine().value());
        BudgetRules.requireNotInFuture("spentOn", c.spentOn(), c.today());
        BudgetRules.requireInYear("spentOn", c.spentOn(), year);
        long netRedeemed = redemptionTotals.netRedeemedCents(municipality, year, line.code());
        long after = BudgetRules.expendituresAfter(line, netRedeemed, c.amount().cents());
        apply(new ExpenditureRecorded(municipality, year, c.expenditureId(), c.organisation(), line.code(),
                c.amount().cents(), after, c.spentOn(), c.description()));
        return Receipt.recorded(after);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RecordOverheadCost c) {
        requireCreated(c.budgetYearId());
        overheadCosts.requireNew(c.costId());
        BudgetRules.requireNotInFuture("incurredOn", c.incurredOn(), c.today());
        BudgetRules.requireInYear("incurredOn", c.incurredOn(), year);
        long after = overheadTotalCents + c.amount().cents();
        apply(new OverheadCostRecorded(municipality, year, c.costId(), c.organisation(), c.task(),
                c.amount().cents(), c.fte(), c.incurredOn(), after));
        return Receipt.recorded(after);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RefundUnderspend c, RedemptionTotals redemptionTotals) {
        requireCreated(c.budgetYearId());
        refunds.requireNew(c.refundId());
        SpendingLine line = lines.require(c.spendingLine().value());
        BudgetRules.requireNotInFuture("refundedOn", c.refundedOn(), c.today());
        BudgetRules.requireNotBeforeYear("refundedOn", c.refundedOn(), year);
        long netRedeemed = redemptionTotals.netRedeemedCents(municipality, year, line.code());
        long after = BudgetRules.refundedAfter(line, netRedeemed, c.amount().cents());
        apply(new UnderspendRefunded(municipality, year, c.refundId(), c.organisation(), line.code(),
                c.amount().cents(), after, c.refundedOn(), c.returnedTo()));
        return Receipt.recorded(after);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(AnnualReset c) {
        requireCreated(c.budgetYearId());
        BudgetRules.requireNextYear(c);
        if (closed) {
            return closure.answerRepeatedReset(c, budgetYearId);
        }
        apply(new AnnualResetStarted(c.annualResetId(), municipality, year, c.toYear(), c.effectiveOn(),
                c.renewalCount(), c.renewalsDigest()));
        apply(new YearClosed(municipality, year, c.effectiveOn(), c.annualResetId()));
        return Receipt.recorded();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(CompleteAnnualReset c) {
        requireCreated(c.budgetYearId());
        Closure.requireStartedBy(closure, c);
        if (closure.completed()) {
            return Receipt.repeat();
        }
        apply(new AnnualResetCompleted(c.annualResetId(), municipality, year, closure.toYear(),
                closure.effectiveOn(), c.expiredCount(), c.renewedCount()));
        return Receipt.recorded();
    }

    private void requireCreated(String requestedYear) {
        if (!created) {
            throw new UnknownBudgetYear(requestedYear);
        }
    }

    @EventSourcingHandler
    void on(SpendingLineOpened event) {
        if (!created) {
            budgetYearId = event.municipality() + ":" + event.year();
            created = true;
            municipality = event.municipality();
            year = event.year();
        }
        lines.open(event.spendingLine(), event.name());
    }

    @EventSourcingHandler
    void on(BudgetAllocated event) {
        lines.update(event.spendingLine(), line -> line.withAvailable(event.availableAfterCents()));
        allocations.add(event.allocationId());
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event) {
        lines.update(event.spendingLine(), line -> line.withExpenditures(event.lineExpendituresAfterCents()));
        expenditures.add(event.expenditureId());
    }

    @EventSourcingHandler
    void on(OverheadCostRecorded event) {
        overheadTotalCents = event.overheadTotalAfterCents();
        overheadCosts.add(event.costId());
    }

    @EventSourcingHandler
    void on(UnderspendRefunded event) {
        lines.update(event.spendingLine(), line -> line.withRefunded(event.lineRefundedAfterCents()));
        refunds.add(event.refundId());
    }

    @EventSourcingHandler
    void on(AnnualResetStarted event) {
        closure = Closure.of(event);
    }

    @EventSourcingHandler
    void on(YearClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(AnnualResetCompleted event) {
        closure = closure.complete();
    }
}
