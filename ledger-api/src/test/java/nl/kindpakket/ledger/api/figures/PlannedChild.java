package nl.kindpakket.ledger.api.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.core.api.ChildRef;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;

/** One child's entitlement in a planned history: plans its commands and keeps its pass and credit while doing so. */
final class PlannedChild {

    static final Map<String, Long> CREDITS = Map.of("1", 30_000L, "2", 20_000L);
    static final Map<String, List<String>> PROVIDERS = Map.of(
            "1", List.of("zwembad-de-waterman", "vv-naaldwijk"),
            "2", List.of("boekhandel-westland"));

    private final Ledger ledger;
    private final String childRef;
    private final LocalDate grantedOn;
    private final Map<String, Long> balance;
    private String pass;
    private boolean replaced;

    PlannedChild(Ledger ledger, String childRef, String pass, LocalDate grantedOn, Map<String, Long> credits) {
        this.ledger = ledger;
        this.childRef = childRef;
        this.pass = pass;
        this.grantedOn = grantedOn;
        this.balance = new HashMap<>(credits);
    }

    /** What a planned redemption was, to reverse it later. */
    record Redeemed(String redemptionId, String line, long cents, Instant at) {
    }

    EntitlementId id() {
        return new EntitlementId(ledger.municipality, ledger.year, new ChildRef(childRef));
    }

    void grant() {
        Map<SpendingLineCode, Money> credits = balance.entrySet().stream().collect(Collectors.toMap(
                e -> new SpendingLineCode(e.getKey()), e -> Money.ofCents(e.getValue())));
        plan(new GrantEntitlement(id(), new PassNumber(pass), credits, grantedOn, ledger.today, null));
    }

    Redeemed redeem(Instant at) {
        long cents = 500 + 100L * ledger.random.nextInt(16);
        String line = balance.get("1") >= balance.get("2") ? "1" : "2";
        if (balance.get(line) < cents) {
            throw new IllegalStateException("the plan ran out of credit for " + childRef);
        }
        balance.merge(line, -cents, Long::sum);
        List<String> providers = PROVIDERS.get(line);
        String provider = providers.get(ledger.random.nextInt(providers.size()));
        Redeemed redeemed = new Redeemed(String.format("r%d-%06d", ledger.year, ++ledger.redemptions), line, cents, at);
        plan(new RedeemAtProvider(id(), redeemed.redemptionId(), new PassNumber(pass), new ProviderId(provider),
                new SpendingLineCode(line), Money.ofCents(cents), at, ledger.now));
        return redeemed;
    }

    void reverse(Redeemed redemption, String reason, Instant at) {
        balance.merge(redemption.line(), redemption.cents(), Long::sum);
        plan(new ReverseRedemption(id(), redemption.redemptionId(), reason, at, ledger.now, null));
    }

    void replacePass(LocalDate on) {
        pass = pass + "-B";
        replaced = true;
        plan(new ReplacePass(id(), new PassNumber(pass), on, ledger.today));
    }

    void revoke(LocalDate effectiveOn) {
        plan(new RevokeEntitlement(id(), "verhuisd", effectiveOn, ledger.today));
    }

    String childRef() {
        return childRef;
    }

    String pass() {
        return pass;
    }

    LocalDate grantedOn() {
        return grantedOn;
    }

    boolean replaced() {
        return replaced;
    }

    private void plan(Object command) {
        ledger.scripts.add(id().toString(), command);
    }

    /** What the children of one municipality's year share: where their commands go, and the clock they are sent by. */
    static final class Ledger {
        private final Municipality municipality;
        private final int year;
        private final CommandScripts scripts;
        private final Random random;
        private final LocalDate today = LocalDate.now(Years.ZONE);
        private final Instant now = Instant.now();
        private int redemptions;

        Ledger(Municipality municipality, int year, CommandScripts scripts, Random random) {
            this.municipality = municipality;
            this.year = year;
            this.scripts = scripts;
            this.random = random;
        }
    }
}
