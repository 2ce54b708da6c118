package nl.kindpakket.ledger.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.ChildRef;
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
import org.axonframework.commandhandling.gateway.CommandGateway;

/** A fresh municipality of its own per test, with a budget and a swimming pool, driven through the command gateway. */
final class Town {

    static final int YEAR = 2024;
    private static final SpendingLineCode SPORT = new SpendingLineCode("1");
    private static final ProviderId POOL = new ProviderId("zwembad");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    final Municipality municipality;
    private final CommandGateway commands;

    private Town(String prefix, CommandGateway commands) {
        this.municipality = new Municipality(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.commands = commands;
    }

    static Town open(String prefix, CommandGateway commands) {
        Town town = new Town(prefix, commands);
        commands.sendAndWait(new AllocateBudget(town.municipality, YEAR, SPORT, "Sport", Money.ofCents(100_000_000),
                "alloc-1", null, LocalDate.of(YEAR, 1, 1)));
        commands.sendAndWait(new RegisterProvider(town.municipality, POOL, "Zwembad", Set.of(SPORT), LocalDate.of(YEAR, 1, 1)));
        return town;
    }

    EntitlementId child(int i) {
        return new EntitlementId(municipality, YEAR, new ChildRef("kind-" + i));
    }

    void grant(int i) {
        commands.sendAndWait(new GrantEntitlement(child(i), pass(i), Map.of(SPORT, Money.ofCents(1_000_000)),
                LocalDate.of(YEAR, 2, 1), TODAY, null));
    }

    void redeem(int i, String redemptionId) {
        commands.sendAndWait(new RedeemAtProvider(child(i), redemptionId, pass(i), POOL, SPORT, Money.ofCents(100),
                Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-03-01T10:00:05Z")));
    }

    private PassNumber pass(int i) {
        return new PassNumber("P-" + municipality.slug() + "-" + i);
    }
}
