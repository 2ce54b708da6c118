package nl.kindpakket.ledger.projections.monthly;

import java.util.List;

/**
 * The monthly table of issued passes and unique use of one municipality's year, as in the 2019 Westland memo.
 * Always twelve months; a month after the last month with data has null figures (the memo's "–").
 */
public record MonthlyPassReport(String municipality, int year, List<Month> months, Total total) {

    public MonthlyPassReport {
        months = List.copyOf(months);
    }

    /**
     * @param month        {@code yyyy-MM}
     * @param issuedPasses entitlements of the year granted and not revoked at the month's last day; null when empty
     * @param uniqueUsers  distinct entitlements with a redemption (not reversed) dated in the month; null when empty
     */
    public record Month(String month, Integer issuedPasses, Integer uniqueUsers) {
    }

    /**
     * @param issuedPasses        the last reported month's figure (a stock); null when no month has data
     * @param uniqueUsers         the sum of the months' figures (a flow, as the memo adds them up)
     * @param distinctUsersInYear distinct entitlements with a redemption (not reversed) in the year
     */
    public record Total(Integer issuedPasses, int uniqueUsers, int distinctUsersInYear) {
    }
}
