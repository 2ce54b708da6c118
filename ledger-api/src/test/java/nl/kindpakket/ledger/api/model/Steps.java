package nl.kindpakket.ledger.api.model;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generates sequences of every kind of request, with repeats and conflicts made likely by small pools. */
final class Steps {

    private Steps() {
    }

    /** A few grants first, so that most later requests meet a child; then any request, a reset now and then. */
    static Arbitrary<List<Step>> sequences() {
        Arbitrary<List<Step>> grants = Combinators.combine(firstGrant(0), firstGrant(1), firstGrant(2))
                .as((a, b, c) -> java.util.stream.Stream.of(a, b, c).flatMap(java.util.Optional::stream).toList());
        Arbitrary<List<Step>> rest = Arbitraries.frequencyOf(
                        weighted(1, grants()), weighted(12, redemptions()), weighted(3, reversals()),
                        weighted(2, revocations()), weighted(2, replacements()), weighted(3, expenditures()),
                        weighted(2, refunds()), weighted(1, Arbitraries.just(new Step.SuspendShop())),
                        weighted(1, resets()))
                .list().ofMinSize(8).ofMaxSize(18);
        return Combinators.combine(grants, rest).as((first, then) -> {
            List<Step> steps = new java.util.ArrayList<>(first);
            steps.addAll(then);
            return steps;
        });
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Step>> weighted(int weight, Arbitrary<? extends Step> steps) {
        return net.jqwik.api.Tuple.of(weight, steps);
    }

    /** Most children are granted first, each with a pass of its own. */
    private static Arbitrary<java.util.Optional<Step>> firstGrant(int child) {
        return Combinators.combine(Arbitraries.of(1_000L, 5_000L, 20_000L), Arbitraries.of(0L, 3_000L), days(Step.YEAR, 1, 3))
                .as((sport, school, on) -> (Step) new Step.Grant(child, child, sport, school, on))
                .optional(0.8);
    }

    private static Arbitrary<Step> grants() {
        return Combinators.combine(children(), Arbitraries.integers().between(0, 4), Arbitraries.of(1_000L, 5_000L, 20_000L),
                        Arbitraries.of(0L, 3_000L), days(Step.YEAR, 1, 6), Arbitraries.integers().between(0, 3))
                .as((child, pass, sport, school, on, ownPass) -> new Step.Grant(child, ownPass > 0 ? child : pass, sport,
                        school, on));
    }

    private static Arbitrary<Step> redemptions() {
        Arbitrary<LocalDate> when = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, days(Step.YEAR, 1, 12)), net.jqwik.api.Tuple.of(1, days(Step.NEXT, 1, 3)));
        Arbitrary<Integer> passes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, children()), net.jqwik.api.Tuple.of(1, passes()));
        return Combinators.combine(Arbitraries.integers().between(0, 5), passes, Arbitraries.of("pool", "pool", "shop"),
                        Arbitraries.of("1", "1", "3"), Arbitraries.of(100L, 1_000L, 5_000L, 25_000L), when)
                .as(Step.Redeem::new);
    }

    private static Arbitrary<Step> reversals() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of("retour", "fout"),
                days(Step.YEAR, 1, 12)).as(Step.Reverse::new);
    }

    private static Arbitrary<Step> revocations() {
        return Combinators.combine(children(), Arbitraries.of("verhuisd", "fout"), days(Step.YEAR, 1, 12))
                .as(Step.Revoke::new);
    }

    private static Arbitrary<Step> replacements() {
        return Combinators.combine(children(), passes(), days(Step.YEAR, 1, 12)).as(Step.ReplacePass::new);
    }

    private static Arbitrary<Step> expenditures() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of("1", "3"),
                Arbitraries.of(1_000L, 10_000L, 25_000L), days(Step.YEAR, 1, 12)).as(Step.Expenditure::new);
    }

    private static Arbitrary<Step> refunds() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of("1", "3"),
                Arbitraries.of(1_000L, 10_000L, 25_000L), days(Step.NEXT, 1, 6)).as(Step.Refund::new);
    }

    private static Arbitrary<Step> resets() {
        return children().list().uniqueElements().ofMaxSize(3).map(Step.AnnualReset::new);
    }

    private static Arbitrary<Integer> children() {
        return Arbitraries.integers().between(0, 2);
    }

    private static Arbitrary<Integer> passes() {
        return Arbitraries.integers().between(0, 4);
    }

    private static Arbitrary<LocalDate> days(int year, int fromMonth, int toMonth) {
        return Combinators.combine(Arbitraries.integers().between(fromMonth, toMonth), Arbitraries.integers().between(1, 28))
                .as((month, day) -> LocalDate.of(year, month, day));
    }
}
