package nl.kindpakket.ledger.api.fault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** A municipality of the tests' own with a budget line, a pool that accepts it, and children to redeem for. */
public final class Town {

    public static final int YEAR = 2025;
    public static final SpendingLineCode LINE = new SpendingLineCode("1");
    public static final ProviderId POOL = new ProviderId("zwembad");
    public static final Instant REDEEMED_AT = Instant.parse("2025-06-02T10:00:00Z");

    private final CommandGateway commands;
    private final Municipality municipality;

    private Town(CommandGateway commands, Municipality municipality) {
        this.commands = commands;
        this.municipality = municipality;
    }

    public static Town founded(CommandGateway commands, String prefix) {
        return named(commands, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A town of a fixed name, for a store of the test's own where users can be configured for it. */
    public static Town named(CommandGateway commands, String slug) {
        Town town = new Town(commands, new Municipality(slug));
        town.commands.sendAndWait(new AllocateBudget(town.municipality, YEAR, LINE, "Sport en cultuur",
                Money.ofCents(50_000_000_000L), "budget", null, LocalDate.of(YEAR, 1, 1)));
        town.commands.sendAndWait(new RegisterProvider(town.municipality, POOL, "Zwembad", Set.of(LINE), LocalDate.of(YEAR, 1, 1)));
        return town;
    }

    public String slug() {
        return municipality.slug();
    }

    public EntitlementId child(int number) {
        return EntitlementId.of(slug(), YEAR, "kind-" + number);
    }

    public void grant(int child, long creditCents) {
        commands.sendAndWait(new GrantEntitlement(child(child), pass(child), Map.of(LINE, Money.ofCents(creditCents)),
                LocalDate.of(YEAR, 1, 2), LocalDate.now(), null));
    }

    /** As the HTTP layer sends it, under its client's identifier, so that a repeat is answered as the first time. */
    public Receipt redeem(int child, String redemptionId, long cents) {
        ClientRequest identity = ClientRequest.of(ClientRequest.REDEMPTION, slug(), redemptionId, pass(child).value(),
                POOL.value(), LINE.value(), cents, REDEEMED_AT).to(child(child).toString());
        return commands.sendAndWait(identified(identity, new RedeemAtProvider(child(child), redemptionId, pass(child), POOL,
                LINE, Money.ofCents(cents), REDEEMED_AT, Instant.now())));
    }

    public Receipt reverse(int child, String redemptionId) {
        Instant reversedAt = REDEEMED_AT.plusSeconds(60);
        ClientRequest identity = ClientRequest.of(ClientRequest.REVERSAL, slug(), redemptionId, "kassafout", reversedAt);
        return commands.sendAndWait(identified(identity, new ReverseRedemption(child(child), redemptionId, "kassafout",
                reversedAt, Instant.now(), null)));
    }

    private static CommandMessage<?> identified(ClientRequest identity, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(identity.metaData());
    }

    public PassNumber pass(int child) {
        return new PassNumber("P-" + slug() + "-" + child);
    }
}
