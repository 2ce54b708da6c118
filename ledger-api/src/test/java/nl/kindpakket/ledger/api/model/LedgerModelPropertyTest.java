package nl.kindpakket.ledger.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Random sequences of every request (repeats, conflicting repeats, reversals, revocations, pass replacements,
 * expenditures, refunds, a suspension and an annual reset) against the running ledger on PostgreSQL and against
 * {@link LedgerModel}: every answer must agree, and after every sequence no balance is negative, the reports equal
 * the sums of the stored events, the entitlement views equal their events, and the monthly table counts no more
 * users than passes but those revoked in the month. Each sequence runs in a municipality of its own. Shrunk
 * failures found so far are kept below as examples.
 */
class LedgerModelPropertyTest {

    private static final AtomicInteger TOWNS = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static ConfigurableApplicationContext ledger;

    @BeforeContainer
    static void startTheLedger() throws Exception {
        ledger = new SpringApplicationBuilder(LedgerApplication.class).profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + TestDatabase.freshStore("model_ledger"),
                        "spring.datasource.hikari.maximum-pool-size=10")
                .run();
    }

    @AfterContainer
    static void stopTheLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Property(tries = 15, shrinking = ShrinkingMode.BOUNDED)
    void every_answer_agrees_with_the_model_and_every_figure_with_the_events(@ForAll("sequences") List<Step> steps) {
        run(steps);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return Steps.sequences();
    }

    /** Fails when an expenditure ignores what passes already spent on the line (the first finding of the review). */
    @Example
    void an_expenditure_may_not_take_what_passes_already_spent() {
        run(List.of(
                new Step.Grant(0, 0, 20_000, 0, LocalDate.of(2019, 1, 2)),
                new Step.Redeem(0, 0, "pool", "1", 5_000, LocalDate.of(2019, 2, 1)),
                new Step.Redeem(1, 0, "pool", "1", 5_000, LocalDate.of(2019, 3, 1)),
                new Step.Expenditure(0, "1", 25_000, LocalDate.of(2019, 4, 1)),
                new Step.Expenditure(1, "1", 10_000, LocalDate.of(2019, 4, 2))));
    }

    /** Fails when refunded money can be spent again. */
    @Example
    void refunded_money_is_not_spent_again() {
        run(List.of(
                new Step.Refund(0, "3", 10_000, LocalDate.of(2020, 2, 1)),
                new Step.Expenditure(0, "3", 10_000, LocalDate.of(2019, 5, 1))));
    }

    /** Fails when a redemption may be dated before its grant, which let users outnumber passes in a month. */
    @Example
    void a_redemption_before_the_grant_is_refused_and_counts_no_user() {
        run(List.of(
                new Step.Grant(0, 0, 5_000, 0, LocalDate.of(2019, 3, 10)),
                new Step.Redeem(0, 0, "pool", "1", 100, LocalDate.of(2019, 2, 27)),
                new Step.Redeem(1, 0, "pool", "1", 100, LocalDate.of(2019, 3, 10))));
    }

    @Example
    void a_redemption_reversed_after_its_entitlement_was_revoked_returns_no_credit_to_the_committed_figure() {
        run(List.of(
                new Step.Grant(0, 0, 5_000, 3_000, LocalDate.of(2019, 2, 1)),
                new Step.Redeem(0, 0, "pool", "1", 1_000, LocalDate.of(2019, 3, 1)),
                new Step.Revoke(0, "verhuisd", LocalDate.of(2019, 4, 1)),
                new Step.Reverse(0, "retour", LocalDate.of(2019, 4, 2))));
    }

    @Example
    void a_pass_of_a_revoked_child_is_taken_over_and_a_retry_of_its_old_redemption_still_gets_the_first_answer() {
        run(List.of(
                new Step.Grant(0, 1, 5_000, 0, LocalDate.of(2019, 1, 5)),
                new Step.Redeem(2, 1, "pool", "1", 100, LocalDate.of(2019, 2, 1)),
                new Step.Revoke(0, "fout", LocalDate.of(2019, 2, 3)),
                new Step.Grant(1, 1, 1_000, 3_000, LocalDate.of(2019, 3, 1)),
                new Step.Redeem(2, 1, "pool", "1", 100, LocalDate.of(2019, 2, 1)),
                new Step.Redeem(3, 1, "shop", "3", 1_000, LocalDate.of(2019, 3, 2))));
    }

    @Example
    void an_annual_reset_expires_the_year_and_renews_with_the_same_passes() {
        run(List.of(
                new Step.Grant(0, 0, 20_000, 3_000, LocalDate.of(2019, 1, 2)),
                new Step.Grant(1, 1, 20_000, 0, LocalDate.of(2019, 1, 3)),
                new Step.Redeem(0, 0, "pool", "1", 5_000, LocalDate.of(2019, 5, 1)),
                new Step.Expenditure(0, "1", 25_000, LocalDate.of(2019, 6, 1)),
                new Step.AnnualReset(List.of(0, 2)),
                new Step.Redeem(1, 0, "pool", "1", 1_000, LocalDate.of(2020, 2, 1)),
                new Step.Redeem(2, 1, "pool", "1", 100, LocalDate.of(2019, 8, 1)),
                new Step.AnnualReset(List.of(0, 2)),
                new Step.Refund(0, "1", 10_000, LocalDate.of(2020, 3, 1))));
    }

    private static void run(List<Step> steps) {
        Ledger real = new Ledger(ledger, "model-" + RUN + "-" + TOWNS.incrementAndGet());
        LedgerModel model = new LedgerModel();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String answered = real.apply(step, model);
            String expected = model.apply(step);
            assertThat(answered).as("step %s, %s, of %s", i, step, steps).isEqualTo(expected);
            Statistics.label("answers").collect(step.getClass().getSimpleName() + " " + expected);
        }
        new Invariants(ledger, real, model).check();
    }
}
