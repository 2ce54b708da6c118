package nl.kindpakket.ledger.api.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/**
 * Which events a reader asks for: one municipality or all, and some event types or all.
 *
 * @param municipality a municipality slug, or null for every municipality
 * @param payloadTypes the stored payload types (class names), empty for every type
 */
public record EventFilter(String municipality, Set<String> payloadTypes) {

    public static final EventFilter ALL = new EventFilter(null, Set.of());
    static final String EVENTS_PACKAGE = LedgerEvent.class.getPackageName() + ".events.";
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    public EventFilter {
        if (municipality != null) {
            municipality = new Municipality(municipality).slug();
        }
        payloadTypes = Set.copyOf(payloadTypes);
    }

    /** @param types comma-separated simple names of event types, such as {@code EntitlementGranted,RedeemedAtProvider} */
    public static EventFilter of(String municipality, String types) {
        Set<String> payloadTypes = new LinkedHashSet<>();
        if (types != null && !types.isBlank()) {
            Arrays.stream(types.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                    .forEach(name -> payloadTypes.add(payloadTypeOf(name)));
        }
        return new EventFilter(municipality, payloadTypes);
    }

    /** The class name the store records for a ledger event's simple name; unknown names are refused, not silently empty. */
    static String payloadTypeOf(String simpleName) {
        if (SIMPLE_NAME.matcher(simpleName).matches()) {
            try {
                Class<?> type = Class.forName(EVENTS_PACKAGE + simpleName, false, EventFilter.class.getClassLoader());
                if (LedgerEvent.class.isAssignableFrom(type)) {
                    return type.getName();
                }
            } catch (ClassNotFoundException unknown) {
                // answered below
            }
        }
        throw new InvalidInput("types", "names an unknown event type: " + simpleName);
    }

    /** The SQL condition, starting with {@code and}, for {@link #parameters()}. */
    String sql() {
        StringBuilder where = new StringBuilder();
        if (municipality != null) {
            where.append(" and aggregate_identifier like ?");
        }
        if (!payloadTypes.isEmpty()) {
            where.append(" and payload_type in (").append("?,".repeat(payloadTypes.size() - 1)).append("?)");
        }
        return where.toString();
    }

    List<String> parameters() {
        List<String> parameters = new ArrayList<>();
        if (municipality != null) {
            // a slug holds no LIKE wildcards, and every aggregate identifier starts with "municipality:"
            parameters.add(municipality + ":%");
        }
        parameters.addAll(payloadTypes.stream().sorted().toList());
        return parameters;
    }
}
