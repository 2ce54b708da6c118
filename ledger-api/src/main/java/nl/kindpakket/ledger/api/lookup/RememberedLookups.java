package nl.kindpakket.ledger.api.lookup;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.lookup.ProviderDirectory.Standing;

/**
 * What the lookups of redemptions answered, kept between requests, so that a redemption at a pass seen before asks
 * nothing before its writes: which entitlement holds the pass, that the year is open, that the provider accepts the
 * line. Only what lets a redemption through is kept, and it is never trusted alone ({@link Recalled}): an answer that
 * has changed since, by this instance or another, costs the redemption a second preparation from the tables, not a
 * different outcome. Each table's answer overwrites what was kept. At most {@code maxPasses} passes are kept; when
 * that many are, they are all forgotten and learnt again as redemptions come.
 */
final class RememberedLookups {

    private record Pass(String municipality, String number) {
    }

    private record Year(String municipality, int year) {
    }

    private record Acceptance(String municipality, String providerId, String spendingLine) {
    }

    /** Years and providers' lines are few; a bound on them only guards against a client naming endless others. */
    private static final int MAX_OTHERS = 10_000;

    private final int maxPasses;
    private final Map<Pass, String> holders = new ConcurrentHashMap<>();
    private final Set<Year> openYears = ConcurrentHashMap.newKeySet();
    private final Set<Acceptance> accepting = ConcurrentHashMap.newKeySet();

    RememberedLookups(int maxPasses) {
        this.maxPasses = maxPasses;
    }

    /** What a redemption needs, if all of it is remembered. */
    Optional<Recalled> recall(String municipality, String passNumber, String redemptionId, String providerId,
            String spendingLine) {
        String holder = holders.get(new Pass(municipality, passNumber));
        if (holder == null) {
            return Optional.empty();
        }
        int year = EntitlementId.parse(holder).year();
        if (!openYears.contains(new Year(municipality, year))
                || !accepting.contains(new Acceptance(municipality, providerId, spendingLine))) {
            return Optional.empty();
        }
        return Optional.of(new Recalled(municipality, passNumber, holder, year, redemptionId, providerId, spendingLine));
    }

    /**
     * What the tables answered for a redemption: the pass's holder (none: forgotten), whether the year of the
     * entitlement the request goes to is closed (null when the tables did not say), the provider's standing.
     */
    void learn(String municipality, String passNumber, Optional<String> holder, Optional<String> target, Boolean closed,
            String providerId, String spendingLine, Standing standing) {
        if (maxPasses <= 0) {
            return;
        }
        Pass pass = new Pass(municipality, passNumber);
        if (holder.isPresent()) {
            if (holders.size() >= maxPasses) {
                holders.clear();
            }
            holders.put(pass, holder.get());
        } else {
            holders.remove(pass);
        }
        if (target.isPresent() && closed != null) {
            Year year = new Year(municipality, EntitlementId.parse(target.get()).year());
            keepIf(!closed, openYears, year);
        }
        keepIf(standing == Standing.ACCEPTING, accepting, new Acceptance(municipality, providerId, spendingLine));
    }

    private static <T> void keepIf(boolean holds, Set<T> kept, T answer) {
        if (!holds) {
            kept.remove(answer);
        } else if (!kept.contains(answer)) {
            if (kept.size() >= MAX_OTHERS) {
                kept.clear();
            }
            kept.add(answer);
        }
    }
}
