package nl.kindpakket.ledger.ops.rebuild;

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
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Three children of 2019 with € 200 each on the sport line; four redemptions at the pool, one of them reversed.
 * Spent by definition: 10 + 15 + 5 = € 30; still open on the entitlements: 3 × 200 − 30 = € 570.
 */
public final class SpendingStory {

    public static final int YEAR = 2019;
    public static final long SPENT_CENTS = 3_000;
    static final long COMMITTED_CENTS = 57_000;

    private static final SpendingLineCode SPORT = new SpendingLineCode("1");

    private final CommandGateway commands;
    private final Municipality town;
    private final ProviderId pool = new ProviderId("zwembad");

    public SpendingStory(CommandGateway commands, Municipality town) {
        this.commands = commands;
        this.town = town;
    }

    public void tell() {
        commands.sendAndWait(new AllocateBudget(town, YEAR, SPORT, "Sport en cultuur", Money.ofCents(1_000_000), "begroting",
                null, LocalDate.of(YEAR, 1, 2)));
        commands.sendAndWait(new RegisterProvider(town, pool, "Zwembad", Set.of(SPORT), LocalDate.of(YEAR, 1, 2)));
        for (String child : new String[] {"a", "b", "c"}) {
            commands.sendAndWait(new GrantEntitlement(child(child), pass(child), Map.of(SPORT, Money.ofCents(20_000)),
                    LocalDate.of(YEAR, 1, 10), LocalDate.now(), null));
        }
        redeem("a", "r1", 1_000, "2019-02-01T10:00:00Z");
        redeem("a", "r2", 1_500, "2019-03-01T10:00:00Z");
        redeem("b", "r3", 2_000, "2019-03-05T10:00:00Z");
        redeem("c", "r4", 500, "2019-04-01T10:00:00Z");
        commands.sendAndWait(new ReverseRedemption(child("b"), "r3", "verkeerde pas", Instant.parse("2019-03-06T10:00:00Z"),
                Instant.now(), null));
    }

    private void redeem(String child, String redemptionId, long cents, String at) {
        commands.sendAndWait(new RedeemAtProvider(child(child), redemptionId, pass(child), pool, SPORT, Money.ofCents(cents),
                Instant.parse(at), Instant.now()));
    }

    private EntitlementId child(String ref) {
        return EntitlementId.of(town.slug(), YEAR, ref);
    }

    private PassNumber pass(String ref) {
        return new PassNumber("WP-" + town.slug() + "-" + ref);
    }
}
