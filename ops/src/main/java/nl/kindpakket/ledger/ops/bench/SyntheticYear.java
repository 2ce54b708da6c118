package nl.kindpakket.ledger.ops.bench;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.YearClosed;

/**
 * One past year of the bench municipality as the ledger would have recorded it, month by month: spending
 * lines, children granted in the first quarter, 3 to 13 redemptions each spread over the rest of the year
 * at the bench's providers, a reversal for every 7th child, a revocation in October for every 40th,
 * expenditures and execution costs of organisations, and the expiry of the rest at the year's close.
 * About ten events per child; every aggregate's events are numbered as the store numbers them.
 */
final class SyntheticYear {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final long[] CREDITS = {15_000, 10_000, 5_000};
    private static final String M = BenchLedger.MUNICIPALITY;

    private final EventCopy out;
    private final int year;
    private final int children;
    private final int[] sequence;
    private final int[] redeemed;
    private final long[] balances;
    private final boolean[] over;
    private final String budgetYear;
    private int budgetSequence;

    SyntheticYear(EventCopy out, int year, int children) {
        this.out = out;
        this.year = year;
        this.children = children;
        this.sequence = new int[children];
        this.redeemed = new int[children];
        this.balances = new long[children * CREDITS.length];
        this.over = new boolean[children];
        this.budgetYear = M + ":" + year;
    }

    void write() throws SQLException {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        for (int l = 0; l < CREDITS.length; l++) {
            String line = BenchTown.LINES.get(l);
            long amount = children * CREDITS[l] + 5_000_000;
            budget(newYear, new SpendingLineOpened(M, year, line, "Bestedingslijn " + line, newYear));
            budget(newYear, new BudgetAllocated(M, year, "syn-" + year + "-" + line, line, amount, amount, null, newYear));
        }
        long expended = 0;
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < children; i++) {
                child(i, month);
            }
            LocalDate monthEnd = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
            expended += 250_000;
            budget(monthEnd, new ExpenditureRecorded(M, year, "exp-" + year + "-" + month, "Stichting Leergeld", "2", 250_000,
                    expended, monthEnd, "Schoolspullen " + month));
        }
        overhead();
        LocalDate close = LocalDate.of(year + 1, 1, 1);
        String reset = M + "-" + year + "-" + (year + 1);
        for (int i = 0; i < children; i++) {
            if (!over[i]) {
                Map<String, Long> left = balances(i);
                entitlement(i, close, new EntitlementExpired(id(i), M, year, ref(i), pass(i), close, left, total(left), reset));
            }
        }
        budget(close, new YearClosed(M, year, close, reset));
    }

    private void child(int i, int month) throws SQLException {
        int grantMonth = 1 + i % 3;
        if (month < grantMonth || over[i]) {
            return;
        }
        if (month == grantMonth) {
            Map<String, Long> credit = new TreeMap<>();
            for (int l = 0; l < CREDITS.length; l++) {
                balances[i * CREDITS.length + l] = CREDITS[l];
                credit.put(BenchTown.LINES.get(l), CREDITS[l]);
            }
            LocalDate on = LocalDate.of(year, grantMonth, 1);
            entitlement(i, on, new EntitlementGranted(id(i), M, year, ref(i), pass(i), credit, total(credit), on, null));
        }
        int planned = 3 + i % 11;
        while (redeemed[i] < planned && grantMonth + (redeemed[i] * (13 - grantMonth)) / planned == month) {
            redeem(i, redeemed[i]++, month);
        }
        if (i % 40 == 0 && month == 10) {
            LocalDate on = LocalDate.of(year, 10, 31);
            Map<String, Long> left = balances(i);
            entitlement(i, on, new EntitlementRevoked(id(i), M, year, ref(i), pass(i), "verhuisd", on, left, total(left)));
            over[i] = true;
        }
    }

    private void redeem(int i, int n, int month) throws SQLException {
        int l = (i + n) % CREDITS.length;
        long amount = 100 + (i * 7L + n * 13L) % 900;
        while (balances[i * CREDITS.length + l] < amount) {
            l = (l + 1) % CREDITS.length;
        }
        int slot = i * CREDITS.length + l;
        balances[slot] -= amount;
        String line = BenchTown.LINES.get(l);
        String provider = BenchTown.providerId((i + n) % BenchTown.PROVIDERS);
        Instant at = LocalDate.of(year, month, 1 + (i + n) % 28).atTime(9 + n % 9, i % 60).atZone(ZONE).toInstant();
        LocalDate on = at.atZone(ZONE).toLocalDate();
        String redemption = "syn-" + year + "-" + i + "-" + n;
        entitlement(i, at, new RedeemedAtProvider(id(i), M, year, ref(i), redemption, pass(i), provider, line, amount,
                balances[slot], at, on));
        if (n == 0 && i % 7 == 0) {
            balances[slot] += amount;
            Instant back = at.plusSeconds(3_600);
            entitlement(i, back, new RedemptionReversed(id(i), M, year, ref(i), redemption, provider, line, amount,
                    balances[slot], "verkeerd bedrag", back, back.atZone(ZONE).toLocalDate(), on));
        }
    }

    private void overhead() throws SQLException {
        String[][] tasks = {{"WestlandPas", "Uitgifte passen", "1.50"}, {"WestlandPas", "Administratie", "0.80"},
                {"Stichting Leergeld", "Intake", "2.00"}, {"Stichting Leergeld", "Huisbezoeken", "1.20"}};
        long total = 0;
        LocalDate on = LocalDate.of(year, 12, 31);
        for (int t = 0; t < tasks.length; t++) {
            long amount = 1_000_000L * (t + 2);
            total += amount;
            budget(on, new OverheadCostRecorded(M, year, "cost-" + year + "-" + t, tasks[t][0], tasks[t][1], amount,
                    new BigDecimal(tasks[t][2]), on, total));
        }
    }

    private Map<String, Long> balances(int i) {
        Map<String, Long> left = new TreeMap<>();
        for (int l = 0; l < CREDITS.length; l++) {
            left.put(BenchTown.LINES.get(l), balances[i * CREDITS.length + l]);
        }
        return left;
    }

    private static long total(Map<String, Long> amounts) {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private void entitlement(int i, LocalDate on, Object event) throws SQLException {
        entitlement(i, on.atTime(8, 0).atZone(ZONE).toInstant(), event);
    }

    private void entitlement(int i, Instant at, Object event) throws SQLException {
        out.append("Entitlement", id(i), sequence[i]++, at, event);
    }

    private void budget(LocalDate on, Object event) throws SQLException {
        out.append("BudgetYear", budgetYear, budgetSequence++, on.atTime(8, 0).atZone(ZONE).toInstant(), event);
    }

    private String id(int i) {
        return M + ":" + year + ":" + ref(i);
    }

    static String ref(int i) {
        return "syn-" + i;
    }

    private String pass(int i) {
        return "S" + year + "-" + (1_000_000 + i);
    }
}
