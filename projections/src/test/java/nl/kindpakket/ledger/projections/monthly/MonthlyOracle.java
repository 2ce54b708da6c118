package nl.kindpakket.ledger.projections.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;

/** The monthly report computed the slow way, straight from the definition in the design, to check the counters. */
final class MonthlyOracle {

    private MonthlyOracle() {
    }

    static MonthlyPassReport report(List<LedgerEvent> events, String municipality, int year) {
        Map<String, LocalDate> granted = new HashMap<>();
        Map<String, LocalDate> revoked = new HashMap<>();
        Map<String, RedeemedAtProvider> redemptions = new HashMap<>();
        Set<String> reversed = new HashSet<>();
        for (LedgerEvent event : events) {
            if (!event.municipality().equals(municipality)) {
                continue;
            }
            if (event instanceof EntitlementGranted e && e.year() == year) {
                granted.put(e.entitlementId(), e.grantedOn());
            } else if (event instanceof EntitlementRevoked e && e.year() == year) {
                revoked.put(e.entitlementId(), e.effectiveOn());
            } else if (event instanceof RedeemedAtProvider e && e.year() == year) {
                redemptions.put(e.redemptionId(), e);
            } else if (event instanceof RedemptionReversed e && e.year() == year) {
                reversed.add(e.redemptionId());
            }
        }
        List<RedeemedAtProvider> used = redemptions.values().stream()
                .filter(r -> !reversed.contains(r.redemptionId()) && r.occurredOn().getYear() == year)
                .toList();
        int lastMonth = 0;
        for (LocalDate date : granted.values()) {
            lastMonth = Math.max(lastMonth, date.getYear() < year ? 1 : date.getMonthValue());
        }
        for (LocalDate date : revoked.values()) {
            lastMonth = Math.max(lastMonth, date.getYear() == year ? date.getMonthValue() : 0);
        }
        for (RedeemedAtProvider r : used) {
            lastMonth = Math.max(lastMonth, r.occurredOn().getMonthValue());
        }
        List<MonthlyPassReport.Month> months = new ArrayList<>();
        Integer lastIssued = null;
        int userSum = 0;
        for (int month = 1; month <= 12; month++) {
            YearMonth yearMonth = YearMonth.of(year, month);
            if (month > lastMonth) {
                months.add(new MonthlyPassReport.Month(yearMonth.toString(), null, null));
                continue;
            }
            LocalDate end = yearMonth.atEndOfMonth();
            int issued = (int) granted.entrySet().stream()
                    .filter(g -> !g.getValue().isAfter(end))
                    .filter(g -> !revoked.containsKey(g.getKey()) || revoked.get(g.getKey()).isAfter(end))
                    .count();
            int users = (int) used.stream()
                    .filter(r -> YearMonth.from(r.occurredOn()).equals(yearMonth))
                    .map(RedeemedAtProvider::entitlementId).distinct().count();
            months.add(new MonthlyPassReport.Month(yearMonth.toString(), issued, users));
            lastIssued = issued;
            userSum += users;
        }
        int distinct = (int) used.stream().map(RedeemedAtProvider::entitlementId).distinct().count();
        return new MonthlyPassReport(municipality, year, months,
                new MonthlyPassReport.Total(lastIssued, userSum, distinct));
    }
}
