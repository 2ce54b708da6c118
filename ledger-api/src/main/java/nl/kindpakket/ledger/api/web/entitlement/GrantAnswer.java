package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;

/** What a grant answers, the first time and on every repeat; credits sorted so that both answers are equal. */
public record GrantAnswer(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String passNumber,
        SortedMap<String, Long> credits,
        LocalDate grantedOn
) {

    static GrantAnswer of(GrantEntitlement command) {
        EntitlementId id = command.entitlement();
        SortedMap<String, Long> credits = new TreeMap<>();
        command.credits().forEach((line, amount) -> credits.put(line.value(), amount.cents()));
        return new GrantAnswer(id.toString(), id.municipality().slug(), id.year(), id.childRef().value(),
                command.passNumber().value(), credits, command.grantedOn());
    }
}
