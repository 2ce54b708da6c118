package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Enschede's spending lines of 2020 as the board proposal of December 2021 shows them, recorded as commands: 40
 * children with a pass spend on lines 1-3 (one purchase reversed and bought again, one child moves away), the
 * organisations spend the rest directly, and in 2021 Stichting Leergeld repays its underspend of 59,000 euros.
 */
final class EnschedeHistory {

    static final String LEERGELD = "Stichting Leergeld Enschede";
    static final String JEUGDFONDS = "Jeugdfonds Sport en Cultuur";
    static final String GEMEENTE = "Gemeente Enschede";
    static final int CHILDREN = 40;

    private final CommandGateway commands;
    private final Municipality enschede;

    EnschedeHistory(CommandGateway commands, Municipality enschede) {
        this.commands = commands;
        this.enschede = enschede;
    }

    /** Everything recorded for 2020 up to its last day. */
    void year2020() {
        Staff staff = new Staff(commands, enschede);
        staff.allocate(2020, "1", "Gezondheid en kleding", euros(213_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "2", "Participatie en ontwikkeling", euros(36_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "3", "Leermiddelen", euros(1_000_000), LocalDate.of(2020, 1, 6));
        staff.allocate(2020, "3", "Leermiddelen", euros(256_000), LocalDate.of(2020, 7, 1));
        staff.allocate(2020, "4", "Innovatie en actualiteiten", euros(89_000), LocalDate.of(2020, 1, 6));
        staff.provider("c-en-a", "C&A Enschede", "1");
        staff.provider("zeeman", "Zeeman", "1");
        staff.provider("fc-twente-jeugd", "FC Twente jeugd", "2");
        staff.provider("primera", "Primera", "3");
        childrenSpend();
        staff.expenditure(2020, LEERGELD, "1", euros(120_000), LocalDate.of(2020, 6, 1));
        staff.expenditure(2020, GEMEENTE, "1", euros(83_000), LocalDate.of(2020, 11, 1));
        staff.expenditure(2020, JEUGDFONDS, "2", euros(32_100), LocalDate.of(2020, 10, 1));
        staff.expenditure(2020, LEERGELD, "3", euros(1_181_800), LocalDate.of(2020, 12, 15));
        staff.expenditure(2020, GEMEENTE, "4", euros(89_000), LocalDate.of(2020, 12, 1));
    }

    /** Stichting Leergeld's repayment of 2021 to income support, of the amount given. */
    RefundUnderspend refund(String refundId, long cents) {
        return new RefundUnderspend(enschede, 2020, refundId, LEERGELD, new SpendingLineCode("3"), Money.ofCents(cents),
                LocalDate.of(2021, 4, 15), "Inkomensondersteuning");
    }

    /** Line 1 fully (one purchase reversed and bought again), line 2 by all but the child who moved, line 3 by 38. */
    private void childrenSpend() {
        Map<SpendingLineCode, Money> credits = Map.of(new SpendingLineCode("1"), Money.ofCents(euros(250)),
                new SpendingLineCode("2"), Money.ofCents(euros(100)), new SpendingLineCode("3"), Money.ofCents(euros(400)));
        for (int i = 1; i <= CHILDREN; i++) {
            commands.sendAndWait(new GrantEntitlement(child(i), pass(i), credits, LocalDate.of(2020, 2, 3),
                    LocalDate.now(), null));
            redeem(i, "kleding-a", "c-en-a", "1", 150, "2020-03-14T10:00:00Z");
            redeem(i, "kleding-b", "zeeman", "1", 100, "2020-04-14T10:00:00Z");
            if (i == 7) {
                commands.sendAndWait(new ReverseRedemption(child(i), "kleding-b-" + i, "verkeerde pas",
                        Instant.parse("2020-04-15T10:00:00Z"), Instant.now(), null));
                redeem(i, "kleding-c", "c-en-a", "1", 100, "2020-04-16T10:00:00Z");
            }
            if (i == CHILDREN) {
                commands.sendAndWait(new RevokeEntitlement(child(i), "verhuisd", LocalDate.of(2020, 6, 30), LocalDate.now()));
                continue;
            }
            if (i <= 38) {
                redeem(i, "school", "primera", "3", 400, "2020-08-20T10:00:00Z");
            }
            redeem(i, "sport", "fc-twente-jeugd", "2", 100, "2020-09-01T10:00:00Z");
        }
    }

    private void redeem(int i, String what, String provider, String line, long euros, String at) {
        commands.sendAndWait(new RedeemAtProvider(child(i), what + "-" + i, pass(i), new ProviderId(provider),
                new SpendingLineCode(line), Money.ofCents(euros(euros)), Instant.parse(at), Instant.now()));
    }

    EntitlementId child(int i) {
        return EntitlementId.of(enschede.slug(), 2020, String.format("kind-%02d", i));
    }

    private static PassNumber pass(int i) {
        return new PassNumber(String.format("ENS-%04d", i));
    }
}
