package nl.kindpakket.ledger.core.entitlement;

import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.AT;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.ID;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.M;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.POOL;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.SCHOOL;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.SPORT;
import static nl.kindpakket.ledger.core.entitlement.EntitlementScenario.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import nl.kindpakket.ledger.core.testing.FakeBudgetYears;
import nl.kindpakket.ledger.core.testing.FakeProviderDirectory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;

class LineBalancePropertyTest {

    static final long GRANTED = 15_000;
    static final Instant REVERSED_AT = AT.plusSeconds(3_600);

    sealed interface Step permits Redeem, Reverse, RepeatRedeem {
    }

    record Redeem(long cents) implements Step {
    }

    record Reverse(int pick) implements Step {
    }

    record RepeatRedeem(int pick) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> redeem = Arbitraries.longs().between(1, 6_000).map(Redeem::new);
        Arbitrary<Step> reverse = Arbitraries.integers().between(0, 40).map(Reverse::new);
        Arbitrary<Step> repeat = Arbitraries.integers().between(0, 40).map(RepeatRedeem::new);
        return Arbitraries.frequencyOf(Tuple.of(5, redeem), Tuple.of(2, reverse), Tuple.of(1, repeat))
                .list().ofMaxSize(30);
    }

    @Property(tries = 150)
    void the_line_balance_never_goes_below_zero_and_is_granted_minus_redeemed_plus_reversed(
            @ForAll("steps") List<Step> steps) {
        AggregateTestFixture<Entitlement> fixture = new AggregateTestFixture<>(Entitlement.class);
        fixture.registerInjectableResource(new FakeBudgetYears().withLines(M, YEAR, SPORT, SCHOOL));
        fixture.registerInjectableResource(new FakeProviderDirectory().register(M, POOL, SPORT, SCHOOL));
        List<Object> history = new ArrayList<>(List.of(EntitlementScenario.granted(GRANTED)));
        List<RedeemAtProvider> accepted = new ArrayList<>();
        Set<String> reversed = new HashSet<>();
        long redeemedCents = 0;
        long reversedCents = 0;

        for (int i = 0; i < steps.size(); i++) {
            long balance = GRANTED - redeemedCents + reversedCents;
            Step step = steps.get(i);
            if (step instanceof Redeem redeem) {
                RedeemAtProvider command = EntitlementScenario.redeem("r-" + i, SPORT, redeem.cents());
                ResultValidator<Entitlement> result = fixture.given(history).when(command);
                if (redeem.cents() > balance) {
                    result.expectException(InsufficientCredit.class).expectNoEvents();
                    continue;
                }
                redeemedCents += redeem.cents();
                accepted.add(command);
                result.expectResultMessagePayload(Receipt.recorded(balance - redeem.cents()));
            } else if (accepted.isEmpty()) {
                continue;
            } else if (step instanceof RepeatRedeem repeat) {
                RedeemAtProvider earlier = accepted.get(repeat.pick() % accepted.size());
                // the request log answers a client's repeat; the entitlement itself never records an id twice
                fixture.given(history).when(earlier).expectException(IdempotencyConflict.class).expectNoEvents();
                continue;
            } else if (step instanceof Reverse reverse) {
                RedeemAtProvider earlier = accepted.get(reverse.pick() % accepted.size());
                ResultValidator<Entitlement> result = fixture.given(history)
                        .when(EntitlementScenario.reverse(earlier.redemptionId(), "correction", REVERSED_AT));
                if (!reversed.add(earlier.redemptionId())) {
                    result.expectNoEvents();
                    continue;
                }
                reversedCents += earlier.amount().cents();
            }
            List<Object> recorded = newEvents(fixture, history.size());
            assertThat(recorded).hasSize(1);
            assertThat(sportBalanceIn(recorded.get(0)))
                    .isNotNegative()
                    .isEqualTo(GRANTED - redeemedCents + reversedCents);
            history.addAll(recorded);
        }
    }

    private static List<Object> newEvents(AggregateTestFixture<Entitlement> fixture, int known) {
        List<Object> all = fixture.getEventStore().readEvents(ID.toString()).asStream()
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        return all.subList(known, all.size());
    }

    private static long sportBalanceIn(Object event) {
        if (event instanceof RedeemedAtProvider redeemed) {
            return redeemed.lineBalanceAfterCents();
        }
        return ((RedemptionReversed) event).lineBalanceAfterCents();
    }
}
