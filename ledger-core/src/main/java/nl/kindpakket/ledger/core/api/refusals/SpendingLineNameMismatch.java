package nl.kindpakket.ledger.core.api.refusals;

/** A spending line keeps the name it was opened with. */
public class SpendingLineNameMismatch extends LedgerRefusal {

    public SpendingLineNameMismatch(String code, String existingName) {
        super("spending-line-name-mismatch", Kind.CONFLICT, "spending line " + code + " is already named " + existingName);
    }
}
