package nl.kindpakket.ledger.core.entitlement;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;

/** What a grant gave: a repeated grant with the same terms is the same grant. */
record GrantTerms(String passNumber, SortedMap<String, Long> creditCents, LocalDate grantedOn) {

    GrantTerms {
        creditCents = Collections.unmodifiableSortedMap(new TreeMap<>(creditCents));
    }

    static GrantTerms of(GrantEntitlement command) {
        TreeMap<String, Long> credits = new TreeMap<>();
        command.credits().forEach((line, amount) -> credits.put(line.value(), amount.cents()));
        return new GrantTerms(command.passNumber().value(), credits, command.grantedOn());
    }

    static GrantTerms of(EntitlementGranted event) {
        return new GrantTerms(event.passNumber(), new TreeMap<>(event.creditCents()), event.grantedOn());
    }

    long totalCents() {
        return creditCents.values().stream().mapToLong(Long::longValue).sum();
    }
}
