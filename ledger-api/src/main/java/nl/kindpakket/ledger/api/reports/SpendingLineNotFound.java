package nl.kindpakket.ledger.api.reports;

import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;

/**
 * A path names a spending line that the year does not have. (A command that names one in its body is refused with
 * unknown-spending-line, 422: there the line is a rule's input, here the resource asked for.)
 */
final class SpendingLineNotFound extends LedgerRefusal {

    static final String TYPE = "spending-line-not-found";

    SpendingLineNotFound(String spendingLine, int year) {
        super(TYPE, Kind.NOT_FOUND, "no spending line " + spendingLine + " in " + year);
    }
}
