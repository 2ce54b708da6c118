package nl.kindpakket.ledger.core.api;

/**
 * What a command handler answers: whether the command was recorded now or was a repeat of one
 * recorded before (then nothing was appended), and the balance it left where money moved.
 */
public record Receipt(boolean repeated, Long balanceAfterCents) {

    public static Receipt recorded() {
        return new Receipt(false, null);
    }

    public static Receipt repeat() {
        return new Receipt(true, null);
    }

    public static Receipt recorded(long balanceAfterCents) {
        return new Receipt(false, balanceAfterCents);
    }

    public static Receipt repeat(long balanceAfterCents) {
        return new Receipt(true, balanceAfterCents);
    }
}
