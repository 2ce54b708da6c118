package nl.kindpakket.ledger.core.api;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** One child's entitlement for one year; its identifier is derived so that the store refuses a second one. */
public record EntitlementId(Municipality municipality, int year, ChildRef childRef) {

    public EntitlementId {
        if (municipality == null || childRef == null) {
            throw new InvalidInput("entitlement", "needs a municipality and a childRef");
        }
        Years.require("year", year);
    }

    public static EntitlementId of(String municipality, int year, String childRef) {
        return new EntitlementId(new Municipality(municipality), year, new ChildRef(childRef));
    }

    /** Parses the form written by {@link #toString()}: {@code westland:2018:child-1}. */
    public static EntitlementId parse(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            throw new InvalidInput("entitlementId", "must be municipality:year:childRef");
        }
        try {
            return of(parts[0], Integer.parseInt(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw new InvalidInput("entitlementId", "must be municipality:year:childRef");
        }
    }

    @Override
    public String toString() {
        return municipality.slug() + ":" + year + ":" + childRef.value();
    }
}
