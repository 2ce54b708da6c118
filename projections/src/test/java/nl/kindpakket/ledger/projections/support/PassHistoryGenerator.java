package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;

/**
 * Writes the events a municipality's year would produce so that the monthly table comes out as a target: grants
 * on days 1-10, redemptions on days 11-24, reversals, pass replacements and revocations after that. Seeded, so
 * every run writes the same history.
 */
public final class PassHistoryGenerator {

    public static final String LINE = "1";
    private static final long CREDIT = 200_000;
    private static final List<String> PROVIDERS = List.of("zwembad-de-waterman", "vv-naaldwijk", "boekhandel-westland");

    private final String municipality;
    private final Random random;
    private final List<LedgerEvent> events = new ArrayList<>();
    private final List<Child> active = new ArrayList<>();
    private int children;
    private int redemptions;

    public PassHistoryGenerator(String municipality, long seed) {
        this.municipality = municipality;
        this.random = new Random(seed);
    }

    /** Months 1..issued.length of a year; revokes a few each month and grants what the month-end count needs. */
    public PassHistoryGenerator year(int year, int[] issued, int[] uniqueUsers) {
        for (int month = 1; month <= issued.length; month++) {
            YearMonth yearMonth = YearMonth.of(year, month);
            int revocations = month % 4 == 2 ? 3 : 1;
            int previous = month == 1 ? countActive(year) : issued[month - 2];
            grant(year, yearMonth, issued[month - 1] - previous + revocations);
            redeem(year, yearMonth, uniqueUsers[month - 1]);
            replacePasses(year, yearMonth, 3);
            revoke(year, yearMonth, revocations);
        }
        return this;
    }

    /** The annual reset of 1 January: every entitlement of the old year expires, some children are granted anew. */
    public PassHistoryGenerator annualReset(int fromYear, int renewals) {
        LocalDate effectiveOn = LocalDate.of(fromYear + 1, 1, 1);
        List<Child> expiring = active.stream().filter(child -> child.year == fromYear).toList();
        for (Child child : expiring) {
            events.add(new EntitlementExpired(child.id(), municipality, fromYear, child.childRef, child.pass,
                    effectiveOn, Map.of(LINE, child.balance), child.balance, "reset-" + fromYear));
            active.remove(child);
        }
        for (Child old : expiring.subList(0, renewals)) {
            Child child = new Child(old.childRef, fromYear + 1, "WP" + (fromYear + 1) % 100 + "-" + old.childRef.substring(5),
                    effectiveOn);
            events.add(child.granted("reset-" + fromYear));
            active.add(child);
        }
        return this;
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    private int countActive(int year) {
        return (int) active.stream().filter(child -> child.year == year).count();
    }

    private void grant(int year, YearMonth month, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a month-end count below the last one needs more revocations");
        }
        for (int i = 0; i < count; i++) {
            children++;
            String childRef = String.format("kind-%05d", children);
            Child child = new Child(childRef, year, String.format("WP%02d-%05d", year % 100, children),
                    month.atDay(1 + i % 10));
            events.add(child.granted(null));
            active.add(child);
        }
    }

    private void redeem(int year, YearMonth month, int users) {
        List<Child> eligible = new ArrayList<>(active.stream().filter(child -> child.year == year).toList());
        Collections.shuffle(eligible, random);
        if (eligible.size() < users + 2) {
            throw new IllegalArgumentException("not enough entitlements for " + users + " users in " + month);
        }
        if (month.getMonthValue() == 2) {
            putFirst(eligible, child -> child.grantedOn.getMonthValue() == 1 && child.grantedOn.getYear() == year);
        }
        for (int i = 0; i < users; i++) {
            Child user = eligible.get(i);
            Instant at = momentIn(month);
            if (i == 0 && month.getMonthValue() == 2 && user.grantedOn.getMonthValue() == 1) {
                at = Instant.parse(year + "-01-31T23:30:00Z"); // Amsterdam: 1 February, 00:30
            } else if (i == 0 && month.getMonthValue() == 1) {
                at = Instant.parse(year + "-01-31T22:59:00Z"); // Amsterdam: 31 January, 23:59
            }
            RedeemedAtProvider first = user.redeem(at);
            if (random.nextInt(4) == 0) {
                RedeemedAtProvider second = user.redeem(momentIn(month));
                if (random.nextInt(3) == 0) {
                    user.reverse(random.nextBoolean() ? first : second, "dubbel afgerekend");
                }
            }
        }
        for (Child decoy : eligible.subList(users, users + 2)) {
            decoy.reverse(decoy.redeem(momentIn(month)), "verkeerde pas");
        }
    }

    private static void putFirst(List<Child> children, Predicate<Child> wanted) {
        for (int i = 0; i < children.size(); i++) {
            if (wanted.test(children.get(i))) {
                Collections.swap(children, 0, i);
                return;
            }
        }
    }

    private void replacePasses(int year, YearMonth month, int count) {
        for (Child child : pick(year, count)) {
            String newPass = child.pass + "-B";
            events.add(new PassReplaced(child.id(), municipality, year, child.childRef, child.pass, newPass,
                    month.atDay(25)));
            child.pass = newPass.length() > 32 ? child.pass : newPass;
        }
    }

    private void revoke(int year, YearMonth month, int count) {
        List<Child> revoked = pick(year, count);
        for (int i = 0; i < revoked.size(); i++) {
            Child child = revoked.get(i);
            LocalDate effectiveOn = i == 0 ? month.atEndOfMonth() : month.atDay(26 + i);
            events.add(new EntitlementRevoked(child.id(), municipality, year, child.childRef, child.pass,
                    "verhuisd", effectiveOn, Map.of(LINE, child.balance), child.balance));
            active.remove(child);
        }
    }

    private List<Child> pick(int year, int count) {
        List<Child> candidates = new ArrayList<>(active.stream().filter(child -> child.year == year).toList());
        Collections.shuffle(candidates, random);
        return List.copyOf(candidates.subList(0, count));
    }

    private Instant momentIn(YearMonth month) {
        LocalDate day = month.atDay(11 + random.nextInt(14));
        return day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60))).atZone(Years.ZONE).toInstant();
    }

    private final class Child {
        final String childRef;
        final int year;
        final LocalDate grantedOn;
        final Set<String> reversed = new HashSet<>();
        String pass;
        long balance = CREDIT;

        Child(String childRef, int year, String pass, LocalDate grantedOn) {
            this.childRef = childRef;
            this.year = year;
            this.pass = pass;
            this.grantedOn = grantedOn;
        }

        String id() {
            return EntitlementId.of(municipality, year, childRef).toString();
        }

        EntitlementGranted granted(String annualResetId) {
            return new EntitlementGranted(id(), municipality, year, childRef, pass, Map.of(LINE, CREDIT), CREDIT,
                    grantedOn, annualResetId);
        }

        RedeemedAtProvider redeem(Instant at) {
            long amount = 500 + 100L * random.nextInt(16);
            if (amount > balance) {
                throw new IllegalStateException("the generator ran out of credit for " + childRef);
            }
            balance -= amount;
            redemptions++;
            RedeemedAtProvider redeemed = new RedeemedAtProvider(id(), municipality, year, childRef,
                    String.format("r-%d-%06d", year, redemptions), pass, PROVIDERS.get(random.nextInt(PROVIDERS.size())),
                    LINE, amount, balance, at, Years.dateOf(at));
            events.add(redeemed);
            return redeemed;
        }

        void reverse(RedeemedAtProvider redemption, String reason) {
            if (!reversed.add(redemption.redemptionId())) {
                throw new IllegalStateException("already reversed");
            }
            balance += redemption.amountCents();
            Instant at = redemption.occurredAt().plusSeconds(3 * 24 * 3600);
            events.add(new RedemptionReversed(id(), municipality, year, childRef, redemption.redemptionId(),
                    redemption.providerId(), LINE, redemption.amountCents(), balance, reason, at, Years.dateOf(at),
                    redemption.occurredOn()));
        }
    }
}
