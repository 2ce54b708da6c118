package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.api.reconcile.ReconciliationStatus;
import nl.kindpakket.ledger.api.reconcile.Reconciliations;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassComparison;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadReport;
import nl.kindpakket.ledger.projections.provider.ProviderStatementQueries;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import nl.kindpakket.ledger.projections.store.TableComparison;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's own read models, rebuilt from the store, give every report of a town field by field, and a
 * reconciliation (the nightly check) finds every row equal to a fresh fold of the events; a row changed by hand is
 * named with its two values, and a rebuild mends it.
 */
class RebuildGivesTheSameFiguresTest extends RunningLedger {

    static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired
    MonthlyPassQueries monthly;
    @Autowired
    SpendingLineQueries spendingLines;
    @Autowired
    OverheadQueries overhead;
    @Autowired
    ProviderStatementQueries providerStatements;
    @Autowired
    EntitlementViewQueries entitlements;
    @Autowired
    Reconciliations reconciliations;

    Municipality town;
    List<AnnualResetRequest.Renewal> renewals;

    /** Every report of the town, and the entitlement views of some children of both years. */
    record Figures(MonthlyPassComparison monthly, SpendingLineReport lines2018, SpendingLineReport lines2019,
                   OverheadReport overhead2018, ProviderStatementReport providers2018,
                   ProviderStatementReport providers2019, ProviderStatementReport providersFebruary2018,
                   List<Optional<EntitlementView>> children) {
    }

    @Test
    void a_rebuild_of_every_read_model_gives_every_report_again_and_a_reconciliation_finds_every_row_equal() {
        buildHistory("replay");
        ReadModelProgress readModels = readModels();
        readModels.awaitClaimedHere(Duration.ofSeconds(30));
        readModels.awaitCaughtUp(Duration.ofSeconds(60));
        Figures before = figures();

        RebuildStatus rebuilt = awaitRebuilt(rebuilds.start("all").id());
        readModels.awaitCaughtUp(Duration.ofSeconds(30));

        assertThat(rebuilt.state()).as(rebuilt.toString()).isEqualTo("DONE");
        assertThat(rebuilt.eventsDone()).isGreaterThanOrEqualTo(readModels.head() / 2);
        assertThat(before.monthly().total().issuedPasses()).isEqualTo(47);
        assertThat(before.monthly().compare().total().issuedPasses()).isEqualTo(60);
        assertThat(before.lines2018().refunds()).hasSize(1);
        assertThat(before.overhead2018().overheadCents()).isEqualTo(euros(5_000));
        assertThat(before.providers2018().statements()).isNotEmpty();
        assertThat(before.children()).hasSize(15).allMatch(Optional::isPresent);
        assertThat(figures()).usingRecursiveComparison().isEqualTo(before);
        assertThat(figures()).isEqualTo(before);

        ReconciliationStatus equal = awaitReconciled();
        assertThat(equal.state()).as(equal.toString()).isEqualTo("EQUAL");
        assertThat(equal.differingRows()).isZero();
        assertThat(equal.differences()).isEmpty();
        assertThat(equal.position()).isGreaterThanOrEqualTo(readModels.head() - 1);
    }

    @Test
    void a_reconciliation_names_a_row_changed_by_hand_with_both_values_and_a_rebuild_mends_it() {
        buildHistory("mended");
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
        long spent = spendingLines.report(town.slug(), 2018).total().spentCents();
        int changed = jdbc.update("UPDATE spending_line_count SET redeemed_cents = redeemed_cents + 100 "
                + "WHERE municipality = ? AND budget_year = 2018 AND code = '1' AND slot = (SELECT MIN(slot) "
                + "FROM spending_line_count WHERE municipality = ? AND budget_year = 2018 AND code = '1')",
                town.slug(), town.slug());
        assertThat(changed).isOne();
        assertThat(spendingLines.report(town.slug(), 2018).total().spentCents()).isEqualTo(spent + 100);

        ReconciliationStatus different = awaitReconciled();

        assertThat(different.state()).as(different.toString()).isEqualTo("DIFFERENT");
        assertThat(different.differingRows()).isOne();
        TableComparison.Difference row = different.differences().get(0);
        assertThat(row.table()).isEqualTo("spending_line_count");
        assertThat(row.key()).containsEntry("municipality", town.slug()).containsEntry("code", "1");
        assertThat(((Number) row.live().get("redeemed_cents")).longValue())
                .isEqualTo(((Number) row.replay().get("redeemed_cents")).longValue() + 100);

        assertThat(awaitRebuilt(rebuilds.start("spending-lines").id()).state()).isEqualTo("DONE");
        assertThat(spendingLines.report(town.slug(), 2018).total().spentCents()).isEqualTo(spent);
        assertThat(awaitReconciled().state()).isEqualTo("EQUAL");
    }

    private RebuildStatus awaitRebuilt(String id) {
        Await.until(PATIENCE, () -> rebuilds.status(id).orElseThrow().isFinished(), () -> "rebuild " + id);
        return rebuilds.status(id).orElseThrow();
    }

    private ReconciliationStatus awaitReconciled() {
        String id = reconciliations.start().id();
        Await.until(PATIENCE, () -> reconciliations.status(id).orElseThrow().finishedAt() != null,
                () -> "reconciliation " + id);
        return reconciliations.status(id).orElseThrow();
    }

    private void buildHistory(String name) {
        town = municipality(name);
        Staff staff = new Staff(commands, town);
        for (int year : new int[] {2018, 2019}) {
            staff.allocate(year, "1", "Sport en cultuur", euros(50_000), LocalDate.of(year, 1, 1));
            staff.allocate(year, "2", "Schoolspullen", euros(20_000), LocalDate.of(year, 1, 1));
        }
        PlannedChild.PROVIDERS.forEach((line, providers) -> providers.forEach(p -> staff.provider(p, p, line)));
        staff.expenditure(2018, "Stichting WestlandPas", "1", euros(10_000), LocalDate.of(2018, 11, 1));
        staff.overhead(2018, "Stichting WestlandPas", "Pasuitgifte", euros(5_000), "0.40", LocalDate.of(2018, 2, 1));
        CommandScripts scripts = new CommandScripts();
        MonthlyHistory year2018 = new MonthlyHistory(town, 2018, 1, 7L, scripts, Map.of(
                YearMonth.of(2018, 2), List.of(Instant.parse("2018-01-31T23:30:00Z"))))
                .months(new int[] {40, 52, 60}, new int[] {6, 11, 14});
        scripts.sendAll(commands, 4);
        renewals = year2018.renewals(30);
        awaitReset(town, resets.submit(town, new AnnualResetRequest(2018, 2019, renewals, LocalDate.of(2019, 1, 1))),
                Duration.ofSeconds(60));
        new MonthlyHistory(town, 2019, 1_001, 8L, scripts, Map.of()).renewed(renewals)
                .months(new int[] {45, 47}, new int[] {9, 8});
        scripts.sendAll(commands, 4);
        commands.sendAndWait(new RefundUnderspend(town, 2018, "refund-2018", "Gemeente", new SpendingLineCode("2"),
                Money.ofCents(euros(1_000)), LocalDate.of(2019, 3, 1), "Algemene middelen"));
    }

    private Figures figures() {
        String m = town.slug();
        List<Optional<EntitlementView>> children = Stream.concat(
                Stream.iterate(1, i -> i + 1).limit(10).map(i -> entitlements.find(m, 2018, String.format("kind-%05d", i))),
                renewals.stream().limit(5).map(r -> entitlements.find(m, 2019, r.childRef()))).toList();
        return new Figures(monthly.sideBySide(m, 2019, 2018), spendingLines.report(m, 2018),
                spendingLines.report(m, 2019), overhead.report(m, 2018), providerStatements.forYear(m, 2018),
                providerStatements.forYear(m, 2019), providerStatements.forMonth(m, 2018, 2), children);
    }
}
