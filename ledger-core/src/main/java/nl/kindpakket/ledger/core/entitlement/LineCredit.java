package nl.kindpakket.ledger.core.entitlement;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;

/** Credit left per spending line of an entitlement, in cents. */
record LineCredit(SortedMap<String, Long> balances) {

    LineCredit {
        balances = Collections.unmodifiableSortedMap(new TreeMap<>(balances));
    }

    static LineCredit granted(Map<String, Long> creditCents) {
        return new LineCredit(new TreeMap<>(creditCents));
    }

    LineCredit with(String spendingLine, long balanceCents) {
        TreeMap<String, Long> changed = new TreeMap<>(balances);
        changed.put(spendingLine, balanceCents);
        return new LineCredit(changed);
    }

    long balanceOf(String spendingLine) {
        return balances.getOrDefault(spendingLine, 0L);
    }

    /** The balance after debiting amountCents, refusing a line the entitlement has no credit on or too little. */
    long balanceAfterDebit(String spendingLine, long amountCents) {
        Long balance = balances.get(spendingLine);
        if (balance == null) {
            throw new UnknownSpendingLine(spendingLine);
        }
        if (amountCents > balance) {
            throw new InsufficientCredit(spendingLine, balance, amountCents);
        }
        return balance - amountCents;
    }

    long total() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
