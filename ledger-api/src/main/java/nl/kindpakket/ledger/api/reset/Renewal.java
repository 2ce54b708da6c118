package nl.kindpakket.ledger.api.reset;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.core.api.ChildRef;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.SpendingLineCode;

/** A validated renewal of an annual reset job, as kept in {@code annual_reset_renewal}. */
record Renewal(int position, ChildRef childRef, PassNumber passNumber, SortedMap<String, Long> creditCents) {

    Map<SpendingLineCode, Money> credits() {
        return creditCents.entrySet().stream().collect(Collectors.toMap(
                e -> new SpendingLineCode(e.getKey()), e -> Money.ofCents(e.getValue())));
    }

    /** Line codes are letters, digits and '.-_', so "code=cents;..." is unambiguous. */
    String encodedCredits() {
        return creditCents.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static SortedMap<String, Long> decodeCredits(String encoded) {
        SortedMap<String, Long> credits = new TreeMap<>();
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            credits.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return credits;
    }
}
