package nl.kindpakket.ledger.projections.monthly;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.kindpakket.ledger.projections.support.BusinessMonths;
import nl.kindpakket.ledger.projections.support.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the monthly pass report from its counters: at most 12 x slots rows per year. As of an earlier moment of
 * recording it sums the counters' log up to that moment instead, with the grants and first uses that the
 * entitlements' rows keep the moments of, so a correction recorded later is left out.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class MonthlyPassQueries {

    private final JdbcTemplate jdbc;

    public MonthlyPassQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The twelve months of a municipality's year; all empty when nothing happened in it. */
    public MonthlyPassReport report(String municipality, int year) {
        return report(municipality, year, Recorded.NOW);
    }

    /** The twelve months as they stood at a moment of recording, before any change recorded after it. */
    public MonthlyPassReport report(String municipality, int year, Instant asOf) {
        return report(municipality, year, Recorded.asOf(asOf));
    }

    /** A year with another beside it, such as 2019 with 2018. */
    public MonthlyPassComparison sideBySide(String municipality, int year, int compareYear) {
        return MonthlyPassComparison.of(report(municipality, year), report(municipality, compareYear));
    }

    /** Both years as they stood at a moment of recording. */
    public MonthlyPassComparison sideBySide(String municipality, int year, int compareYear, Instant asOf) {
        return MonthlyPassComparison.of(report(municipality, year, asOf), report(municipality, compareYear, asOf));
    }

    private MonthlyPassReport report(String municipality, int year, Recorded recorded) {
        long[] granted = new long[13];
        long[] revoked = new long[13];
        long[] users = new long[13];
        jdbc.query("SELECT month_no, SUM(granted) AS granted, SUM(revoked) AS revoked, SUM(unique_users) AS users "
                        + "FROM " + recorded.table("monthly_pass_count") + " WHERE municipality = ? AND budget_year = ?"
                        + recorded.until() + " GROUP BY month_no",
                row -> {
                    int month = row.getInt("month_no");
                    granted[month] = row.getLong("granted");
                    revoked[month] = row.getLong("revoked");
                    users[month] = row.getLong("users");
                }, recorded.arguments(municipality, year));
        long yearUsers = 0;
        if (!recorded.isNow()) {
            yearUsers = countKeptMoments(municipality, year, recorded, granted, users);
        }
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
                new MonthlyPassReport.Total(lastIssued, userSum,
                        distinctUsers(municipality, year, recorded) + Math.toIntExact(yearUsers)));
    }

    private int distinctUsers(String municipality, int year, Recorded recorded) {
        Long users = jdbc.queryForObject("SELECT COALESCE(SUM(distinct_users), 0) FROM "
                        + recorded.table("monthly_year_count") + " WHERE municipality = ? AND budget_year = ?"
                        + recorded.until(), Long.class, recorded.arguments(municipality, year));
        return Math.toIntExact(users);
    }

    /**
     * Adds to the months' grants and users what the entitlements' rows tell by the moments they keep (a grant, a
     * first use of a month) up to the moment, which the counters' log has no row for; returns the entitlements that
     * had first used the year by then, likewise.
     */
    private long countKeptMoments(String municipality, int year, Recorded recorded, long[] granted, long[] users) {
        OffsetDateTime moment = recorded.moment();
        StringBuilder sql = new StringBuilder("SELECT grant_month");
        for (String column : MonthlyEntitlementRow.MOMENT_COLUMNS) {
            sql.append(", SUM(CASE WHEN ").append(column).append(" <= ? THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM monthly_entitlement WHERE budget_year = ? AND municipality = ? GROUP BY grant_month");
        Object[] arguments = new Object[MonthlyEntitlementRow.MOMENT_COLUMNS.length + 2];
        Arrays.fill(arguments, moment);
        arguments[arguments.length - 2] = year;
        arguments[arguments.length - 1] = municipality;
        long[] yearUsers = new long[1];
        jdbc.query(sql.toString(), row -> {
            int grantMonth = row.getInt(1);
            if (grantMonth >= 1 && grantMonth <= 12) {
                granted[grantMonth] += row.getLong(2);
            }
            for (int month = 1; month <= 12; month++) {
                users[month] += row.getLong(2 + month);
            }
            yearUsers[0] += row.getLong(15);
        }, arguments);
        return yearUsers[0];
    }
}
