package nl.kindpakket.ledger.core.api;

/** Every event of the ledger belongs to exactly one municipality. */
public interface LedgerEvent {

    String municipality();
}
