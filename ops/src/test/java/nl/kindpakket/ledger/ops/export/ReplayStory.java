package nl.kindpakket.ledger.ops.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Five children of 2018 through grants, a pass replacement, redemptions (one at 23:30 UTC on 31 January,
 * a February redemption in Amsterdam), a reversal and a revocation on the last day of May.
 */
final class ReplayStory {

    static final int YEAR = 2018;
    private static final SpendingLineCode SPORT = new SpendingLineCode("1");

    /** The table by its definition, worked out by hand for this story: {issuedPasses, uniqueUsers} for January to May. */
    static final int[][] EXPECTED_MONTHS = {{2, 1}, {3, 1}, {4, 3}, {5, 1}, {4, 1}};
    static final int EXPECTED_DISTINCT_USERS = 5;

    private final CommandGateway commands;
    private final Municipality town;
    private final ProviderId pool = new ProviderId("zwembad");

    ReplayStory(CommandGateway commands, Municipality town) {
        this.commands = commands;
        this.town = town;
    }

    void tell() {
        commands.sendAndWait(new AllocateBudget(town, YEAR, SPORT, "Sport en cultuur", Money.ofCents(10_000_000), "begroting", null,
                LocalDate.of(YEAR, 1, 2)));
        commands.sendAndWait(new RegisterProvider(town, pool, "Zwembad", Set.of(SPORT), LocalDate.of(YEAR, 1, 2)));
        grant("a", "2018-01-10");
        grant("b", "2018-01-20");
        grant("c", "2018-02-05");
        grant("d", "2018-03-15");
        grant("e", "2018-04-01");
        commands.sendAndWait(new ReplacePass(child("e"), pass("e2"), LocalDate.parse("2018-04-20"), LocalDate.now()));
        redeem("a", "r1", "a", "2018-01-15T10:00:00Z");
        redeem("a", "r2", "a", "2018-01-31T23:30:00Z");
        redeem("a", "r3", "a", "2018-03-03T10:00:00Z");
        redeem("b", "r4", "b", "2018-02-10T10:00:00Z");
        commands.sendAndWait(new ReverseRedemption(child("b"), "r4", "verkeerde pas", Instant.parse("2018-02-11T10:00:00Z"),
                Instant.now(), null));
        redeem("b", "r5", "b", "2018-03-20T10:00:00Z");
        redeem("c", "r6", "c", "2018-02-28T23:30:00Z");
        redeem("d", "r7", "d", "2018-04-10T10:00:00Z");
        commands.sendAndWait(new RevokeEntitlement(child("d"), "verhuisd", LocalDate.parse("2018-05-31"), LocalDate.now()));
        redeem("e", "r8", "e2", "2018-05-05T10:00:00Z");
    }

    private void grant(String child, String on) {
        commands.sendAndWait(new GrantEntitlement(child(child), pass(child), Map.of(SPORT, Money.ofCents(20_000)), LocalDate.parse(on),
                LocalDate.now(), null));
    }

    private void redeem(String child, String redemptionId, String pass, String at) {
        commands.sendAndWait(new RedeemAtProvider(child(child), redemptionId, pass(pass), pool, SPORT, Money.ofCents(1_000),
                Instant.parse(at), Instant.now()));
    }

    private EntitlementId child(String ref) {
        return EntitlementId.of(town.slug(), YEAR, ref);
    }

    private PassNumber pass(String ref) {
        return new PassNumber("WP-" + town.slug() + "-" + ref);
    }
}
