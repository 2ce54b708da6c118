package nl.kindpakket.ledger.core.api.refusals;

import java.time.LocalDate;

/** Nothing happens to an entitlement before the day it was granted. */
public class DateBeforeGrant extends LedgerRefusal {

    public DateBeforeGrant(String field, Object date, LocalDate grantedOn) {
        super("date-before-grant", Kind.RULE, field + " " + date + " is before the entitlement's grant date " + grantedOn);
    }
}
