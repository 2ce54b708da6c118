package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.ExpireEntitlement;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.testing.FakeBudgetYears;
import nl.kindpakket.ledger.core.testing.FakePassRegistry;
import nl.kindpakket.ledger.core.testing.FakeProviderDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * A child in Westland granted 150 euros for sport (line 1) and 50 for school things (line 3) in 2019,
 * at a swimming pool that accepts both lines; the messages of that story, built in one place.
 */
abstract class EntitlementScenario {

    static final String M = "westland";
    static final int YEAR = 2019;
    static final String CHILD = "child-1";
    static final EntitlementId ID = EntitlementId.of(M, YEAR, CHILD);
    static final String PASS = "WP-0001";
    static final String NEW_PASS = "WP-0002";
    static final String POOL = "zwembad-naaldwijk";
    static final String SHOP = "boekhandel";
    static final String SPORT = "1";
    static final String SCHOOL = "3";
    static final LocalDate GRANTED_ON = LocalDate.of(2019, 1, 2);
    static final LocalDate TODAY = LocalDate.of(2019, 6, 1);
    static final Instant AT = Instant.parse("2019-03-15T10:00:00Z");
    static final Instant RECORDED_AT = Instant.parse("2019-06-01T10:00:00Z");

    AggregateTestFixture<Entitlement> fixture;
    FakeBudgetYears budgetYears;
    FakePassRegistry passes;
    FakeProviderDirectory providers;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
        budgetYears = new FakeBudgetYears().withLines(M, YEAR, SPORT, SCHOOL, "5");
        passes = new FakePassRegistry();
        providers = new FakeProviderDirectory().register(M, POOL, SPORT, SCHOOL, "5").register(M, SHOP, SCHOOL);
        fixture.registerInjectableResource(budgetYears);
        fixture.registerInjectableResource(passes);
        fixture.registerInjectableResource(providers);
    }

    static GrantEntitlement grant() {
        return grant(PASS, GRANTED_ON);
    }

    static GrantEntitlement grant(String pass, LocalDate grantedOn) {
        return new GrantEntitlement(ID, new PassNumber(pass),
                Map.of(new SpendingLineCode(SPORT), new Money(15_000), new SpendingLineCode(SCHOOL), new Money(5_000)),
                grantedOn, TODAY, null);
    }

    static EntitlementGranted granted() {
        return granted(15_000);
    }

    static EntitlementGranted granted(long sportCents) {
        return new EntitlementGranted(ID.toString(), M, YEAR, CHILD, PASS,
                new TreeMap<>(Map.of(SPORT, sportCents, SCHOOL, 5_000L)), sportCents + 5_000, GRANTED_ON, null);
    }

    static ReplacePass replacePass(String newPass, LocalDate on) {
        return new ReplacePass(ID, new PassNumber(newPass), on, TODAY);
    }

    static PassReplaced passReplaced(LocalDate on) {
        return new PassReplaced(ID.toString(), M, YEAR, CHILD, PASS, NEW_PASS, on);
    }

    static RedeemAtProvider redeem(String redemptionId, String line, long cents) {
        return redeem(redemptionId, PASS, POOL, line, cents, AT);
    }

    static RedeemAtProvider redeem(String redemptionId, String pass, String provider, String line, long cents,
                                   Instant at) {
        return new RedeemAtProvider(ID, redemptionId, new PassNumber(pass), new ProviderId(provider),
                new SpendingLineCode(line), new Money(cents), at, RECORDED_AT);
    }

    static RedeemedAtProvider redeemed(String redemptionId, String line, long cents, long balanceAfter) {
        return redeemed(redemptionId, line, cents, balanceAfter, AT);
    }

    static RedeemedAtProvider redeemed(String redemptionId, String line, long cents, long balanceAfter, Instant at) {
        return new RedeemedAtProvider(ID.toString(), M, YEAR, CHILD, redemptionId, PASS, POOL, line, cents,
                balanceAfter, at, Years.dateOf(at));
    }

    static ReverseRedemption reverse(String redemptionId, String reason, Instant at) {
        return new ReverseRedemption(ID, redemptionId, reason, at, RECORDED_AT, null);
    }

    static ReverseRedemption reverseAs(String provider, String redemptionId) {
        return new ReverseRedemption(ID, redemptionId, "till error", AT.plusSeconds(60), RECORDED_AT,
                new ProviderId(provider));
    }

    static RedemptionReversed reversed(String redemptionId, String line, long cents, long balanceAfter,
                                       String reason, Instant at) {
        return new RedemptionReversed(ID.toString(), M, YEAR, CHILD, redemptionId, POOL, line, cents, balanceAfter,
                reason, at, Years.dateOf(at),
                Years.dateOf(AT));
    }

    static RevokeEntitlement revoke(String reason, LocalDate effectiveOn) {
        return new RevokeEntitlement(ID, reason, effectiveOn, TODAY);
    }

    static EntitlementRevoked revoked(String reason, LocalDate effectiveOn, long sportLeft, long schoolLeft) {
        return new EntitlementRevoked(ID.toString(), M, YEAR, CHILD, PASS, reason, effectiveOn,
                new TreeMap<>(Map.of(SPORT, sportLeft, SCHOOL, schoolLeft)), sportLeft + schoolLeft);
    }

    static EntitlementRevoked revoked() {
        return revoked("moved away", LocalDate.of(2019, 4, 1), 15_000, 5_000);
    }

    static ExpireEntitlement expire() {
        return new ExpireEntitlement(ID, LocalDate.of(2020, 1, 1), "reset-2019");
    }

    static EntitlementExpired expired(long sportLeft, long schoolLeft) {
        return new EntitlementExpired(ID.toString(), M, YEAR, CHILD, PASS, LocalDate.of(2020, 1, 1),
                new TreeMap<>(Map.of(SPORT, sportLeft, SCHOOL, schoolLeft)), sportLeft + schoolLeft, "reset-2019");
    }
}
