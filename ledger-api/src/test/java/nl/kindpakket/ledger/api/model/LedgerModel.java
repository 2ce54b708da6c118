package nl.kindpakket.ledger.api.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ledger's rules written a second time, small and plain: what each request should answer, and what the
 * ledger then holds. Lookups (which entitlement holds a pass, where a redemption was recorded) are modelled as the
 * ledger keeps them, including that a revoked entitlement's pass stays on record until another takes it over.
 */
final class LedgerModel {

    enum Status { ACTIVE, REVOKED, EXPIRED }

    static final class Entitlement {
        final String id;
        final int year;
        final String child;
        final String grantedPass;
        final Map<String, Long> granted;
        final LocalDate grantedOn;
        final Map<String, Long> balances;
        String pass;
        LocalDate passReplacedOn;
        Status status = Status.ACTIVE;
        String revocationReason;
        LocalDate revokedOn;
        int events = 1;

        Entitlement(int year, String child, String pass, Map<String, Long> credits, LocalDate grantedOn) {
            this.id = Ledger.entitlementId(year, child);
            this.year = year;
            this.child = child;
            this.grantedPass = pass;
            this.pass = pass;
            this.granted = Map.copyOf(credits);
            this.balances = new TreeMap<>(credits);
            this.grantedOn = grantedOn;
        }
    }

    record PassRow(String entitlement, boolean revoked) {
    }

    static final class Redemption {
        final Step.Redeem request;
        final Entitlement on;
        String reversalReason;
        LocalDate reversedOn;

        Redemption(Step.Redeem request, Entitlement on) {
            this.request = request;
            this.on = on;
        }
    }

    final Map<String, Entitlement> entitlements = new HashMap<>();
    final Map<String, PassRow> passes = new HashMap<>();
    final Map<String, Redemption> redemptions = new HashMap<>();
    final Map<Integer, Step.Expenditure> expenditures = new HashMap<>();
    final Map<Integer, Step.Refund> refunds = new HashMap<>();
    final Map<String, Long> available = Map.of("1", Ledger.SPORT_BUDGET, "3", Ledger.SCHOOL_BUDGET);
    boolean shopSuspended;
    List<List<String>> reset;

    String apply(Step step) {
        if (step instanceof Step.Grant s) {
            return grant(s);
        } else if (step instanceof Step.Redeem s) {
            return new RedemptionRules(this).redeem(s);
        } else if (step instanceof Step.Reverse s) {
            return new RedemptionRules(this).reverse(s);
        } else if (step instanceof Step.Revoke s) {
            return revoke(s);
        } else if (step instanceof Step.ReplacePass s) {
            return replace(s);
        } else if (step instanceof Step.Expenditure s) {
            return new BudgetRules(this).spend(s);
        } else if (step instanceof Step.Refund s) {
            return new BudgetRules(this).refund(s);
        } else if (step instanceof Step.AnnualReset s) {
            return new ResetRules(this).annualReset(s);
        }
        return suspend();
    }

    private String grant(Step.Grant s) {
        String pass = Step.pass(s.pass());
        Map<String, Long> credits = credits(s);
        Entitlement earlier = entitlements.get(Ledger.entitlementId(Step.YEAR, Step.child(s.child())));
        if (earlier != null) {
            boolean same = earlier.grantedPass.equals(pass) && earlier.granted.equals(credits)
                    && earlier.grantedOn.equals(s.grantedOn());
            return same ? "repeated" : "duplicate-grant";
        }
        if (reset != null) {
            return "year-closed";
        }
        Entitlement granted = new Entitlement(Step.YEAR, Step.child(s.child()), pass, credits, s.grantedOn());
        String refused = takePass(pass, granted.id);
        if (refused != null) {
            return refused;
        }
        entitlements.put(granted.id, granted);
        return "accepted";
    }

    static Map<String, Long> credits(Step.Grant s) {
        Map<String, Long> credits = new TreeMap<>(Map.of("1", s.sportCents()));
        if (s.schoolCents() > 0) {
            credits.put("3", s.schoolCents());
        }
        return credits;
    }

    /** The pass rule and the lookup table's key: a pass of a living entitlement is never taken over. */
    private String takePass(String pass, String entitlement) {
        PassRow row = passes.get(pass);
        if (row != null && !row.revoked()) {
            return "pass-in-use";
        }
        passes.put(pass, new PassRow(entitlement, false));
        return null;
    }

    private String revoke(Step.Revoke s) {
        Entitlement e = entitlements.get(Ledger.entitlementId(Step.YEAR, Step.child(s.child())));
        if (e == null) {
            return "unknown-entitlement";
        }
        if (e.status == Status.REVOKED) {
            return e.revocationReason.equals(s.reason()) && e.revokedOn.equals(s.effectiveOn()) ? "repeated" : "already-revoked";
        }
        if (e.status == Status.EXPIRED) {
            return "entitlement-expired";
        }
        if (s.effectiveOn().isBefore(e.grantedOn)) {
            return "date-before-grant";
        }
        e.status = Status.REVOKED;
        e.revocationReason = s.reason();
        e.revokedOn = s.effectiveOn();
        e.events++;
        passes.replaceAll((pass, row) -> row.entitlement().equals(e.id) ? new PassRow(e.id, true) : row);
        return "accepted";
    }

    private String replace(Step.ReplacePass s) {
        Entitlement e = entitlements.get(Ledger.entitlementId(Step.YEAR, Step.child(s.child())));
        String pass = Step.pass(s.pass());
        if (e == null) {
            return "unknown-entitlement";
        }
        if (pass.equals(e.pass) && s.replacedOn().equals(e.passReplacedOn)) {
            return "repeated";
        }
        if (e.status != Status.ACTIVE) {
            return e.status == Status.REVOKED ? "entitlement-revoked" : "entitlement-expired";
        }
        if (pass.equals(e.pass)) {
            return "pass-in-use";
        }
        if (s.replacedOn().isBefore(e.grantedOn)) {
            return "date-before-grant";
        }
        PassRow row = passes.get(pass);
        if (row != null && !row.revoked() && !row.entitlement().equals(e.id)) {
            return "pass-in-use";
        }
        String refused = takePass(pass, e.id);
        if (refused != null) {
            return refused;
        }
        e.pass = pass;
        e.passReplacedOn = s.replacedOn();
        e.events++;
        return "accepted";
    }

    private String suspend() {
        boolean earlier = shopSuspended;
        shopSuspended = true;
        return earlier ? "repeated" : "accepted";
    }

    /** Money redeemed on a line of a year, net of reversals, as the redemption registry sums it. */
    long netRedeemed(int year, String line) {
        return redemptions.values().stream()
                .filter(r -> r.on.year == year && r.request.line().equals(line) && r.reversedOn == null)
                .mapToLong(r -> r.request.cents()).sum();
    }

    long committed(String line) {
        return entitlements.values().stream().filter(e -> e.year == Step.YEAR && e.status == Status.ACTIVE)
                .mapToLong(e -> e.balances.getOrDefault(line, 0L)).sum();
    }

    static boolean sameRedemption(Step.Redeem a, Step.Redeem b) {
        return Objects.equals(Step.pass(a.pass()), Step.pass(b.pass())) && a.provider().equals(b.provider())
                && a.line().equals(b.line()) && a.cents() == b.cents() && a.occurredOn().equals(b.occurredOn());
    }
}
