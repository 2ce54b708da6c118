package nl.kindpakket.ledger.projections.monthly;

import java.util.List;

/** A year's monthly table with a second year beside it under {@code compare}, as the memo puts 2018 and 2019. */
public record MonthlyPassComparison(
        String municipality,
        int year,
        List<MonthlyPassReport.Month> months,
        MonthlyPassReport.Total total,
        MonthlyPassReport compare
) {

    public MonthlyPassComparison {
        months = List.copyOf(months);
    }

    public static MonthlyPassComparison of(MonthlyPassReport report, MonthlyPassReport compare) {
        return new MonthlyPassComparison(report.municipality(), report.year(), report.months(), report.total(), compare);
    }
}
