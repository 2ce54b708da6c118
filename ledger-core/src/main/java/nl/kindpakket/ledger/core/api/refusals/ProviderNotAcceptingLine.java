package nl.kindpakket.ledger.core.api.refusals;

/** A provider redeems only the spending lines it accepts. */
public class ProviderNotAcceptingLine extends LedgerRefusal {

    public ProviderNotAcceptingLine(String providerId, String spendingLine) {
        super("provider-not-accepting-line", Kind.RULE, "provider " + providerId + " does not accept spending line " + spendingLine);
    }
}
