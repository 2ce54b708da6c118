package nl.kindpakket.ledger.projections.monthly;

import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.projections.support.BusinessMonths;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the monthly pass report from its counters: at most 12 x slots rows per year. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class MonthlyPassQueries {

    private final JdbcTemplate jdbc;

    public MonthlyPassQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The twelve months of a municipality's year; all empty when nothing happened in it. */
    public MonthlyPassReport report(String municipality, int year) {
        long[] granted = new long[13];
        long[] revoked = new long[13];
        long[] users = new long[13];
        jdbc.query("SELECT month_no, SUM(granted) AS granted, SUM(revoked) AS revoked, SUM(unique_users) AS users "
                        + "FROM monthly_pass_count WHERE municipality = ? AND budget_year = ? GROUP BY month_no",
                row -> {
                    int month = row.getInt("month_no");
                    granted[month] = row.getLong("granted");
                    revoked[month] = row.getLong("revoked");
                    users[month] = row.getLong("users");
                }, municipality, year);
        int lastMonth = 0;
        for (int month = 1; month <= 12; month++) {
            if (granted[month] != 0 || revoked[month] != 0 || users[month] != 0) {
                lastMonth = month;
            }
        }
        List<MonthlyPassReport.Month> months = new ArrayList<>(12);
        long issued = 0;
        int userSum = 0;
        Integer lastIssued = null;
        for (int month = 1; month <= 12; month++) {
            issued += granted[month] - revoked[month];
            if (month <= lastMonth) {
                lastIssued = Math.toIntExact(issued);
                userSum += Math.toIntExact(users[month]);
                months.add(new MonthlyPassReport.Month(BusinessMonths.label(year, month), lastIssued,
                        Math.toIntExact(users[month])));
            } else {
                months.add(new MonthlyPassReport.Month(BusinessMonths.label(year, month), null, null));
            }
        }
        return new MonthlyPassReport(municipality, year, months,
                new MonthlyPassReport.Total(lastIssued, userSum, distinctUsers(municipality, year)));
    }

    /** A year with another beside it, such as 2019 with 2018. */
    public MonthlyPassComparison sideBySide(String municipality, int year, int compareYear) {
        return MonthlyPassComparison.of(report(municipality, year), report(municipality, compareYear));
    }

    private int distinctUsers(String municipality, int year) {
        Long users = jdbc.queryForObject("SELECT COALESCE(SUM(distinct_users), 0) FROM monthly_year_count "
                + "WHERE municipality = ? AND budget_year = ?", Long.class, municipality, year);
        return Math.toIntExact(users);
    }
}
