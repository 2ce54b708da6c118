package nl.kindpakket.ledger.api.model;

import java.util.HashSet;
import java.util.Set;

/** The council's monthly table of the model's year, as the design defines it. */
final class MonthlyExpectation {

    private final int[] granted = new int[13];
    private final int[] revoked = new int[13];
    private final int[] users = new int[13];
    private final int lastMonth;

    MonthlyExpectation(LedgerModel model) {
        for (LedgerModel.Entitlement e : model.entitlements.values()) {
            if (e.year == Step.YEAR) {
                granted[e.grantedOn.getMonthValue()]++;
                if (e.revokedOn != null) {
                    revoked[e.revokedOn.getMonthValue()]++;
                }
            }
        }
        for (int month = 1; month <= 12; month++) {
            Set<String> used = new HashSet<>();
            for (LedgerModel.Redemption r : model.redemptions.values()) {
                if (r.on.year == Step.YEAR && r.reversedOn == null && r.request.occurredOn().getMonthValue() == month
                        && r.request.occurredOn().getYear() == Step.YEAR) {
                    used.add(r.on.id);
                }
            }
            users[month] = used.size();
        }
        int last = 0;
        for (int month = 1; month <= 12; month++) {
            if (granted[month] != 0 || revoked[month] != 0 || users[month] != 0) {
                last = month;
            }
        }
        lastMonth = last;
    }

    int lastMonth() {
        return lastMonth;
    }

    int issued(int month) {
        int issued = 0;
        for (int m = 1; m <= month; m++) {
            issued += granted[m] - revoked[m];
        }
        return issued;
    }

    int users(int month) {
        return users[month];
    }

    int revokedIn(int month) {
        return revoked[month];
    }
}
