package nl.kindpakket.ledger.projections.support;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months of a year as the reports number and label them. */
public final class BusinessMonths {

    private BusinessMonths() {
    }

    /** The month (1-12) of a date inside the year; a date before the year counts from January, one after it is 0. */
    public static int within(int year, LocalDate date) {
        if (date.getYear() < year) {
            return 1;
        }
        return date.getYear() == year ? date.getMonthValue() : 0;
    }

    /** The label the reports use, such as {@code 2018-01}. */
    public static String label(int year, int month) {
        return YearMonth.of(year, month).toString();
    }
}
