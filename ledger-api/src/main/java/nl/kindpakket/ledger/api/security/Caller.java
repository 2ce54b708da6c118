package nl.kindpakket.ledger.api.security;

/**
 * Who is asking: a role bound to one municipality (an operator may span all, written {@code *}),
 * and for a provider its providerId. Independent of how the caller authenticated.
 */
public record Caller(String name, Role role, String municipality, String providerId) {

    public static final String ALL_MUNICIPALITIES = "*";

    public boolean serves(String municipalitySlug) {
        return ALL_MUNICIPALITIES.equals(municipality) || municipality.equals(municipalitySlug);
    }

    public boolean spansAllMunicipalities() {
        return ALL_MUNICIPALITIES.equals(municipality);
    }
}
