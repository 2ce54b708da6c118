package nl.kindpakket.ledger.api.readside;

/** Which stored events some tables reflect: by position, and by the aggregate that decides the processor segment. */
@FunctionalInterface
public interface Coverage {

    boolean covers(long position, String aggregateId);

    /** Every event up to a position, as a fold of the store up to a settled horizon has it. */
    static Coverage upTo(long horizon) {
        return (position, aggregateId) -> position <= horizon;
    }
}
