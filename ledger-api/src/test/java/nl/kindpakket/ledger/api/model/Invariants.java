package nl.kindpakket.ledger.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.kindpakket.ledger.api.rebuild.ReadModelsCaughtUp;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What must hold after any sequence: no negative balance, figures equal to the events, views equal to their events. */
record Invariants(ApplicationContext context, Ledger ledger, LedgerModel model) {

    void check() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ReadModelsCaughtUp.await(jdbc, context.getBean("eventSerializer", Serializer.class));
        entitlementViewsEqualTheirEvents(jdbc);
        spendingLinesEqualTheSumOfTheEvents(new StoredSums(jdbc, ledger.municipality));
        monthlyTableHasNoMoreUsersThanPasses();
    }

    private void entitlementViewsEqualTheirEvents(JdbcTemplate jdbc) {
        EntitlementViewQueries views = context.getBean(EntitlementViewQueries.class);
        for (LedgerModel.Entitlement e : model.entitlements.values()) {
            EntitlementView view = views.find(ledger.municipality, e.year, e.child).orElseThrow(
                    () -> new AssertionError("no view of " + e.id));
            Long events = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                    Long.class, ledger.municipality + ":" + e.year + ":" + e.child);
            assertThat(view.history()).as("history of %s", e.id).hasSize(e.events);
            assertThat(events).as("events of %s", e.id).isEqualTo(e.events);
            assertThat(view.status().name()).as("status of %s", e.id).isEqualTo(e.status.name());
            assertThat(view.passNumber()).as("pass of %s", e.id).isEqualTo(e.pass);
            assertThat(e.balances.values()).as("model balances of %s", e.id).allMatch(cents -> cents >= 0);
            assertThat(view.creditCents().values()).as("credit of %s", e.id).allMatch(cents -> cents >= 0);
            if (e.status == LedgerModel.Status.ACTIVE) {
                assertThat(view.creditCents()).as("credit of %s", e.id).isEqualTo(Ledger.sorted(e.balances));
            }
        }
    }

    private void spendingLinesEqualTheSumOfTheEvents(StoredSums stored) {
        SpendingLineReport report = context.getBean(SpendingLineQueries.class).report(ledger.municipality, Step.YEAR);
        BudgetRules budget = new BudgetRules(model);
        for (SpendingLineReport.Line line : report.lines()) {
            String code = line.code();
            long spent = stored.sum("RedeemedAtProvider", Step.YEAR, code) - stored.sum("RedemptionReversed", Step.YEAR, code)
                    + stored.sum("ExpenditureRecorded", Step.YEAR, code);
            assertThat(line.availableCents()).as("available %s", code).isEqualTo(stored.sum("BudgetAllocated", Step.YEAR, code));
            assertThat(line.spentCents()).as("spent %s", code).isEqualTo(spent)
                    .isEqualTo(model.netRedeemed(Step.YEAR, code) + budget.expended(code));
            assertThat(line.refundedCents()).as("refunded %s", code).isEqualTo(stored.sum("UnderspendRefunded", Step.YEAR, code))
                    .isEqualTo(budget.refunded(code));
            assertThat(line.remainingCents()).isEqualTo(line.availableCents() - line.spentCents() - line.refundedCents());
            assertThat(line.committedCents()).as("committed %s", code).isEqualTo(model.committed(code));
            assertThat(line.overcommittedCents()).isEqualTo(Math.max(0, line.committedCents() - line.remainingCents()));
            assertThat(budget.remaining(code)).as("remaining %s", code).isEqualTo(line.remainingCents());
        }
        assertThat(report.total().spentCents()).isEqualTo(report.lines().stream().mapToLong(SpendingLineReport.Line::spentCents).sum());
    }

    private void monthlyTableHasNoMoreUsersThanPasses() {
        MonthlyPassReport report = context.getBean(MonthlyPassQueries.class).report(ledger.municipality, Step.YEAR);
        MonthlyExpectation expected = new MonthlyExpectation(model);
        List<MonthlyPassReport.Month> months = report.months();
        for (int month = 1; month <= 12; month++) {
            MonthlyPassReport.Month reported = months.get(month - 1);
            if (month > expected.lastMonth()) {
                assertThat(reported.issuedPasses()).as("month %s after the last with data", month).isNull();
                continue;
            }
            assertThat(reported.issuedPasses()).as("issued in month %s", month).isEqualTo(expected.issued(month));
            assertThat(reported.uniqueUsers()).as("users in month %s", month).isEqualTo(expected.users(month));
            // a pass revoked in the month is not issued at its end, though its child may have used it before
            assertThat(reported.uniqueUsers()).as("users in month %s", month)
                    .isLessThanOrEqualTo(reported.issuedPasses() + expected.revokedIn(month));
        }
    }
}
