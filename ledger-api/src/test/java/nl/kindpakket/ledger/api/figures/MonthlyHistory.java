package nl.kindpakket.ledger.api.figures;

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

import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Years;

/**
 * Plans one municipality's year as commands so that its monthly table comes out as targeted. Each month grants what
 * the month-end count needs plus what the month revokes (one grant on the month's last day), redeems for exactly the
 * targeted number of children (some twice, some with one of the two reversed, some near midnight at a month's end),
 * redeems for three more children and reverses those, replaces two passes and revokes one or two entitlements, one
 * of them on the month's last day. Seeded, so every run plans the same history.
 */
final class MonthlyHistory {

    private static final int DECOYS = 3;
    private static final int REPLACEMENTS = 2;

    private final PlannedChild.Ledger ledger;
    private final int year;
    private final Random random;
    private final Map<YearMonth, List<Instant>> nearMidnight;
    private final List<PlannedChild> active = new ArrayList<>();
    private final Set<String> users = new HashSet<>();
    private int nextChild;

    MonthlyHistory(Municipality municipality, int year, int firstChild, long seed, CommandScripts scripts,
            Map<YearMonth, List<Instant>> nearMidnight) {
        this.ledger = new PlannedChild.Ledger(municipality, year, scripts, new Random(seed));
        this.year = year;
        this.random = new Random(seed + 1);
        this.nextChild = firstChild;
        this.nearMidnight = nearMidnight;
        nearMidnight.forEach((month, moments) -> moments.forEach(moment -> {
            if (!YearMonth.from(Years.dateOf(moment)).equals(month)) {
                throw new IllegalArgumentException(moment + " is not in " + month + " in Amsterdam");
            }
        }));
    }

    /** Children the annual reset granted on 1 January: in the year without a grant of their own here. */
    MonthlyHistory renewed(List<AnnualResetRequest.Renewal> renewals) {
        renewals.forEach(r -> active.add(new PlannedChild(ledger, r.childRef(), r.passNumber(),
                LocalDate.of(year, 1, 1), r.credits())));
        return this;
    }

    /** Months 1..issued.length, each ending with issued[m] entitlements and users[m] children who redeemed. */
    MonthlyHistory months(int[] issued, int[] userCounts) {
        for (int m = 1; m <= issued.length; m++) {
            month(YearMonth.of(year, m), m == 1 ? active.size() : issued[m - 2], issued[m - 1], userCounts[m - 1]);
        }
        return this;
    }

    /** Children of the year's end, re-determined for the next year: every other one keeps the pass it has. */
    List<AnnualResetRequest.Renewal> renewals(int count) {
        List<PlannedChild> continuing = new ArrayList<>(active);
        Collections.shuffle(continuing, random);
        List<AnnualResetRequest.Renewal> renewals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlannedChild child = continuing.get(i);
            String pass = i % 2 == 0 ? child.pass() : passNumber(year + 1, child.childRef().substring(5));
            renewals.add(new AnnualResetRequest.Renewal(child.childRef(), pass, PlannedChild.CREDITS));
        }
        return renewals;
    }

    /** Children with a redemption in the year that was not reversed. */
    int distinctUsers() {
        return users.size();
    }

    List<PlannedChild> active() {
        return List.copyOf(active);
    }

    private void month(YearMonth month, int issuedBefore, int issued, int userCount) {
        int revocations = 1 + month.getMonthValue() % 2;
        grant(month, issued - issuedBefore + revocations);
        List<PlannedChild> eligible = new ArrayList<>(active.stream()
                .filter(child -> child.grantedOn().isBefore(month.atDay(11))).toList());
        Collections.shuffle(eligible, random);
        List<Instant> edges = nearMidnight.getOrDefault(month, List.of());
        for (int i = 0; i < edges.size(); i++) {
            grantedBy(eligible, i, Years.dateOf(edges.get(i)));
        }
        if (eligible.size() < userCount + DECOYS + REPLACEMENTS + revocations) {
            throw new IllegalArgumentException("too few entitlements for " + userCount + " users in " + month);
        }
        for (int i = 0; i < userCount; i++) {
            use(eligible.get(i), i < edges.size() ? edges.get(i) : momentIn(month), month);
        }
        for (PlannedChild decoy : eligible.subList(userCount, userCount + DECOYS)) {
            PlannedChild.Redeemed wrong = decoy.redeem(momentIn(month));
            decoy.reverse(wrong, "verkeerde pas", wrong.at().plusSeconds(3600L * (1 + random.nextInt(48))));
        }
        List<PlannedChild> untouched = new ArrayList<>(eligible.subList(userCount + DECOYS, eligible.size()));
        List<PlannedChild> replaced = untouched.stream().filter(child -> !child.replaced()).limit(REPLACEMENTS).toList();
        replaced.forEach(child -> child.replacePass(month.atDay(25)));
        untouched.removeAll(replaced);
        for (int i = 0; i < revocations; i++) {
            PlannedChild moving = untouched.get(i);
            moving.revoke(i == 0 ? month.atEndOfMonth() : month.atDay(27));
            active.remove(moving);
        }
    }

    private void grant(YearMonth month, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a month-end count below the last one needs more revocations");
        }
        for (int i = 0; i < count; i++) {
            String number = String.format("%05d", nextChild++);
            LocalDate on = i == count - 1 && count > 1 ? month.atEndOfMonth() : month.atDay(1 + i % 10);
            PlannedChild child = new PlannedChild(ledger, "kind-" + number, passNumber(year, number), on,
                    PlannedChild.CREDITS);
            child.grant();
            active.add(child);
        }
    }

    private void use(PlannedChild child, Instant at, YearMonth month) {
        PlannedChild.Redeemed first = child.redeem(at);
        users.add(child.childRef());
        if (random.nextInt(8) == 0) {
            PlannedChild.Redeemed second = child.redeem(momentIn(month));
            if (random.nextInt(3) == 0) {
                Instant later = first.at().isAfter(second.at()) ? first.at() : second.at();
                child.reverse(random.nextBoolean() ? first : second, "dubbel afgerekend", later.plusSeconds(600));
            }
        }
    }

    /** Moves to position i a child granted on or before the date, to redeem on it. */
    private static void grantedBy(List<PlannedChild> eligible, int i, LocalDate date) {
        for (int j = i; j < eligible.size(); j++) {
            if (!eligible.get(j).grantedOn().isAfter(date)) {
                Collections.swap(eligible, i, j);
                return;
            }
        }
        throw new IllegalArgumentException("no child granted by " + date);
    }

    private Instant momentIn(YearMonth month) {
        LocalDate day = month.atDay(11 + random.nextInt(14));
        return day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60))).atZone(Years.ZONE).toInstant();
    }

    private static String passNumber(int year, String number) {
        return String.format("WL%02d-%s", year % 100, number);
    }
}
