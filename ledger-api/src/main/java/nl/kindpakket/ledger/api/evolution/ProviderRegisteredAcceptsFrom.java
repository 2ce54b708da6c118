package nl.kindpakket.ledger.api.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * ProviderRegistered revision 2 added {@code acceptsFrom}, the first day the provider redeems passes.
 * Revision 1 events, and those stored before revisions were recorded (revision null), lack it; such a
 * provider accepted passes from the day it was registered, so the field is filled from registeredOn.
 */
public class ProviderRegisteredAcceptsFrom extends SingleEventUpcaster {

    static final String TYPE = ProviderRegistered.class.getName();
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return TYPE.equals(event.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, ProviderRegisteredAcceptsFrom::addAcceptsFrom);
    }

    private static JsonNode addAcceptsFrom(JsonNode payload) {
        ObjectNode provider = (ObjectNode) payload;
        if (!provider.hasNonNull("acceptsFrom")) {
            provider.set("acceptsFrom", provider.get("registeredOn"));
        }
        return provider;
    }
}
